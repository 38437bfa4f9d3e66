import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { planAccess, publishApply, publishPlan, reportPlanUnavailable } from '../../../sync/github/publish.js';
import { memoryLogger } from '../../../sync/logger.js';
import { startGitHubDouble } from '../../doubles/github/server.js';
import { FAST, TOKEN, actionsEnv, pullRequestEvent } from './helpers.js';

const fork = suite('planAccess: forks and missing secrets');

fork('a fork PR: no plan, no comment attempted, a plain message in the job summary', async () => {
  const double = await startGitHubDouble({ token: TOKEN });
  try {
    const actions = actionsEnv(double, { event: pullRequestEvent(7, true), token: null });
    const logger = memoryLogger();
    const ctx = { actions, logger, client: FAST };
    const access = planAccess(ctx, 'staging', ['KUSTOMER_API_KEY_STAGING']);
    assert.is(access.ok, false);
    if (access.ok) return;
    assert.is(access.reason, 'fork');
    await reportPlanUnavailable(ctx, 'staging', access);
    const summary = readFileSync(actions.stepSummaryPath!, 'utf8');
    assert.is(
      summary,
      '### kac plan · `staging`\n\n> [!NOTE]\n> Plan for `staging` needs a maintainer: this pull request comes from a fork (stranger/kustomer-config), ' +
        'and GitHub gives fork pull requests no secrets, so kac cannot read the live org. The definitions were validated and compiled. ' +
        'A maintainer can review the change and push the branch to this repository to get a plan.\n\n',
    );
    assert.ok(logger.lines[0]!.startsWith('warn: Plan for `staging` needs a maintainer'));
    const published = await publishPlan(ctx, { environment: 'staging', markdown: 's' });
    assert.is(published.skipped, 'pull request from a fork: no token to comment with');
    assert.is(double.requests.length, 0, 'no GitHub call at all');
  } finally {
    await double.close();
  }
});

fork('same-repo PR without the environment key: needs a maintainer, names the secret', async () => {
  const double = await startGitHubDouble({ token: TOKEN });
  try {
    const actions = actionsEnv(double, { event: pullRequestEvent(8) });
    const access = planAccess({ actions, logger: memoryLogger() }, 'production', ['KUSTOMER_API_KEY_PRODUCTION']);
    assert.equal(access.ok ? 'ok' : [access.reason, access.message], [
      'missing-secrets',
      'Plan for `production` needs a maintainer: `KUSTOMER_API_KEY_PRODUCTION` is not set in this run, so kac cannot read the live org. ' +
        'Add the secret in Settings → Secrets and variables → Actions (or to the GitHub environment), then re-run.',
    ]);
    assert.equal(planAccess({ actions, logger: memoryLogger() }, 'production', []), {
      ok: true,
      pullRequest: { number: 8, headRepo: 'acme/kustomer-config', baseRepo: 'acme/kustomer-config', fromFork: false },
    });
  } finally {
    await double.close();
  }
});

const plan = suite('publishPlan');

plan('comments on the PR and writes the job summary; a re-run updates the same comment', async () => {
  const double = await startGitHubDouble({ token: TOKEN });
  try {
    const pr = double.state.addPullRequest('acme/kustomer-config', { headSha: 'abc1234' });
    const actions = actionsEnv(double, { event: pullRequestEvent(pr.number) });
    const ctx = { actions, logger: memoryLogger(), client: FAST };
    const first = await publishPlan(ctx, { environment: 'staging', markdown: '**1 to create**\n\ncreate regal-call' });
    const second = await publishPlan(ctx, { environment: 'staging', markdown: '**nothing to do**' });
    assert.is(first.comment?.action, 'created');
    assert.is(second.comment?.action, 'updated');
    const comments = [...double.state.repo('acme/kustomer-config').comments.values()];
    assert.is(comments.length, 1);
    assert.is(
      comments[0]!.body,
      '<!-- kac:plan:staging -->\n\n**nothing to do**\n\n<sub>kac plan · `staging` · commit a1b2c3d · [run 4242](https://github.test/acme/kustomer-config/actions/runs/4242)</sub>\n',
    );
    const summary = readFileSync(actions.stepSummaryPath!, 'utf8');
    assert.ok(summary.includes('**1 to create**\n\ncreate regal-call') && summary.includes('**nothing to do**'));
  } finally {
    await double.close();
  }
});

