/**
 * The test command: type-checks the project (tsc, which also proves the type tests) and runs every
 * `test/**\/*.test.ts` suite file. Suites run in a few long-lived worker processes (test/worker.ts),
 * each taking the next file when it is done with one, so the TypeScript loader starts a few times,
 * not once per file; the files in ISOLATED get a process of their own. Ends with one line
 * `N passed, N failed` summed over all suites, the type-check (and, once switched on, the format
 * check) counting as one each.
 */
import { fork, spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { join, relative } from 'node:path';
import { glob } from 'tinyglobby';
import type { FileReport } from './worker.js';

/**
 * Prettier's check joins `npm test` once the lead has formatted the repository (one commit that only
 * formats); until then `npm run format:check` runs it alone.
 */
const FORMAT_CHECK = true;

/**
 * A file still running after this long has hung (a promise nothing will settle): its worker is
 * killed and the file fails, naming it, instead of the whole run waiting forever. A safety net only,
 * far above any suite's time under load; no test result depends on it.
 */
const HUNG_AFTER_MS = 300_000;

/** Suites that need a process to themselves (they install process-wide handlers or time real processes). */
const ISOLATED: string[] = [];

const root = new URL('..', import.meta.url).pathname;
const filter = process.argv.slice(2);
const files = (await glob('test/**/*.test.ts', { cwd: root, absolute: true }))
  .sort()
  .filter((f) => filter.length === 0 || filter.some((pattern) => f.includes(pattern)));

interface Result {
  file: string;
  passed: number;
  failed: number;
  skipped: number;
  output: string;
  /** How long the file took (informational: printed, never asserted). */
  ms?: number;
}

const stripAnsi = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');
const count = (text: string, label: string) => Number(new RegExp(`${label}:\\s+(\\d+)`).exec(text)?.[1] ?? 0);
const env = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' };

function report(r: Result): void {
  const status = r.failed > 0 ? 'FAIL' : 'ok  ';
  const time = r.ms === undefined ? '' : `, ${(r.ms / 1000).toFixed(1)} s`;
  process.stdout.write(`${status} ${r.file} (${r.passed} passed${r.failed ? `, ${r.failed} failed` : ''}${time})\n`);
  if (r.failed > 0)
    process.stdout.write(
      stripAnsi(r.output)
        .split('\n')
        .map((l) => `    ${l}`)
        .join('\n') + '\n',
    );
}

/** A command whose exit code is its result (tsc, prettier): one pass or one failure. */
function check(name: string, args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, env });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) =>
      resolve({ file: name, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0, output }),
    );
  });
}

/** One file in its own process, as uvu runs it alone. */
function isolated(file: string): Promise<Result> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => {
      const text = stripAnsi(output);
      const total = count(text, 'Total');
      const passed = count(text, 'Passed');
      const skipped = count(text, 'Skipped');
      const failed = total - passed - skipped + (code !== 0 && total === passed + skipped ? 1 : 0);
      resolve({ file: relative(root, file), passed, failed, skipped, output: text });
    });
  });
}

/** A worker takes files from `queue` until it is empty; a crash fails the file it was running and starts a new worker. */
async function worker(queue: string[], results: Result[]): Promise<void> {
  while (queue.length > 0) {
    const child = fork(join(root, 'test/worker.ts'), [], {
      cwd: root,
      env,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let stray = '';
    child.stdout!.on('data', (d) => (stray += d));
    child.stderr!.on('data', (d) => (stray += d));
    await new Promise<void>((resolve) => {
      let current: string | undefined;
      let watchdog: NodeJS.Timeout | undefined;
      const next = () => {
        clearTimeout(watchdog);
        current = queue.shift();
        if (!current) return void child.send({});
        child.send({ file: current });
        watchdog = setTimeout(() => {
          stray += `\nstill running after ${HUNG_AFTER_MS / 1000} s: a test waits for something that never happens\n`;
          child.kill('SIGKILL');
        }, HUNG_AFTER_MS);
      };
      child.on('message', (message: FileReport | { ready: true }) => {
        if ('ready' in message) return next();
        const r = { ...message, file: relative(root, message.file) };
        results.push(r);
        report(r);
        next();
      });
      child.on('exit', (code, signal) => {
        clearTimeout(watchdog);
        if (current) {
          const r = {
            file: relative(root, current),
            passed: 0,
            failed: 1,
            skipped: 0,
            output: `the test worker exited (${signal ?? code}) while running this file\n${stray}`,
          };
          results.push(r);
          report(r);
        }
        resolve();
      });
    });
  }
}

const started = Date.now();
/**
 * Workers: more than cores, because many suites wait (servers, rate-limit windows, child processes)
 * rather than compute. KAC_TEST_WORKERS overrides.
 */
const WORKERS = Number(process.env.KAC_TEST_WORKERS) || Math.max(2, cpus().length) + 1;
const results: Result[] = [];
const queue = files.filter((f) => !ISOLATED.some((i) => f.endsWith(i)));
const alone = files.filter((f) => ISOLATED.some((i) => f.endsWith(i)));
const checks = [
  check('typecheck (tsc --noEmit)', [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json']),
];
if (FORMAT_CHECK)
  checks.push(
    check('format (prettier --check)', [join(root, 'node_modules/prettier/bin/prettier.cjs'), '--check', '.']),
  );
await Promise.all([
  ...checks.map((c) => c.then((r) => (results.push(r), report(r)))),
  ...Array.from({ length: Math.min(queue.length, WORKERS) }, () => worker(queue, results)),
  (async () => {
    for (const file of alone) {
      const r = await isolated(file);
      results.push(r);
      report(r);
    }
  })(),
]);

const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
const skipped = results.reduce((n, r) => n + r.skipped, 0);
process.stdout.write(`\n${files.length} files in ${((Date.now() - started) / 1000).toFixed(1)}s\n`);
process.stdout.write(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(failed > 0 || files.length === 0 ? 1 : 0);
