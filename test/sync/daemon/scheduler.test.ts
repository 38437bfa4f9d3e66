// startDaemon with a ticker beaten by hand and runs that end when the test says: no real time is
// waited for, so the outcome cannot depend on how busy the machine is.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { memoryLogger } from '../../../sync/logger.js';
import { ScheduleError, startDaemon, type RunOnce, type Ticker } from '../../../sync/daemon/scheduler.js';

/** A schedule the test beats: `beat()` is one scheduled time. */
function manualTicker(): Ticker & { beat(): void; stopped: boolean } {
  let onBeat: (() => void) | undefined;
  const ticker = {
    stopped: false,
    start: (fn: () => void) => void (onBeat = fn),
    stop: async () => void (ticker.stopped = true),
    nextRun: () => new Date(Date.UTC(2030, 0, 1)),
    beat: () => {
      if (!ticker.stopped) onBeat?.();
    },
  };
  return ticker;
}

/** Runs that last until `finish()` (or until aborted, unless they ignore it), recording overlap. */
function heldRuns(options: { ignoreAbort?: boolean } = {}) {
  const probe = { active: 0, maxActive: 0, started: 0, aborted: 0 };
  const pending: (() => void)[] = [];
  const runOnce: RunOnce = async (signal) => {
    probe.active++;
    probe.started++;
    probe.maxActive = Math.max(probe.maxActive, probe.active);
    const n = probe.started;
    try {
      await new Promise<void>((resolve, reject) => {
        pending.push(resolve);
        if (!options.ignoreAbort) signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
      return { result: 'clean', summary: `run ${n} done` };
    } catch (error) {
      probe.aborted++;
      throw error;
    } finally {
      probe.active--;
    }
  };
  /** Ends the oldest run still going, and lets the daemon record it. */
  const finish = async () => {
    pending.shift()?.();
    for (let i = 0; i < 20; i++) await Promise.resolve();
  };
  return { probe, runOnce, finish };
}

const flush = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

const daemon = suite('startDaemon');

daemon('never overlaps: a beat during a run is skipped and logged; the next beat runs', async () => {
  const { probe, runOnce, finish } = heldRuns();
  const ticker = manualTicker();
  const logger = memoryLogger();
  const d = startDaemon({ schedule: '* * * * * *', runOnce, logger, ticker, runOnStart: true });
  try {
    await flush();
    assert.is(d.status().state, 'running');
    ticker.beat(); // during run 1
    assert.is(d.status().skipped, 1);
    await finish();
    ticker.beat(); // run 2
    await flush();
    await finish();
    assert.is(probe.maxActive, 1);
    assert.is(probe.started, 2);
    const status = d.status();
    assert.equal(
      [status.runs, status.skipped, status.lastRun?.result, status.lastRun?.summary],
      [2, 1, 'clean', 'run 2 done'],
    );
    assert.ok(
      logger.lines.some((l) => /^info: skipped a run: the previous run \(started .+\) is still going$/.test(l)),
      logger.lines.join('\n'),
    );
    assert.ok(logger.lines.some((l) => /^info: run clean in \d+\.\ds: run 1 done$/.test(l)));
  } finally {
    await d.stop();
  }
});

daemon('runNow during a run is skipped, not run twice', async () => {
  const { probe, runOnce, finish } = heldRuns();
  const d = startDaemon({ schedule: '0 0 1 1 *', runOnce, logger: memoryLogger(), ticker: manualTicker() });
  try {
    const first = d.runNow();
    // runNow resolves when the run in flight ends, whoever started it.
    const second = d.runNow();
    await finish();
    assert.is(await second, false);
    assert.is(await first, true);
    assert.is(probe.started, 1);
    assert.is(d.status().skipped, 1);
  } finally {
    await d.stop();
  }
});

daemon('stop() aborts the current run at a safe point, waits for it, and schedules nothing more', async () => {
  const { probe, runOnce } = heldRuns();
  const ticker = manualTicker();
  const logger = memoryLogger();
  const d = startDaemon({ schedule: '* * * * * *', runOnce, logger, ticker, runOnStart: true });
  await flush();
  assert.is(d.status().state, 'running');
  const { abandoned } = await d.stop('received SIGTERM');
  assert.is(abandoned, false);
  assert.is(probe.aborted, 1);
  const status = d.status();
  assert.is(status.state, 'stopped');
  assert.is(status.lastRun?.result, 'aborted');
  assert.match(status.lastRun!.summary, /^stopped at a safe point \(/);
  assert.is(status.nextRun, undefined);
  assert.ok(ticker.stopped, 'the schedule is stopped');
  ticker.beat();
  assert.is(await d.runNow(), false);
  assert.is(probe.started, 1, 'no run after stop');
  assert.ok(logger.lines.includes('info: received SIGTERM: asking the current run to stop at a safe point'));
  assert.is(logger.lines.at(-1), 'info: daemon stopped');
});

daemon('a run that ignores the abort is abandoned after the grace period, and says so', async () => {
  const { runOnce, finish } = heldRuns({ ignoreAbort: true });
  const logger = memoryLogger();
  const d = startDaemon({
    schedule: '0 0 1 1 *',
    runOnce,
    logger,
    ticker: manualTicker(),
    runOnStart: true,
    stopGraceMs: 100,
  });
  await flush();
  assert.is(d.status().state, 'running');
  // The run never ends by itself, so only the grace period can end stop().
  const { abandoned } = await d.stop();
  assert.is(abandoned, true);
  assert.ok(
    logger.lines.includes(
      'warn: the current run did not stop within 0.1s; abandoning it (a re-run converges: apply is idempotent)',
    ),
  );
  await finish();
});

daemon('a failing run is recorded as an error and the daemon keeps going', async () => {
  let calls = 0;
  const logger = memoryLogger();
  const d = startDaemon({
    schedule: '0 0 1 1 *',
    logger,
    ticker: manualTicker(),
    runOnce: async () => {
      calls++;
      if (calls === 1) throw new Error('kustomer: GET /v1/hooks failed with 503');
      return { result: 'drift', summary: 'production: drift: 1 changed in the UI' };
    },
  });
  try {
    await d.runNow();
    assert.equal(d.status().lastRun?.result, 'error');
    assert.ok(
      logger.lines.some((l) => /^error: run error in \d+\.\ds: kustomer: GET \/v1\/hooks failed with 503$/.test(l)),
    );
    await d.runNow();
    assert.equal([d.status().runs, d.status().lastRun?.result, d.status().state], [2, 'drift', 'idle']);
  } finally {
    await d.stop();
  }
});

daemon('an invalid schedule is refused up front with the field at fault', () => {
  assert.throws(
    () =>
      startDaemon({
        schedule: '61 * * * *',
        runOnce: async () => ({ result: 'clean', summary: '' }),
        logger: memoryLogger(),
      }),
    (error: unknown) =>
      error instanceof ScheduleError && /^invalid schedule "61 \* \* \* \*": /.test((error as Error).message),
  );
});

daemon('the default ticker is node-cron: status reports the next run of the schedule in its timezone', async () => {
  const d = startDaemon({
    schedule: '0 * * * *',
    timezone: 'UTC',
    runOnce: async () => ({ result: 'clean', summary: '' }),
    logger: memoryLogger(),
  });
  try {
    const next = new Date(d.status().nextRun!);
    assert.is(next.getUTCMinutes(), 0);
    assert.is(next.getUTCSeconds(), 0);
    assert.ok(next.getTime() > Date.now(), 'in the future');
  } finally {
    await d.stop();
  }
});

daemon.run();
