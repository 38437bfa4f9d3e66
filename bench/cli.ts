/**
 * Bench: CLI start-up, as a user pays it. Runs `kac --help`, `kac validate` and `kac plan` (the local
 * org, nothing to do) as separate processes through bin/kac.js, beside `node -e 0` in the same run,
 * and reports the median wall time of a few runs of each. The project is a private copy of this
 * repo's definitions (its `compiler` a link to this checkout's), already applied to its own local
 * org, so plan has nothing to do and the developer's .kac/local is never touched.
 * Targets (issue 14): --help ≤ 0.35 s, validate without the type check ≤ 1.0 s, plan ≤ 1.5 s; (issue 12)
 * validate with the type check, warm, ≤ 1.5 s.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from './row.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(REPO, 'bin/kac.js');
const RUNS = 5;

const TARGETS: { name: string; args: string[]; targetS?: number }[] = [
  { name: 'node -e 0', args: [] },
  { name: 'kac --help', args: ['--help'], targetS: 0.35 },
  { name: 'kac validate --no-typecheck', args: ['validate', '--no-typecheck'], targetS: 1.0 },
  { name: 'kac validate (type check warm)', args: ['validate'], targetS: 1.5 },
  { name: 'kac plan (local, nothing to do)', args: ['plan'], targetS: 1.5 },
];

function run(args: string[], cwd: string): number {
  const argv = args.length === 0 ? ['-e', '0'] : [BIN, ...args];
  const t0 = performance.now();
  const result = spawnSync(process.execPath, argv, { cwd, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (result.status !== 0)
    throw new Error(`${args.join(' ') || 'node -e 0'} exited ${result.status}: ${result.stderr}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function projectCopy(): Promise<string> {
  await mkdir(join(REPO, '.kac'), { recursive: true });
  const dir = await mkdtemp(join(REPO, '.kac', 'bench-cli-'));
  await cp(join(REPO, 'kac.config.ts'), join(dir, 'kac.config.ts'));
  for (const folder of ['klasses', 'workflows']) await cp(join(REPO, folder), join(dir, folder), { recursive: true });
  await symlink(join(REPO, 'compiler'), join(dir, 'compiler'), 'dir');
  return dir;
}

export async function runCliBench(): Promise<BenchRow[]> {
  const dir = await projectCopy();
  try {
    // Builds the CLI bundle if needed and makes the local org match git: neither is measured.
    spawnSync(process.execPath, [BIN, 'apply', '--auto-approve'], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1' },
      encoding: 'utf8',
    });
    const rows: BenchRow[] = [];
    for (const t of TARGETS) {
      run(t.args, dir); // warm the file cache
      const ms = median(Array.from({ length: RUNS }, () => run(t.args, dir)));
      rows.push({
        bench: 'cli',
        metric: `${t.name}: wall time (median of ${RUNS})`,
        value: `${(ms / 1000).toFixed(2)} s`,
        target: t.targetS === undefined ? '(baseline)' : `<= ${t.targetS.toFixed(2)} s`,
        ...(t.targetS === undefined ? {} : { pass: ms / 1000 <= t.targetS }),
      });
    }
    return rows;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
