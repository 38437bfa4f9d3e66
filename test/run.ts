/**
 * The test command: type-checks the project (tsc, which also proves the type tests) and runs every
 * `test/**\/*.test.ts` suite file in its own Node process, two at a time. Ends with one line
 * `N passed, N failed` summed over all suites, the type-check counting as one.
 */
import { spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { join, relative } from 'node:path';
import { glob } from 'tinyglobby';
import pLimit from 'p-limit';

const root = new URL('..', import.meta.url).pathname;
const filter = process.argv.slice(2);
const files = (await glob('test/**/*.test.ts', { cwd: root, absolute: true }))
  .sort()
  .filter((f) => filter.length === 0 || filter.some((pattern) => f.includes(pattern)));

interface FileResult {
  file: string;
  passed: number;
  failed: number;
  skipped: number;
  code: number | null;
  output: string;
}

const stripAnsi = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');
const count = (text: string, label: string) => Number(new RegExp(`${label}:\\s+(\\d+)`).exec(text)?.[1] ?? 0);

function runFile(file: string): Promise<FileResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file], {
      cwd: root,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
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
      // A file that crashed before uvu reported still counts as one failure.
      const failed = total - passed - skipped + (code !== 0 && total === passed + skipped ? 1 : 0);
      resolve({ file: relative(root, file), passed, failed, skipped, code, output: text });
    });
  });
}

function typecheck(): Promise<FileResult> {
  return new Promise((resolve) => {
    const tsc = spawn(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json'], { cwd: root });
    let output = '';
    tsc.stdout.on('data', (d) => (output += d));
    tsc.stderr.on('data', (d) => (output += d));
    tsc.on('close', (code) =>
      resolve({ file: 'typecheck (tsc --noEmit)', passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0, code, output }),
    );
  });
}

const limit = pLimit(Math.max(1, Math.min(2, cpus().length)));
const started = Date.now();
const results = await Promise.all(
  [typecheck, ...files.map((file) => () => runFile(file))].map((job) =>
    limit(async () => {
      const r = await job();
      const status = r.failed > 0 ? 'FAIL' : 'ok  ';
      process.stdout.write(`${status} ${r.file} (${r.passed} passed${r.failed ? `, ${r.failed} failed` : ''})\n`);
      if (r.failed > 0) process.stdout.write(r.output.split('\n').map((l) => `    ${l}`).join('\n') + '\n');
      return r;
    }),
  ),
);

const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
const skipped = results.reduce((n, r) => n + r.skipped, 0);
process.stdout.write(`\n${files.length} files in ${((Date.now() - started) / 1000).toFixed(1)}s\n`);
process.stdout.write(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(failed > 0 || files.length === 0 ? 1 : 0);
