/**
 * While the org is read: on a TTY, one line redrawn in place with the requests made so far (a read is
 * paginated, so there is no total to count down to). Quiet for fast reads and outside a terminal.
 */
import type { Environment } from '../env/resolve-environment.js';
import type { CliIo } from './io.js';

const REDRAW = '\x1b[1A\x1b[2K';

/** Starts the progress line; the returned stop() ends it (idempotent). */
export function startReadProgress(io: CliIo, env: Pick<Environment, 'name' | 'stats'>, delayMs = 250): () => void {
  if (!io.isTTY) return () => {};
  const start = env.stats().total;
  let drawn = false;
  let stopped = false;
  const line = () => `reading ${env.name}: ${env.stats().total - start} request(s)`;
  const draw = () => {
    io.err((drawn ? REDRAW : '') + line());
    drawn = true;
  };
  const timer = setInterval(draw, delayMs);
  return () => {
    if (stopped) return;
    stopped = true;
    clearInterval(timer);
    if (drawn) io.err(`${REDRAW}${line()}, done`);
  };
}

export async function withReadProgress<T>(
  io: CliIo,
  env: Pick<Environment, 'name' | 'stats'>,
  fn: () => Promise<T>,
  delayMs = 250,
): Promise<T> {
  const stop = startReadProgress(io, env, delayMs);
  try {
    return await fn();
  } finally {
    stop();
  }
}
