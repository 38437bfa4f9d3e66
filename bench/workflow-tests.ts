/**
 * Bench: `kac test` of this repo's Regal workflow tests, as a user runs it (a fresh process through
 * bin/kac.js: start-up, compile, load the tests, run them all). Target < 5 s on 2 cores.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from './row.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const TARGET_MS = 5_000;

export async function runWorkflowTestsBench(): Promise<BenchRow[]> {
  // The CLI's own start-up, measured in the same run: what of the time is kac test's own.
  const helpStarted = performance.now();
  spawnSync(process.execPath, ['bin/kac.js', '--help'], { cwd: root, encoding: 'utf8' });
  const helpMs = performance.now() - helpStarted;
  const started = performance.now();
  const run = spawnSync(process.execPath, ['bin/kac.js', 'test', 'workflows/regal/'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  const ms = performance.now() - started;
  const summary = /(\d+) workflow test\(s\): (\d+) passed/.exec(run.stdout ?? '');
  const passedAll = run.status === 0 && summary !== null && summary[1] === summary[2];
  return [
    {
      bench: 'kac test (Regal)',
      metric: 'tests passed',
      value: summary ? `${summary[2]} of ${summary[1]}` : `exit ${run.status}`,
      target: 'all',
      pass: passedAll,
    },
    {
      bench: 'kac test (Regal)',
      metric: 'wall time',
      value: `${(ms / 1000).toFixed(2)} s`,
      target: `< ${TARGET_MS / 1000} s`,
      pass: ms < TARGET_MS,
    },
    {
      bench: 'kac test (Regal)',
      metric: 'of which CLI start-up (kac --help)',
      value: `${(helpMs / 1000).toFixed(2)} s`,
      target: '',
    },
  ];
}
