/**
 * Bench: `kac validate` with the type check, against `tsc --noEmit` alone on the same files, in the
 * same run (the machine's load weighs on both alike).
 * - The generated project of 1,000 workflows + 200 Klasses (bench/compile.ts), with a tsconfig.json:
 *   `tsc --noEmit -p tsconfig.json`, then `kac validate` cold (no .kac/typecheck yet) and warm.
 *   Target: ≤ 2 × tsc alone.
 * - This repo: `kac validate` warm and cold (.kac/typecheck removed), beside --no-typecheck, and what
 *   the alternative kac did not take costs: the type check in-process through ts-morph's TS 6 API.
 *   (The ≤ 1.5 s warm target is checked by bench/cli.ts, as the median of several runs.)
 * Every timing is the wall time of a fresh process, as a user runs it.
 * Alone: `npx tsx bench/typecheck.ts`; or through bench/run.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateProject, KLASSES, WORKFLOWS } from './compile.js';
import type { BenchRow } from './row.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Timed {
  ms: number;
  /** user + sys CPU time of the process and its children: what the machine's load does not inflate. */
  cpuMs: number;
  status: number | null;
  stdout: string;
}

const CPU_MARK = '--kac-bench-cpu--';

/** Runs `args` under bash, whose `times` builtin reports the CPU time its children used. */
function timed(args: string[], cwd: string): Timed {
  const quoted = args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const script = `${quoted}; status=$?; echo ${CPU_MARK}; times; exit $status`;
  const started = performance.now();
  const child = spawnSync('bash', ['-c', script], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (child.error) throw child.error;
  const [stdout = '', timesOut = ''] = child.stdout.split(`${CPU_MARK}\n`);
  // `times` prints the shell's user/sys, then its children's: `0m1.234s 0m0.056s`.
  const children = timesOut.trim().split('\n').at(-1) ?? '';
  const cpuMs = [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce(
    (sum, m) => sum + (Number(m[1]) * 60 + Number(m[2])) * 1000,
    0,
  );
  return { ms, cpuMs, status: child.status, stdout };
}

async function nativeTsc(): Promise<string> {
  const getExePath = join(
    dirname(fileURLToPath(import.meta.resolve('typescript/package.json'))),
    'lib',
    'getExePath.js',
  );
  return ((await import(pathToFileURL(getExePath).href)) as { default: () => string }).default();
}

const kacValidate = (root: string, ...extra: string[]) =>
  timed([process.execPath, join(REPO, 'bin/kac.js'), 'validate', '--root', root, ...extra], REPO);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const wallCpu = (t: Timed) => `${seconds(t.ms)} (CPU ${seconds(t.cpuMs)})`;

function expectClean(run: Timed, what: string): void {
  if (run.status !== 0) throw new Error(`typecheck bench: ${what} exited ${run.status}:\n${run.stdout.slice(0, 2000)}`);
}

/** The generated project's own tsconfig.json: what its authors would run `tsc --noEmit` on. */
const BIG_TSCONFIG = (typeRoots: string) =>
  `${JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noUncheckedIndexedAccess: true,
        skipLibCheck: true,
        verbatimModuleSyntax: true,
        lib: ['ES2023'],
        types: ['node'],
        typeRoots: [typeRoots],
        noEmit: true,
      },
      include: ['klasses', 'workflows', 'kac.config.ts'],
    },
    null,
    2,
  )}\n`;

export async function runTypecheckBench(): Promise<BenchRow[]> {
  const tsc = await nativeTsc();
  const rows: BenchRow[] = [];

  const root = await mkdtemp(join(tmpdir(), 'kac-bench-typecheck-'));
  try {
    await generateProject(root);
    await writeFile(join(root, 'tsconfig.json'), BIG_TSCONFIG(join(REPO, 'node_modules/@types')));
    const alone = timed([tsc, '--noEmit', '-p', 'tsconfig.json'], root);
    expectClean(alone, 'tsc --noEmit');
    const cold = kacValidate(root);
    expectClean(cold, 'kac validate (cold)');
    const warm = kacValidate(root);
    expectClean(warm, 'kac validate (warm)');
    const skipped = kacValidate(root, '--no-typecheck');
    expectClean(skipped, 'kac validate --no-typecheck');
    const name = `validate ${WORKFLOWS} workflows + ${KLASSES} Klasses`;
    const target = `≤ 2 × ${seconds(alone.ms)}`;
    rows.push(
      { bench: name, metric: 'tsc --noEmit alone (same files)', value: wallCpu(alone), target: '' },
      {
        bench: name,
        metric: 'kac validate, type check cold',
        value: `${wallCpu(cold)} ${(cold.ms / alone.ms).toFixed(2)}×`,
        target,
        pass: cold.ms <= 2 * alone.ms,
      },
      {
        bench: name,
        metric: 'kac validate, type check warm',
        value: `${wallCpu(warm)} ${(warm.ms / alone.ms).toFixed(2)}×`,
        target,
        pass: warm.ms <= 2 * alone.ms,
      },
      { bench: name, metric: 'kac validate --no-typecheck', value: wallCpu(skipped), target: '' },
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }

  // This repo: cold first (kac's type-check cache removed; nothing else under .kac/ is touched).
  await rm(join(REPO, '.kac/typecheck'), { recursive: true, force: true });
  const repoCold = kacValidate(REPO);
  expectClean(repoCold, 'kac validate of the repo (cold)');
  const repoWarm = kacValidate(REPO);
  expectClean(repoWarm, 'kac validate of the repo (warm)');
  const repoSkipped = kacValidate(REPO, '--no-typecheck');
  expectClean(repoSkipped, 'kac validate --no-typecheck of the repo');
  const repoAlone = timed([tsc, '--noEmit', '-p', '.kac/typecheck/tsconfig.json', '--incremental', 'false'], REPO);
  expectClean(repoAlone, 'tsc --noEmit of the repo');
  const api = timed(
    [
      process.execPath,
      '--import',
      'tsx',
      join(REPO, 'bench/typecheck-api.ts'),
      join(REPO, '.kac/typecheck/tsconfig.json'),
    ],
    REPO,
  );
  const apiResult = JSON.parse(api.stdout.trim().split('\n').at(-1) ?? '{}') as { loadMs?: number; checkMs?: number };
  const name = 'validate this repo';
  rows.push(
    { bench: name, metric: 'kac validate, type check warm', value: wallCpu(repoWarm), target: '' },
    { bench: name, metric: 'kac validate, type check cold', value: wallCpu(repoCold), target: '' },
    { bench: name, metric: 'kac validate --no-typecheck', value: wallCpu(repoSkipped), target: '' },
    { bench: name, metric: 'native tsc alone (authored files)', value: wallCpu(repoAlone), target: '' },
    {
      bench: name,
      metric: 'not taken: ts-morph TS 6 API in-process',
      value: `${wallCpu(api)}: load ${seconds(apiResult.loadMs ?? 0)}, check ${seconds(apiResult.checkMs ?? 0)}`,
      target: '',
    },
  );
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { formatRows } = await import('./row.js');
  process.stdout.write(formatRows(await runTypecheckBench()) + '\n');
}