plan('an oversized plan is truncated with the link to the run, and GitHub accepts it', async () => {
  const double = await startGitHubDouble({ token: TOKEN });
  try {
    const pr = double.state.addPullRequest('acme/kustomer-config', { headSha: 'abc1234' });
    const actions = actionsEnv(double, { event: pullRequestEvent(pr.number) });
    const details = Array.from(
      { length: 4000 },
      (_, i) => `~ update kustomer.workflow regal-wf-${i}: step "create-kobject" changed`,
    ).join('\n');
    const result = await publishPlan(
      { actions, logger: memoryLogger(), client: FAST },
      { environment: 'production', markdown: `**4000 to update**\n\n${details}` },
    );
    assert.is(result.comment?.action, 'created');
    const body = [...double.state.repo('acme/kustomer-config').comments.values()][0]!.body;
    assert.ok(body.length <= 65_536 && details.length > 65_536);
    assert.ok(body.includes('**4000 to update**'), 'summary first, kept whole');
    assert.ok(
      body.includes(
        'The full text is in [the workflow run](https://github.test/acme/kustomer-config/actions/runs/4242).\n',
      ),
    );
    assert.ok(
      body.endsWith(
        '<sub>kac plan · `production` · commit a1b2c3d · [run 4242](https://github.test/acme/kustomer-config/actions/runs/4242)</sub>\n',
      ),
    );
    // The job summary has the whole plan: that is where the link leads.
    assert.ok(readFileSync(actions.stepSummaryPath!, 'utf8').includes('regal-wf-3999'));
  } finally {
    await double.close();
  }
});

plan('not a pull_request event: job summary only', async () => {
  const double = await startGitHubDouble({ token: TOKEN });
  try {
    const actions = actionsEnv(double, { eventName: 'workflow_dispatch' });
    const result = await publishPlan(
      { actions, logger: memoryLogger(), client: FAST },
      { environment: 'staging', markdown: 's' },
    );
    assert.equal(result, { summaryWritten: true, skipped: 'not a pull_request event' });
    assert.is(double.requests.length, 0);
  } finally {
    await double.close();
  }
});

const apply = suite('publishApply');

apply('posts the result on the PR merged as GITHUB_SHA', async () => {
  const double = await startGitHubDouble({ token: TOKEN });
  try {
    const sha = 'feedfacecafebeef00112233445566778899aabb';
    double.state.addPullRequest('acme/kustomer-config', { headSha: '1111111', title: 'unrelated' });
    const merged = double.state.addPullRequest('acme/kustomer-config', {
      headSha: '2222222',
      mergeCommitSha: sha,
      title: 'Add call Klass',
    });
    const actions = actionsEnv(double, { eventName: 'push', sha });
    const result = await publishApply(
      { actions, logger: memoryLogger(), client: FAST },
      { environment: 'production', markdown: '**applied 2 changes**' },
    );
    assert.equal(result.comment && { action: result.comment.action, pullRequest: result.comment.pullRequest }, {
      action: 'created',
      pullRequest: merged.number,
    });
    assert.ok(
      double.requests.some((r) => r.method === 'GET' && r.path === `/repos/acme/kustomer-config/commits/${sha}/pulls`),
    );
    const body = [...double.state.repo('acme/kustomer-config').comments.values()][0]!.body;
    assert.is(
      body,
      '<!-- kac:apply:production -->\n\n**applied 2 changes**\n\n<sub>kac apply · `production` · commit feedfac · [run 4242](https://github.test/acme/kustomer-config/actions/runs/4242)</sub>\n',
    );
  } finally {
    await double.close();
  }
});

apply('a direct push (no PR) writes the summary and says why there is no comment', async () => {
  const double = await startGitHubDouble({ token: TOKEN });
  try {
    const actions = actionsEnv(double, { eventName: 'push', sha: '0123456789abcdef0123456789abcdef01234567' });
    const result = await publishApply(
      { actions, logger: memoryLogger(), client: FAST },
      { environment: 'production', markdown: 's' },
    );
    assert.equal(result, { summaryWritten: true, skipped: 'no merged pull request for 0123456 (a direct push)' });
  } finally {
    await double.close();
  }
});

fork.run();
plan.run();
apply.run();
