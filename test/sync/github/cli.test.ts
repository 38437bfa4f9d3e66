import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { startGitHubDouble, type GitHubDouble } from '../../doubles/github/server.js';
import { kac, writeProject } from '../drift/project.js';
import { pullRequestEvent } from './helpers.js';

const TOKEN = 'ghs_clitesttoken0123456789abcdef';

function actionsEnv(
  double: GitHubDouble,
  root: string,
  over: { event?: unknown; eventName?: string; sha?: string } = {},
): NodeJS.ProcessEnv {
  const eventPath = join(root, 'event.json');
  writeFileSync(eventPath, JSON.stringify(over.event ?? {}));
  const summary = join(root, 'summary.md');
  writeFileSync(summary, '');
  return {
    GITHUB_ACTIONS: 'true',
    GITHUB_TOKEN: TOKEN,
    GITHUB_REPOSITORY: 'acme/kustomer-config',
    GITHUB_EVENT_NAME: over.eventName ?? 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SHA: over.sha ?? 'c0ffee0000000000000000000000000000000000',
    GITHUB_API_URL: double.url,
    GITHUB_SERVER_URL: 'https://github.test',
    GITHUB_RUN_ID: '99',
    GITHUB_STEP_SUMMARY: summary,
  };
}

const plan = suite('kac plan --github');

plan(
  'comments the plan on the PR, once per environment, updated on the next push; writes the job summary',
  async () => {
    const root = writeProject();
    const double = await startGitHubDouble({ token: TOKEN });
    try {
      const pr = double.state.addPullRequest('acme/kustomer-config', { headSha: 'c0ffee0' });
      const env = actionsEnv(double, root, { event: pullRequestEvent(pr.number) });
      const first = await kac(['plan', '--env', 'local', '--github', '--root', root], root, env);
      assert.is(first.code, 0, first.out + first.err);
      assert.match(first.out, /Plan: 2 to create, 0 to update, 0 to disable, 0 to delete; 0 unchanged\./);
      const second = await kac(['plan', '--env', 'local', '--github', '--root', root], root, env);
      assert.is(second.code, 0);
      const comments = [...double.state.repo('acme/kustomer-config').comments.values()];
      assert.is(comments.length, 1, 'one sticky comment, updated in place');
      const body = comments[0]!.body;
      assert.ok(
        body.startsWith('<!-- kac:plan:local -->\n\n### kac plan · `local` · namespace `regal`\n\n**Plan: 2 to create'),
        body.slice(0, 200),
      );
      assert.ok(
        body.endsWith(
          '<sub>kac plan · `local` · commit c0ffee0 · [run 99](https://github.test/acme/kustomer-config/actions/runs/99)</sub>\n',
        ),
      );
      assert.match(readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8'), /### kac plan · `local`/);
      assert.not.ok((first.out + first.err + second.out + second.err).includes(TOKEN));
    } finally {
      await double.close();
    }
  },
);

plan('a fork PR: validated and compiled, no plan, no GitHub call, a plain "needs a maintainer" note', async () => {
  const root = writeProject();
  const double = await startGitHubDouble({ token: TOKEN });
  try {
    const env = actionsEnv(double, root, { event: pullRequestEvent(5, true) });
    delete env.GITHUB_TOKEN; // GitHub gives a fork a read-only token; kac must not even try
    const r = await kac(['plan', '--env', 'staging', '--github', '--root', root], root, env);
    assert.is(r.code, 0, r.out + r.err);
    assert.match(
      r.out,
      /^Plan for `staging` needs a maintainer: this pull request comes from a fork \(stranger\/kustomer-config\)/,
    );
    assert.match(
      readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8'),
      /^### kac plan · `staging`\n\n> \[!NOTE\]\n> Plan for `staging` needs a maintainer/,
    );
    assert.is(double.requests.length, 0);
  } finally {
    await double.close();
  }
});

plan('a same-repo PR without the environment key says which secret is missing', async () => {
  const root = writeProject();
  const double = await startGitHubDouble({ token: TOKEN });
  try {
    const env = actionsEnv(double, root, { event: pullRequestEvent(6) });
    const r = await kac(['plan', '--env', 'staging', '--github', '--root', root], root, env);
    assert.is(r.code, 0);
    assert.match(r.out, /^Plan for `staging` needs a maintainer: `KUSTOMER_API_KEY_STAGING` is not set in this run/);
    assert.is(double.requests.length, 0);
  } finally {
    await double.close();
  }
});

plan('definition errors are printed as ::error annotations and exit 1', async () => {
  const root = writeProject();
  writeFileSync(
    join(root, 'workflows/bad.ts'),
    `import { defineHook } from ${JSON.stringify(join(process.cwd(), 'compiler/index.js'))};\nexport const bad = defineHook({ name: 'regal-bad', type: 'email' as never });\n`,
  );
  const double = await startGitHubDouble({ token: TOKEN });
  try {
    const r = await kac(
      ['plan', '--env', 'local', '--github', '--root', root],
      root,
      actionsEnv(double, root, { event: pullRequestEvent(7) }),
    );
    assert.is(r.code, 1);
    assert.match(
      r.out,
      /^::error file=workflows\/bad\.ts,line=2,col=\d+,title=hook\/invalid-type::hook "regal-bad" has type "email"/m,
    );
    assert.is(double.requests.length, 0);
  } finally {
    await double.close();
  }
});

plan('kac validate prints the same diagnostics as annotations when GITHUB_ACTIONS=true', async () => {
  const root = writeProject();
  writeFileSync(
    join(root, 'workflows/bad.ts'),
    `import { defineHook } from ${JSON.stringify(join(process.cwd(), 'compiler/index.js'))};\nexport const bad = defineHook({ name: 'regal-bad', type: 'email' as never });\n`,
  );
  const inActions = await kac(['validate', '--root', root], root, { GITHUB_ACTIONS: 'true' });
  assert.is(inActions.code, 1);
  assert.match(
    inActions.out,
    /\n::error file=workflows\/bad\.ts,line=2,col=\d+,title=hook\/invalid-type::hook "regal-bad" has type "email"/,
  );
  const local = await kac(['validate', '--root', root], root, {});
  assert.not.ok(local.out.includes('::error'));
});

const apply = suite('kac apply --github');

apply('applies, then posts the result on the PR merged as GITHUB_SHA', async () => {
  const root = writeProject();
  const double = await startGitHubDouble({ token: TOKEN });
  try {
    const sha = 'beef000000000000000000000000000000000001';
    const pr = double.state.addPullRequest('acme/kustomer-config', { headSha: 'beef0', mergeCommitSha: sha });
    const env = actionsEnv(double, root, { eventName: 'push', sha });
    const r = await kac(['apply', '--env', 'local', '--auto-approve', '--github', '--root', root], root, env);
    assert.is(r.code, 0, r.out + r.err);
    const comments = [...double.state.repo('acme/kustomer-config').comments.values()];
    assert.equal(
      comments.map((c) => c.issue_number),
      [pr.number],
    );
    assert.ok(
      comments[0]!.body.startsWith(
        '<!-- kac:apply:local -->\n\n**Applied to `local`**: the org matches git.\n\n<details><summary>Apply output</summary>\n\n```text\n',
      ),
    );
    assert.match(comments[0]!.body, /Apply complete: 2 applied\./);
    assert.match(readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8'), /\*\*Applied to `local`\*\*/);
  } finally {
    await double.close();
  }
});

plan.run();
apply.run();
