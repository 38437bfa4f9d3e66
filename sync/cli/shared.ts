/**
 * What the commands share, so no command imports another: the project root, the operation context
 * built from the terminal, diagnostics rendering, option parsers. Kept light (no operation, provider
 * or local-org module): every command file imports it at start-up.
 */
import { resolve } from 'node:path';
import { InvalidArgumentError } from 'commander';
import pc from 'picocolors';
import { formatDiagnostic, type Diagnostic } from '../../compiler/diagnostics.js';
import { ExitError } from '../errors.js';
import type { CliIo } from './io.js';

export function projectRoot(io: Pick<CliIo, 'cwd'>, root: string | undefined): string {
  return resolve(io.cwd, root ?? '.');
}

/** The operation context of a CLI run: its logger and environment variables. */
export function cliContext(io: CliIo): { logger: CliIo['logger']; env: NodeJS.ProcessEnv } {
  return { logger: io.logger, env: io.env };
}

/** `--no-typecheck`, on every command that builds (validate, compile, plan, apply): commander's `typecheck: false`. */
export const NO_TYPECHECK = {
  flag: '--no-typecheck',
  description: 'emergencies only: skip the TypeScript type check of the authored files (says so loudly)',
} as const;

/** The build option from `--no-typecheck`: the type check runs unless it was given. */
export function typecheckOption(options: { typecheck?: boolean }): { typecheck: boolean } {
  return { typecheck: options.typecheck !== false };
}

export function renderDiagnostic(d: Diagnostic, io: Pick<CliIo, 'color'>): string {
  const text = formatDiagnostic(d);
  if (!io.color) return text;
  const paint = d.severity === 'error' ? pc.red : pc.yellow;
  return text.replace(
    /^(.*?)\b(error|warning)\b/,
    (_m, before: string, word: string) => `${pc.cyan(before)}${paint(word)}`,
  );
}

/** Warnings of a build that goes on: printed on stderr, results stay on stdout. */
export function printWarnings(io: CliIo): (warning: Diagnostic) => void {
  return (d) => io.err(renderDiagnostic(d, io));
}

export type ReportFormat = 'text' | 'markdown' | 'json';

export function parseFormat(format: string | undefined): ReportFormat {
  const f = format ?? 'text';
  if (f === 'text' || f === 'markdown' || f === 'json') return f;
  throw new ExitError(`unknown format "${f}"`, 1, 'use --format text, markdown or json');
}

export function parseNumber(min: number, max = Number.POSITIVE_INFINITY) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < min || n > max)
      throw new InvalidArgumentError(`expected a number from ${min} to ${max}, got "${value}"`);
    return n;
  };
}
