/**
 * `kac emulator`: runs the local Kustomer org on its own and serves until SIGINT/SIGTERM. Prints the
 * base URL and token to point any kac command (or curl) at it.
 */
import { resolve } from 'node:path';
import { DEFAULT_RATE_LIMIT_PER_MINUTE, DEFAULT_STATE_DIR } from '../../local-org/defaults.js';
import { ExitError } from '../../errors.js';
import { parseNumber } from '../shared.js';
import type { CliIo } from '../io.js';
import type { RegisterCommand } from './index.js';

interface EmulatorOptions {
  port: number;
  token?: string;
  rateLimit: number;
  latencyMs?: number;
  failRate?: number;
  dropRate?: number;
  seed?: number;
  state: string;
  memory?: boolean;
  reset?: boolean;
}

/** The hooks the org has, each with its URL and a curl line that reads the token from $KUSTOMER_API_KEY. */
async function hooksBanner(baseUrl: string, token: string, io: CliIo): Promise<string> {
  const { createKustomerClient } = await import('../../providers/kustomer/client/index.js');
  const { readHooks, renderHooks, sampleData } = await import('../../inspect/hooks.js');
  const hooks = await readHooks(createKustomerClient({ baseUrl, apiKey: token, logger: io.logger, maxRetries: 1 }));
  const hint = 'In another terminal, export the KUSTOMER_API_KEY line above: the curl lines send it.';
  return hooks.length === 0
    ? 'No hooks yet: `kac apply --env local` creates the ones defined in git; `kac hooks` then lists them with a curl line.'
    : renderHooks(hooks, { keyVar: 'KUSTOMER_API_KEY', data: sampleData(io.cwd), keyHint: hint });
}

/** Resolves on the first SIGINT or SIGTERM. */
function untilStopped(): Promise<string> {
  return new Promise((resolveStop) => {
    const stop = (signal: string) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolveStop(signal);
    };
    const onInt = () => stop('SIGINT');
    const onTerm = () => stop('SIGTERM');
    process.once('SIGINT', onInt);
    process.once('SIGTERM', onTerm);
  });
}

export const registerEmulator: RegisterCommand = (program, io) => {
  program
    .command('emulator')
    .description('run the local Kustomer org (an emulator of the Kustomer API that runs workflows) until Ctrl-C')
    .option('--port <n>', 'port on 127.0.0.1 (0: any free port)', parseNumber(0, 65535), 0)
    .option('--token <t>', 'API token to accept (default: the saved one, else a new random one)')
    .option(
      '--rate-limit <per-minute>',
      'org-wide request budget per minute',
      parseNumber(1),
      DEFAULT_RATE_LIMIT_PER_MINUTE,
    )
    .option('--latency-ms <n>', 'added latency per request', parseNumber(0))
    .option('--fail-rate <0..1>', 'share of requests answered with a 5xx', parseNumber(0, 1))
    .option('--drop-rate <0..1>', 'share of requests whose connection is dropped', parseNumber(0, 1))
    .option('--seed <n>', 'seed of the fault injection', parseNumber(0))
    .option('--state <dir>', 'where the org is saved', DEFAULT_STATE_DIR)
    .option('--memory', 'keep the org in memory only (nothing saved)')
    .option('--reset', 'start from an empty org')
    .action(async (o: EmulatorOptions) => {
      const stateDir = o.memory ? null : resolve(io.cwd, o.state);
      const { startLocalOrg } = await import('../../local-org/server/server.js');
      const { StateLockedError } = await import('../../local-org/server/state-lock.js');
      const org = await startLocalOrg({
        port: o.port,
        stateDir,
        rateLimitPerMinute: o.rateLimit,
        ...(o.token !== undefined ? { token: o.token } : {}),
        ...(o.reset ? { reset: true } : {}),
        ...(o.seed !== undefined ? { seed: o.seed } : {}),
        faults: {
          ...(o.latencyMs !== undefined ? { latencyMs: o.latencyMs } : {}),
          ...(o.failRate !== undefined ? { failRate: o.failRate } : {}),
          ...(o.dropRate !== undefined ? { dropRate: o.dropRate } : {}),
        },
        onNotice: (m) => io.err(m),
      }).catch((error: unknown) => {
        if (error instanceof StateLockedError) {
          throw new ExitError(
            error.message,
            1,
            `kac commands with --env local already use that org; stop it first (kill ${error.lock.pid}) to start another on ${error.stateDir}`,
          );
        }
        throw error;
      });
      // Listen for Ctrl-C before printing: a signal during the banner still stops cleanly.
      const stopped = untilStopped();
      io.out(`Local Kustomer org listening on ${org.baseUrl}`);
      io.out(`KUSTOMER_BASE_URL=${org.baseUrl}`);
      io.out(`KUSTOMER_API_KEY=${org.token}`);
      io.err(stateDir ? `state: ${stateDir}` : 'state: in memory only');
      io.out(await hooksBanner(org.baseUrl, org.token, io));
      io.err(
        `run logs: kac runs (or GET ${org.baseUrl}/__kac/runs, emulator-only); a customer's cards: kac timeline; the studio: kac studio. Ctrl-C to stop.`,
      );
      const signal = await stopped;
      io.err(`${signal}: stopping`);
      await org.close();
    });
};
