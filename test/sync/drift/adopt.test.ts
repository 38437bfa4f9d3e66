// `kac drift --adopt --github`: a UI edit becomes a pull request whose files, merged, make the plan
// empty; closing it and applying main is the other way out.
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { glob } from 'tinyglobby';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { z } from 'zod';
import type { CliIo } from '../../../sync/cli/io.js';
import { main } from '../../../sync/cli/main.js';
import { runAdopt } from '../../../sync/operations/adopt.js';
import { withProject } from '../../../sync/operations/project.js';
import { silentLogger } from '../../../sync/logger.js';
import {
  adoptBranch,
  openAdoptPullRequest,
  renderAdoptBody,
  type GitHubTarget,
} from '../../../sync/drift/adopt-github.js';
import type { Logger } from '../../../sync/logger.js';
import { filesAt, seedBranch } from '../../doubles/github/git.js';
import { setup } from '../github/helpers.js';
import { FIXTURES, REPO_ROOT, applyProject, buildOk, emptyOrg, pending, plan } from '../import/helpers.js';

const PROJECT = join(FIXTURES, 'project');
const SECRETS = { ACME_SYNC_TOKEN: 'sync-token-1234', ACME_HOOK_TOKEN: 'hook-token-5678' };
const FULL = 'acme/shop';

async function projectFiles(): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const path of await glob(['**/*.ts'], { cwd: PROJECT }))
    files[path] = await readFile(join(PROJECT, path), 'utf8');
  return files;
}

/** The UI edits: a step renamed and a transition relabelled in the workflow, the Klass re-titled. */
async function editInUi(t: Awaited<ReturnType<typeof emptyOrg>>): Promise<void> {
  const live = await t.live();
  const wf = live.find((r) => r.kind === 'kustomer.workflow')!;
  const steps = structuredClone(wf.body.steps) as any[];
  steps.find((s) => s.id === 'find').meta.displayName = 'Find the customer';
  steps.find((s) => s.id === 'find').transitions[0].meta.name = 'customer found';
  await t.client.put(`/v1/workflows/${wf.id}`, { steps }, z.unknown());
  const klass = live.find((r) => r.kind === 'kustomer.klass')!;
  await t.client.put(
    `/v1/klasses/${klass.id}`,
    { displayName: 'Shop Order', icon: 'basket', color: '#64943E', status: 'enabled' },
    z.unknown(),
  );
}

/** The adopt operation with the pull-request publisher, as `kac drift --adopt --github` runs it. */
function adoptOnGitHub(env: NodeJS.ProcessEnv, logger: Logger, github: GitHubTarget) {
  return withProject({ root: PROJECT, env, logger }, (build, target) =>
    runAdopt(
      target,
      { build, root: PROJECT },
      { env, logger, publish: (adoption) => openAdoptPullRequest(github, adoption, logger) },
    ),
  );
}

const adopt = suite('runAdopt with a pull-request publisher');

