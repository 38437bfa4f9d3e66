/**
 * The `kac` CLI entry: registers the commands and holds the one error boundary that decides exit
 * codes (0 success and nothing pending, 1 error, 2 success with changes or drift pending).
 */
import { Command, CommanderError } from 'commander';
import { formatDiagnostic } from '../../compiler/diagnostics.js';
import { ConfigError } from '../../compiler/load/config-error.js';
import { ApiError, DiagnosticsError, ExitError } from '../errors.js';
import { processIo, type CliIo } from './io.js';
import { commands } from './commands/index.js';

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const program = new Command('kac')
    .description('Kustomer configuration as code: validate, compile, plan and apply typed definitions')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .showHelpAfterError();
  let exitCode = 0;
  for (const register of commands) register(program, io, (code) => void (exitCode = code));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportError(error, io);
  }
}

function reportError(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 1;
  if (error instanceof DiagnosticsError || error instanceof ConfigError) {
    // A bad kac.config.ts is reported like any definition problem: compiler/ can't throw sync's error.
    for (const d of error.diagnostics) io.err(formatDiagnostic(d));
    if (error instanceof DiagnosticsError) io.err(error.message);
    return 1;
  }
  if (error instanceof ApiError) {
    const where = error.details.source ? ` (defined at ${error.details.source.file}:${error.details.source.line})` : '';
    io.err(`error: ${error.message}${where}`);
    return 1;
  }
  if (error instanceof ExitError) {
    io.err(`${error.exitCode === 1 ? 'error: ' : ''}${error.message}`);
    if (error.hint) io.err(`hint: ${error.hint}`);
    return error.exitCode;
  }
  io.err(
    `internal error (a bug in kac, please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  return 1;
}
