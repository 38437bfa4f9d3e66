/**
 * The GitHub Actions workflows, checked offline: each file passes action-validator's schema, and the
 * security properties hold by parsing the YAML (pinned SHAs, least-privilege permissions, no
 * pull_request_target, queued per-environment applies, secrets only in the steps that need them).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { buildProject } from '../../compiler/build.js';
import { findSecrets } from '../../compiler/placeholders.js';

const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const dir = join(root, '.github/workflows');
const FILES = ['ci.yml', 'plan.yml', 'apply.yml', 'drift.yml'] as const;
const PINNED: Record<string, { sha: string; version: string }> = {
  'actions/checkout': { sha: '11bd71901bbe5b1630ceea73d27597364c9af683', version: 'v4.2.2' },
  'actions/setup-node': { sha: '49933ea5288caeca8642d1e84afbd3f7d6820020', version: 'v4.4.0' },
};

type Step = { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> };
type Job = {
  permissions?: Record<string, string> | string;
  environment?: string;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  env?: Record<string, string>;
  steps: Step[];
  strategy?: { matrix?: { environment?: string[]; node?: number[] } };
};
type Workflow = {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  jobs: Record<string, Job>;
};

const text = (file: string) => readFileSync(join(dir, file), 'utf8');
const load = (file: string) => parse(text(file)) as Workflow;
const secretsIn = (value: unknown) =>
  [...new Set([...JSON.stringify(value ?? {}).matchAll(/secrets\.([A-Z0-9_]+)/g)].map((m) => m[1]!))].sort();
const validator = join(root, 'node_modules/.bin/action-validator');

const schema = suite('workflows: action-validator');

for (const file of FILES) {
  schema(`${file} passes the schema`, () => {
    const r = spawnSync(validator, [join(dir, file)], { encoding: 'utf8' });
    assert.is(r.status, 0, `${r.stdout}${r.stderr}`);
  });
}

schema('the validator is real: a broken workflow fails it', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'kac-wf-'));
  const bad = join(tmp, 'bad.yml');
  writeFileSync(
    bad,
    'name: bad\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: maybe\n    steps:\n      - run: echo\n',
  );
  assert.is.not(spawnSync(validator, [bad], { encoding: 'utf8' }).status, 0);
});

const props = suite('workflows: security properties');

props('every action is one of the two allowed, pinned to its full commit SHA with the version in a comment', () => {
  for (const file of FILES) {
    const uses = Object.values(load(file).jobs).flatMap((j) => j.steps.filter((s) => s.uses).map((s) => s.uses!));
    assert.ok(uses.length > 0, file);
    for (const u of uses) {
      const [name, ref] = u.split('@') as [string, string];
      assert.ok(PINNED[name], `${file}: ${name} is not an allowed action (use run: steps)`);
      assert.is(ref, PINNED[name]!.sha, `${file}: ${name} pinned to ${ref}`);
    }
    for (const line of text(file)
      .split('\n')
      .filter((l) => /\buses:/.test(l))) {
      const m = /uses:\s*([^@\s]+)@([0-9a-f]{40})\s+#\s*(v\d+\.\d+\.\d+)\s*$/.exec(line);
      assert.ok(m, `${file}: "${line.trim()}" lacks a pinned SHA and version comment`);
      assert.is(m![3], PINNED[m![1]!]!.version, `${file}: version comment for ${m![1]}`);
    }
  }
});

props('CI tests every supported Node version; the other jobs use the oldest; every job installs with npm ci', () => {
  const engines = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } })
    .engines.node;
  assert.is(engines, '^22.9.0 || >=24', 'package.json engines: the maintained LTS lines');
  assert.equal(load('ci.yml').jobs.test!.strategy?.matrix?.node, [22, 24]);
  for (const file of FILES) {
    for (const [name, job] of Object.entries(load(file).jobs)) {
      const setup = job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
      const expected = file === 'ci.yml' && name === 'test' ? '${{ matrix.node }}' : '22';
      assert.is(String(setup?.with?.['node-version']), expected, `${file}/${name}`);
      assert.ok(
        job.steps.some((s) => s.run?.trim() === 'npm ci'),
        `${file}/${name} runs npm ci`,
      );
      const checkout = job.steps.find((s) => s.uses?.startsWith('actions/checkout@'));
      assert.is(
        checkout?.with?.['persist-credentials'],
        false,
        `${file}/${name}: the token is not left in .git/config`,
      );
    }
  }
});

props('permissions are declared for every workflow and job, and are least privilege', () => {
  const expected: Record<string, Record<string, Record<string, string>>> = {
    'ci.yml': { test: { contents: 'read' } },
    'plan.yml': { validate: { contents: 'read' }, plan: { contents: 'read', 'pull-requests': 'write' } },
    'apply.yml': {
      'apply-staging': { contents: 'read', 'pull-requests': 'write' },
      'apply-production': { contents: 'read', 'pull-requests': 'write' },
    },
    'drift.yml': { drift: { contents: 'read', issues: 'write' } },
  };
  for (const file of FILES) {
    const wf = load(file);
    assert.ok(wf.permissions !== undefined, `${file}: top-level permissions`);
    assert.ok(
      Object.values(wf.permissions!).every((v) => v === 'read'),
      `${file}: top-level permissions grant no write`,
    );
    const jobs = Object.fromEntries(Object.entries(wf.jobs).map(([n, j]) => [n, j.permissions]));
    assert.equal(jobs, expected[file], file);
  }
});

props('no pull_request_target anywhere; the triggers are the intended ones', () => {
  for (const file of FILES) {
    assert.not.ok('pull_request_target' in load(file).on, file);
    const code = text(file)
      .split('\n')
      .filter((l) => !l.trim().startsWith('#'));
    assert.not.ok(
      code.some((l) => l.includes('pull_request_target')),
      file,
    );
  }
  assert.equal(Object.keys(load('ci.yml').on).sort(), ['pull_request', 'push']);
  assert.equal(Object.keys(load('plan.yml').on), ['pull_request']);
  assert.equal(load('apply.yml').on, { push: { branches: ['main'] } });
  assert.equal(Object.keys(load('drift.yml').on).sort(), ['schedule', 'workflow_dispatch']);
  assert.ok(load('ci.yml').jobs.test!.steps.some((s) => s.run === 'npm test'));
});

props('apply: one environment per job, one queued concurrency group per environment, staging before production', () => {
  const jobs = load('apply.yml').jobs;
  for (const env of ['staging', 'production']) {
    const job = jobs[`apply-${env}`]!;
    assert.is(job.environment, env);
    assert.equal(job.concurrency, { group: `kac-apply-${env}`, 'cancel-in-progress': false });
    assert.ok(job.steps.some((s) => s.run === `node bin/kac.js apply --env ${env} --auto-approve --github`));
  }
  assert.is((jobs['apply-production'] as Job & { needs?: string }).needs, 'apply-staging');
});

props('plan and drift run per environment (matrix) and call kac with --github', () => {
  for (const [file, job, command] of [
    ['plan.yml', 'plan', 'plan'],
    ['drift.yml', 'drift', 'drift'],
  ] as const) {
    const j = load(file).jobs[job]!;
    assert.equal(j.strategy?.matrix?.environment, ['staging', 'production'], file);
    assert.ok(
      j.steps.some((s) => s.run?.startsWith(`node bin/kac.js ${command} --env "$KAC_ENV" --github`)),
      file,
    );
  }
  assert.is((load('plan.yml').jobs.plan as Job & { needs?: string }).needs, 'validate');
});

props('secrets appear only in the env of the step that runs kac, and only the ones that job needs', async () => {
  // What the project needs, derived from it: each environment's keys in kac.config.ts, and every
  // secret() in the resources kac sends (Iterable templates are pasted by hand: their secrets never
  // reach kac). A new secret() without a workflow update fails here.
  const build = await buildProject(root);
  const sent = build.resources.filter((r) => r.kind.startsWith('kustomer.'));
  const used = new Set(sent.flatMap((r) => findSecrets(JSON.stringify(r.body))));
  const keysOf = (env: string) => {
    const e = build.config.environments[env];
    return e?.kind === 'kustomer' ? [e.apiKey.envVar, ...(e.iterable ? [e.iterable.apiKey.envVar] : [])] : [];
  };
  const needs = (...envs: string[]) => [...new Set([...envs.flatMap(keysOf), ...used])].sort();
  const allowed: Record<string, string[]> = {
    'ci.yml/test': [],
    'plan.yml/validate': [],
    'plan.yml/plan': needs('staging', 'production'),
    'apply.yml/apply-staging': needs('staging'),
    'apply.yml/apply-production': needs('production'),
    'drift.yml/drift': needs('staging', 'production'),
  };
  assert.ok(
    allowed['apply.yml/apply-staging']!.includes('REGAL_CONVERSATION_SYNC_TOKEN'),
    'derived from the definitions',
  );
  for (const file of FILES) {
    const wf = load(file);
    assert.equal(secretsIn(wf.env), [], `${file}: no secrets in workflow-level env`);
    for (const [name, job] of Object.entries(wf.jobs)) {
      assert.equal(secretsIn(job.env), [], `${file}/${name}: no secrets in job-level env`);
      for (const step of job.steps) {
        assert.equal(secretsIn(step.run), [], `${file}/${name}: never interpolate secrets into a script`);
        if (secretsIn(step.env).length)
          assert.ok(step.run?.startsWith('node bin/kac.js '), `${file}/${name}: secrets only for the kac step`);
      }
      assert.equal(secretsIn(job.steps), allowed[`${file}/${name}`], `${file}/${name}`);
    }
  }
});

props('matrix jobs receive only their own environment key', () => {
  for (const [file, job] of [
    ['plan.yml', 'plan'],
    ['drift.yml', 'drift'],
  ] as const) {
    const env = load(file).jobs[job]!.steps.find((s) => s.env?.KAC_ENV)!.env!;
    assert.is(
      env.KUSTOMER_API_KEY_STAGING,
      "${{ matrix.environment == 'staging' && secrets.KUSTOMER_API_KEY_STAGING || '' }}",
    );
    assert.is(
      env.KUSTOMER_API_KEY_PRODUCTION,
      "${{ matrix.environment == 'production' && secrets.KUSTOMER_API_KEY_PRODUCTION || '' }}",
    );
  }
});

schema.run();
props.run();