adopt('opens a PR on kac/adopt-<env> with the regenerated files; merging it makes the plan empty', async () => {
  const t = await emptyOrg();
  const gh = await setup();
  const scratch = join(REPO_ROOT, '.kac/import-tests', String(process.pid));
  try {
    await applyProject(PROJECT, t, SECRETS);
    await editInUi(t);
    seedBranch(gh.double.state, FULL, 'main', await projectFiles());
    const env = { KUSTOMER_BASE_URL: t.org.baseUrl, KUSTOMER_API_KEY: t.org.token, ...SECRETS };
    const github = { octokit: gh.octokit, owner: 'acme', repo: 'shop' };

    const result = await adoptOnGitHub(env, gh.logger, github);
    assert.equal(
      result.adoption.adopted.map((a) => `${a.bucket} ${a.kind}:${a.key} → ${a.path}`),
      [
        'changed-in-ui kustomer.klass:acme-order → klasses/acme-order.ts',
        'changed-in-ui kustomer.workflow:acme-order-placed → workflows/acme-order-placed.ts',
      ],
    );
    assert.equal(result.written, [], 'nothing written locally with --github');
    assert.equal(result.published, {
      number: 1,
      url: 'https://github.test/acme/shop/pull/1',
      branch: 'kac/adopt-direct',
      action: 'created',
    });

    const branch = filesAt(gh.double.state, FULL, adoptBranch('direct'))!;
    const main = filesAt(gh.double.state, FULL, 'main')!;
    assert.equal(Object.keys(branch).sort(), Object.keys(main).sort());
    const changed = Object.keys(branch)
      .filter((p) => branch[p] !== main[p])
      .sort();
    assert.equal(changed, ['klasses/acme-order.ts', 'workflows/acme-order-placed.ts']);
    assert.match(branch['workflows/acme-order-placed.ts']!, "displayName: 'Find the customer'");
    assert.match(branch['workflows/acme-order-placed.ts']!, "'customer found'");
    // The secret keeps the env var the team chose; no value reaches the repo.
    assert.match(branch['workflows/acme-order-placed.ts']!, "Authorization: `Bearer ${secret('ACME_HOOK_TOKEN')}`");
    assert.not.ok(Object.values(branch).some((text) => text.includes(SECRETS.ACME_HOOK_TOKEN)));
    assert.match(branch['klasses/acme-order.ts']!, "displayName: 'Shop Order'");

    const pr = gh.double.state.repo(FULL).issues.get(1)!;
    assert.is(pr.title, 'kac: adopt UI changes from direct');
    assert.is(pr.body, renderAdoptBody(result.adoption));
    assert.match(pr.body, '| workflow `acme-order-placed` | `workflows/acme-order-placed.ts` |');
    assert.match(
      pr.body,
      '- **Close** to reject them, then run `kac apply --env direct` on the base branch to put the org back.',
    );

    // Merging = the branch's files as the project: the plan against the org is empty.
    const merged = join(scratch, 'project');
    await mkdir(scratch, { recursive: true });
    await cp(PROJECT, merged, { recursive: true });
    // Same depth below the repo as the project, so the files' relative imports resolve unchanged.
    assert.is(relative(merged, REPO_ROOT), relative(PROJECT, REPO_ROOT).replace(/[^/]+/g, '..'));
    for (const [path, text] of Object.entries(branch)) await writeFile(join(merged, path), text);
    const build = await buildOk(merged);
    assert.equal(pending(plan(build, await t.live(), t.provider, SECRETS)), []);

    // A second run with nothing new leaves the PR as it is; a further UI edit updates it in place.
    const again = await adoptOnGitHub(env, gh.logger, github);
    assert.is(again.published?.action, 'unchanged');
    const wf = (await t.live()).find((r) => r.kind === 'kustomer.workflow')!;
    await t.client.put(`/v1/workflows/${wf.id}`, { description: 'Edited twice [managed by kac: acme]' }, z.unknown());
    const third = await adoptOnGitHub(env, gh.logger, github);
    assert.equal(
      { number: third.published?.number, action: third.published?.action },
      { number: 1, action: 'updated' },
    );
    assert.match(
      filesAt(gh.double.state, FULL, adoptBranch('direct'))!['workflows/acme-order-placed.ts']!,
      "description: 'Edited twice'",
    );
    assert.is(
      [...gh.double.state.repo(FULL).issues.values()].filter((i) => i.pull).length,
      1,
      'one PR per environment',
    );
  } finally {
    await rm(scratch, { recursive: true, force: true });
    await gh.double.close();
    await t.close();
  }
});

adopt('no drift: no branch, no PR', async () => {
  const t = await emptyOrg();
  const gh = await setup();
  try {
    await applyProject(PROJECT, t, SECRETS);
    seedBranch(gh.double.state, FULL, 'main', await projectFiles());
    const env = { KUSTOMER_BASE_URL: t.org.baseUrl, KUSTOMER_API_KEY: t.org.token, ...SECRETS };
    const result = await adoptOnGitHub(env, gh.logger, { octokit: gh.octokit, owner: 'acme', repo: 'shop' });
    assert.equal(result.adoption.adopted, []);
    assert.is(result.published, undefined);
    assert.is(filesAt(gh.double.state, FULL, adoptBranch('direct')), undefined);
    assert.ok(
      gh.double.requests.every((r) => r.method === 'GET' || !r.path.includes('/git/')),
      'nothing written to GitHub',
    );
  } finally {
    await gh.double.close();
    await t.close();
  }
});

adopt('kac drift --adopt rewrites the changed files locally; the next drift check is clean', async () => {
  const t = await emptyOrg();
  const scratch = join(REPO_ROOT, '.kac/import-tests', `${process.pid}-cli`);
  const root = join(scratch, 'project');
  try {
    await applyProject(PROJECT, t, SECRETS);
    await editInUi(t);
    await mkdir(scratch, { recursive: true });
    await cp(PROJECT, root, { recursive: true });
    const env = { KUSTOMER_BASE_URL: t.org.baseUrl, KUSTOMER_API_KEY: t.org.token, ...SECRETS };
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {
      out: (x) => void out.push(x),
      err: (x) => void err.push(x),
      isTTY: false,
      color: false,
      logger: silentLogger,
      cwd: root,
      env,
    };
    assert.is(await main(['drift', '--adopt'], io), 2);
    assert.ok(
      out.includes('wrote     klasses/acme-order.ts') && out.includes('wrote     workflows/acme-order-placed.ts'),
      out.join('\n'),
    );
    assert.ok(
      err.includes('adopted   kustomer.workflow acme-order-placed → workflows/acme-order-placed.ts'),
      err.join('\n'),
    );
    // A fresh path: this process has the old modules of `root` cached (the real CLI is a new process).
    const fresh = join(scratch, 'fresh');
    await cp(root, fresh, { recursive: true });
    const after: string[] = [];
    assert.is(await main(['drift', '--root', fresh], { ...io, out: (x) => void after.push(x) }), 0, after.join('\n'));
  } finally {
    await rm(scratch, { recursive: true, force: true });
    await t.close();
  }
});

adopt.run();
