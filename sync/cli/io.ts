/**
 * The CLI's only doors to the terminal. Everything printed goes through `redact`, so a secret value
 * that slipped into a message is still never shown.
 */
import pc from 'picocolors';
import { redact, type Logger } from '../logger.js';

export interface CliIo {
  /** Results: plans, reports, JSON. */
  out(text: string): void;
  /** Progress and diagnostics. */
  err(text: string): void;
  readonly isTTY: boolean;
  /** Colour on a TTY unless NO_COLOR is set. */
  readonly color: boolean;
  readonly logger: Logger;
  /** Where relative paths resolve: the project root. */
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
}

export function processIo(): CliIo {
  const isTTY = Boolean(process.stdout.isTTY);
  const color = isTTY && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb';
  const err = (text: string) => void process.stderr.write(redact(text) + '\n');
  return {
    out: (text) => void process.stdout.write(redact(text) + (text.endsWith('\n') ? '' : '\n')),
    err,
    isTTY,
    color,
    cwd: process.cwd(),
    env: process.env,
    logger: {
      info: err,
      warn: (m) => err(color ? pc.yellow(`warning: ${m}`) : `warning: ${m}`),
      error: (m) => err(color ? pc.red(`error: ${m}`) : `error: ${m}`),
      debug: (m) => {
        if (process.env.KAC_DEBUG) err(`debug: ${m}`);
      },
    },
  };
}
