/**
 * The daemon core: runs an injected `runOnce(signal)` on a schedule (node-cron by default; tests pass
 * a ticker they beat by hand), never two at once (a beat or a runNow during a run is skipped and
 * logged), keeping a status.
 * `stop()` stops scheduling, aborts the current run's signal so it ends at a safe point, and waits
 * for it up to a grace period, after which the run is abandoned (logged, never silently).
 */
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../logger.js';
import type { DaemonStatus, RunRecord, RunResult } from './status.js';

export interface RunOutcome {
  result: Exclude<RunResult, 'error' | 'aborted'>;
  /** One line, e.g. "production: drift: 1 changed in the UI → issue #12 updated". */
  summary: string;
}

export type RunOnce = (signal: AbortSignal) => Promise<RunOutcome>;

export interface DaemonOptions {
  /** node-cron expression; 6 fields for seconds (tests), 5 for minutes. */
  schedule: string;
  timezone?: string;
  environment?: string;
  runOnce: RunOnce;
  logger: Logger;
  /** Called on every status change (the CLI writes the status file). Errors are logged, not thrown. */
  onStatus?: (status: DaemonStatus) => void | Promise<void>;
  /** Run once immediately at start, not only at the first scheduled time. */
  runOnStart?: boolean;
  /** How long `stop()` waits for the current run after aborting it. Default 30 s. */
  stopGraceMs?: number;
  /** What beats the schedule. Default: a node-cron task for `schedule` and `timezone`. */
  ticker?: Ticker;
  /** The clock of the status times. Default: the system clock. */
  now?: () => Date;
}

/** Calls `onBeat` at each scheduled time until stopped. */
export interface Ticker {
  start(onBeat: () => void): void;
  stop(): Promise<void>;
  nextRun(): Date | null;
}

/** node-cron as a Ticker; its own warnings are logged in kac's words at debug level. */
export function cronTicker(schedule: string, timezone: string | undefined, logger: Logger): Ticker {
  let task: ScheduledTask | undefined;
  return {
    start(onBeat) {
      task = cron.createTask(schedule, () => onBeat(), {
        name: 'kac-daemon',
        timezone,
        logger: {
          info: (m) => logger.debug(String(m)),
          warn: (m) => logger.debug(String(m)),
          error: (m) => logger.debug(String(m)),
          debug: () => {},
        },
      });
      void task.start();
    },
    async stop() {
      await task?.stop();
      await task?.destroy();
    },
    nextRun: () => task?.getNextRun() ?? null,
  };
}

export interface Daemon {
  status(): DaemonStatus;
  /** Starts a run now unless one is going (then it is skipped and false is returned). */
  runNow(): Promise<boolean>;
  stop(reason?: string): Promise<{ abandoned: boolean }>;
}

export class ScheduleError extends Error {}

export function startDaemon(options: DaemonOptions): Daemon {
  const { logger } = options;
  const validation = cron.validateDetailed(options.schedule);
  if (!validation.valid) {
    throw new ScheduleError(
      `invalid schedule "${options.schedule}": ${validation.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`,
    );
  }
  const clock = options.now ?? (() => new Date());
  const now = () => clock().toISOString();
  const ticker = options.ticker ?? cronTicker(options.schedule, options.timezone, logger);
  const status: DaemonStatus = {
    state: 'starting',
    pid: process.pid,
    environment: options.environment,
    schedule: options.schedule,
    timezone: options.timezone,
    startedAt: now(),
    runs: 0,
    skipped: 0,
    updatedAt: now(),
  };
  let inFlight: Promise<void> | undefined;
  let controller: AbortController | undefined;
  let stopping = false;

  // Status writes are chained so they land in order, and stop() can wait for the last one.
  let written: Promise<void> = Promise.resolve();
  const publish = () => {
    status.updatedAt = now();
    const next = status.state === 'stopping' || status.state === 'stopped' ? null : ticker.nextRun();
    status.nextRun = next ? next.toISOString() : undefined;
    const snapshot = { ...status };
    written = written
      .then(() => options.onStatus?.(snapshot))
      .catch((error: unknown) => logger.warn(`could not write the daemon status: ${String(error)}`));
  };

  const skip = (why: string) => {
    status.skipped++;
    logger.info(`skipped a run: ${why}`);
    publish();
  };

  async function execute(): Promise<void> {
    const started = clock();
    controller = new AbortController();
    status.state = 'running';
    status.currentRun = { startedAt: started.toISOString() };
    publish();
    let record: RunRecord;
    try {
      const outcome = await options.runOnce(controller.signal);
      record = finish(started, controller.signal.aborted ? 'aborted' : outcome.result, outcome.summary);
    } catch (error) {
      const aborted = controller.signal.aborted;
      const message = error instanceof Error ? error.message : String(error);
      const reason: unknown = controller.signal.reason;
      const why = reason instanceof Error ? reason.message : message;
      record = finish(started, aborted ? 'aborted' : 'error', aborted ? `stopped at a safe point (${why})` : message);
    }
    status.lastRun = record;
    status.runs++;
    status.currentRun = undefined;
    status.state = stopping ? 'stopping' : 'idle';
    const line = `run ${record.result} in ${(record.durationMs / 1000).toFixed(1)}s: ${record.summary}`;
    if (record.result === 'error') logger.error(line);
    else logger.info(line);
    publish();
  }

  function finish(started: Date, result: RunResult, summary: string): RunRecord {
    const finished = clock();
    return {
      startedAt: started.toISOString(),
      finishedAt: finished.toISOString(),
      durationMs: finished.getTime() - started.getTime(),
      result,
      summary,
    };
  }

  function trigger(): boolean {
    if (stopping) return false;
    if (inFlight) {
      skip(`the previous run (started ${status.currentRun?.startedAt ?? '?'}) is still going`);
      return false;
    }
    inFlight = execute().finally(() => (inFlight = undefined));
    return true;
  }

  ticker.start(() => void trigger());
  status.state = 'idle';
  logger.info(
    `daemon started: schedule "${options.schedule}"${options.timezone ? ` (${options.timezone})` : ''}; next run ${ticker.nextRun()?.toISOString() ?? 'never'}`,
  );
  publish();
  if (options.runOnStart) trigger();

  return {
    status: () => ({
      ...status,
      nextRun:
        status.state === 'stopping' || status.state === 'stopped'
          ? undefined
          : (ticker.nextRun()?.toISOString() ?? undefined),
    }),
    async runNow() {
      const started = trigger();
      await inFlight;
      return started;
    },
    async stop(reason = 'stop requested') {
      if (stopping) return { abandoned: false };
      stopping = true;
      await ticker.stop();
      status.state = 'stopping';
      publish();
      let abandoned = false;
      if (inFlight) {
        logger.info(`${reason}: asking the current run to stop at a safe point`);
        controller?.abort(new Error(reason));
        const grace = options.stopGraceMs ?? 30_000;
        let timer: NodeJS.Timeout | undefined;
        const timedOut = await Promise.race([
          inFlight.then(() => false),
          new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), grace))),
        ]);
        clearTimeout(timer);
        if (timedOut) {
          abandoned = true;
          logger.warn(
            `the current run did not stop within ${grace / 1000}s; abandoning it (a re-run converges: apply is idempotent)`,
          );
        }
      }
      status.state = 'stopped';
      status.currentRun = abandoned ? status.currentRun : undefined;
      logger.info('daemon stopped');
      publish();
      await written;
      return { abandoned };
    },
  };
}
