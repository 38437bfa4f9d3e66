/**
 * A test worker (test/run.ts starts a few): imports uvu in deferred mode, then runs the suite files
 * it is sent one at a time, in this one process, and reports each file's counts, its failures and
 * whatever it printed. Saves a TypeScript loader start-up per file.
 */
import { pathToFileURL } from 'node:url';

export interface FileReport {
  file: string;
  passed: number;
  failed: number;
  skipped: number;
  output: string;
  ms: number;
}

type Runner = () => Promise<[errors: string | true, ran: number, skipped: number, total: number]>;
const g = globalThis as unknown as { UVU_DEFER: number; UVU_QUEUE: (string | Runner)[][]; UVU_INDEX: number };
g.UVU_DEFER = 1;
await import('uvu');

/** Everything the file prints while it runs, test output and uvu's dots alike. */
function capture(): { stop(): string } {
  let text = '';
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  const grab = (chunk: string | Uint8Array, ...rest: unknown[]) => {
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const cb = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    cb?.();
    return true;
  };
  process.stdout.write = grab as typeof process.stdout.write;
  process.stderr.write = grab as typeof process.stderr.write;
  return {
    stop() {
      process.stdout.write = out;
      process.stderr.write = err;
      return text;
    },
  };
}

async function runFile(file: string): Promise<FileReport> {
  g.UVU_QUEUE = [[file]];
  g.UVU_INDEX = 0;
  const report: FileReport = { file, passed: 0, failed: 0, skipped: 0, output: '', ms: 0 };
  const started = performance.now();
  const captured = capture();
  try {
    await import(pathToFileURL(file).href);
    for (const run of g.UVU_QUEUE[0]!.slice(1) as Runner[]) {
      const [errors, ran, skipped, total] = await run();
      report.passed += ran;
      report.skipped += skipped;
      report.failed += total - ran;
      // The runner prints dots; the failures' details are returned (uvu's exec would print them).
      if (errors !== true) process.stdout.write(`\n${errors}\n`);
    }
  } catch (error) {
    // A file that throws on import (or outside any test) counts as one failure.
    report.failed += 1;
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  } finally {
    report.output = captured.stop();
    report.ms = performance.now() - started;
  }
  return report;
}

process.on('message', (message: { file?: string }) => {
  if (!message.file) process.exit(0);
  void runFile(message.file).then((report) => process.send!(report));
});
process.send!({ ready: true });
