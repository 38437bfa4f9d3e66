/**
 * The daemon as a process: start the schedule, the status file and the loopback health endpoint,
 * run until SIGTERM or SIGINT, then stop cleanly (the current run is asked to stop at a safe point
 * and waited for, up to the grace period). kac's signal handlers stay installed until the stop is
 * complete: write-file-atomic's signal-exit re-raises a signal when it sees no other listener, which
 * would kill the process half-way through the clean stop.
 */
import type { Logger } from '../logger.js';
import { startHealthServer, type HealthServer } from './health.js';
import { startDaemon, type DaemonOptions } from './scheduler.js';
import { writeStatusFile, type DaemonStatus } from './status.js';

export interface DaemonProcessOptions extends Omit<DaemonOptions, 'onStatus'> {
  statusPath: string;
  /** 127.0.0.1 port for `GET /health`; 0 picks a free one; undefined serves none. */
  healthPort?: number;
  signals?: NodeJS.Signals[];
  logger: Logger;
  /** Resolves when the daemon should stop (in addition to the signals); for embedding and tests. */
  until?: Promise<unknown>;
}

export interface DaemonProcessResult {
  /** The signal (or 'until') that stopped it. */
  stoppedBy: string;
  abandoned: boolean;
  status: DaemonStatus;
}

export async function runDaemonProcess(options: DaemonProcessOptions): Promise<DaemonProcessResult> {
  const { logger } = options;
  let health: HealthServer | undefined;
  const daemon = startDaemon({
    ...options,
    onStatus: (status) => writeStatusFile(options.statusPath, health ? { ...status, healthUrl: health.url } : status),
  });
  if (options.healthPort !== undefined) {
    try {
      health = await startHealthServer(options.healthPort, () => ({
        ...daemon.status(),
        ...(health ? { healthUrl: health.url } : {}),
      }));
      logger.info(`health: ${health.url}`);
    } catch (error) {
      await daemon.stop('the health endpoint could not start');
      throw error;
    }
  }

  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  const handlers = new Map<NodeJS.Signals, () => void>();
  const stoppedBy = await new Promise<string>((resolve) => {
    let received: string | undefined;
    const onSignal = (why: string) => {
      if (received) {
        logger.warn(`received ${why} again: still stopping (waiting for the current run, at most the grace period)`);
        return;
      }
      received = why;
      resolve(why);
    };
    for (const signal of signals) {
      const handler = () => onSignal(signal);
      handlers.set(signal, handler);
      process.on(signal, handler);
    }
    void options.until?.then(() => onSignal('until'));
  });

  try {
    logger.info(`${stoppedBy === 'until' ? 'stop requested' : `received ${stoppedBy}`}: stopping the daemon`);
    const { abandoned } = await daemon.stop(stoppedBy === 'until' ? 'stop requested' : `received ${stoppedBy}`);
    await health?.close();
    return { stoppedBy, abandoned, status: daemon.status() };
  } finally {
    for (const [signal, handler] of handlers) process.off(signal, handler);
  }
}
