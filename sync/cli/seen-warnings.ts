/**
 * Quiet by default on a terminal: warnings already shown by an earlier run in this project are
 * counted in one line instead of printed again (`--verbose` prints them all). What was shown is kept
 * in `.kac/seen-warnings.json`, keyed by code, file and message (not line: an edit above a warning
 * must not make it new). Off the terminal (CI, pipes, tests) every warning is printed and nothing is
 * recorded, so logs are complete and runs do not depend on each other.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { Diagnostic } from '../../compiler/diagnostics.js';

export const SEEN_WARNINGS_FILE = '.kac/seen-warnings.json';

const keyOf = (d: Diagnostic) => `${d.code}|${d.location?.file ?? ''}|${d.message}`;

/** Warnings that are never quieted: `--no-typecheck` must say every time what it skipped. */
const ALWAYS_SHOWN = new Set(['typecheck/skipped']);

export interface WarningSplit {
  /** Errors and new warnings: print these. */
  show: Diagnostic[];
  /** Warnings shown before and unchanged since. */
  unchanged: number;
}

/** Pure: which diagnostics to print, given the keys seen before. */
export function splitWarnings(diagnostics: readonly Diagnostic[], seen: ReadonlySet<string>): WarningSplit {
  const show = diagnostics.filter((d) => d.severity !== 'warning' || ALWAYS_SHOWN.has(d.code) || !seen.has(keyOf(d)));
  return { show, unchanged: diagnostics.length - show.length };
}

export function unchangedLine(n: number, command = 'kac validate'): string {
  return `${n} warning${n === 1 ? '' : 's'} unchanged since the last run (${command} --verbose prints them)`;
}

async function readSeen(root: string): Promise<Set<string>> {
  try {
    const parsed = JSON.parse(await readFile(join(root, SEEN_WARNINGS_FILE), 'utf8')) as unknown;
    return new Set(Array.isArray(parsed) ? parsed.filter((k): k is string => typeof k === 'string') : []);
  } catch {
    return new Set(); // none yet, or unreadable: show everything
  }
}

/** The diagnostics to print for this run, recording the current warnings as seen (terminal runs only). */
export async function quietWarnings(
  root: string,
  diagnostics: readonly Diagnostic[],
  options: { isTTY: boolean; verbose?: boolean },
): Promise<WarningSplit> {
  if (!options.isTTY) return { show: [...diagnostics], unchanged: 0 };
  const split = options.verbose
    ? { show: [...diagnostics], unchanged: 0 }
    : splitWarnings(diagnostics, await readSeen(root));
  const current = [...new Set(diagnostics.filter((d) => d.severity === 'warning').map(keyOf))].sort();
  try {
    await mkdir(join(root, '.kac'), { recursive: true });
    await writeFileAtomic(join(root, SEEN_WARNINGS_FILE), JSON.stringify(current, null, 2) + '\n');
  } catch {
    // A read-only checkout still validates; it just repeats its warnings.
  }
  return split;
}

/**
 * For operations that take warnings one by one (`onWarning`): collect them during the build, then
 * `print()` the new ones and the count of the unchanged ones on stderr.
 */
export function quietWarningPrinter(
  root: string,
  io: { isTTY: boolean; err(text: string): void },
  render: (d: Diagnostic) => string,
) {
  const warnings: Diagnostic[] = [];
  return {
    onWarning: (d: Diagnostic) => void warnings.push(d),
    async print(): Promise<void> {
      const { show, unchanged } = await quietWarnings(root, warnings.splice(0), { isTTY: io.isTTY });
      for (const d of show) io.err(render(d));
      if (unchanged > 0) io.err(unchangedLine(unchanged));
    },
  };
}
