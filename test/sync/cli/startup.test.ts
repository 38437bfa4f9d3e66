// CLI start-up: which modules `kac validate` and `kac --help` load (the module graph, not time).
// ts-morph (the TypeScript compiler), octokit, the local org and Handlebars stay out unless a
// command needs them. Runs the real bin in a child process with a module recorder.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const recorder = fileURLToPath(new URL('./startup/record-modules.mjs', import.meta.url));

function modulesLoadedBy(args: string[]): { code: number | null; modules: string[]; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kac-startup-'));
  const log = join(dir, 'modules.log');
  try {
    const result = spawnSync(process.execPath, ['--import', recorder, join(repo, 'bin/kac.js'), ...args], {
      cwd: repo,
      env: { ...process.env, KAC_MODULE_LOG: log, NO_COLOR: '1' },
      encoding: 'utf8',
    });
    const modules = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    return { code: result.status, modules, output: result.stdout + result.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const heavy = (modules: string[], names: string[]) =>
  names.filter((name) => modules.some((m) => m.includes(`/node_modules/${name}/`) || m.includes(`/sync/${name}/`)));

test('kac validate (a project without diagnostics) loads neither ts-morph nor octokit, nor the local org', () => {
  const { code, modules, output } = modulesLoadedBy(['validate', '--root', 'test/fixtures/projects/e2e']);
  assert.is(code, 0, output);
  assert.match(output, 'No problems found');
  assert.ok(
    modules.some((m) => m.includes('/compiler/')),
    'the recorder saw the compiler load',
  );
  assert.equal(heavy(modules, ['ts-morph', '@ts-morph', 'octokit', '@octokit', 'local-org', 'handlebars', 'ajv']), []);
});

test('kac --help loads no compiler, provider or TypeScript loader module', () => {
  const { code, modules, output } = modulesLoadedBy(['--help']);
  assert.is(code, 0, output);
  assert.match(output, 'Usage: kac');
  assert.equal(heavy(modules, ['ts-morph', 'octokit', 'tsx', 'zod', 'local-org', 'providers', 'operations']), []);
});

test.run();
