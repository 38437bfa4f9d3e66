import { setTimeout as sleep } from 'node:timers/promises';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { memoryLogger } from '../../../sync/logger.js';
import { ScheduleError, startDaemon, type RunOnce } from '../../../sync/daemon/scheduler.js';

/** A run that takes `ms` unless aborted, recording how many runs were ever in flight at once. */
function slowRun(ms: number, options: { ignoreAbort?: boolean } = {}) {
  const probe = { active: 0, maxActive: 0, started: 0, aborted: 0 };
  const runOnce: RunOnce = async (signal) => {
    probe.active++;
    probe.started++;
    probe.maxActive = Math.max(probe.maxActive, probe.active);
    try {
      await sleep(ms, undefined, options.ignoreAbort ? {} : { signal });
      return { result: 'clean', summary: `run ${probe.started} done` };
    } catch (error) {
      probe.aborted++;
      throw error;
    } finally {
      probe.active--;
    }
  };
  return { probe, runOnce };
}

async function until(check: () => boolean, what: string, limitMs = 15_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

const daemon = suite('startDaemon');

daemon('runs on a schedule of seconds and never overlaps: a beat during a run is skipped and logged', async () => {
  const { probe, runOnce } = slowRun(1300);
  const logger = memoryLogger();
  const d = startDaemon({ schedule: '* * * * * *', runOnce, logger, runOnStart: true });
  try {
    await until(() => d.status().runs >= 2, 'two completed runs');
    assert.is(probe.maxActive, 1);
    const status = d.status();
    assert.ok(status.skipped >= 1, `skipped ${status.skipped}`);
    assert.is(status.lastRun?.result, 'clean');
    assert.match(status.lastRun!.summary, /^run \d done$/);
    assert.ok(logger.lines.some((l) => /^info: skipped a run: the previous run \(started .+\) is still going$/.test(l)), logger.lines.join('\n'));
    assert.ok(logger.lines.some((l) => /^info: run clean in \d+\.\ds: run 1 done$/.test(l)));
  } finally {
    await d.stop();
  }
});

daemon('runNow during a run is skipped, not run twice', async () => {
  const { probe, runOnce } = slowRun(400);
  const d = startDaemon({ schedule: '0 0 1 1 *', runOnce, logger: memoryLogger() });
  try {
    const first = d.runNow();
    assert.is(await d.runNow(), false);
    assert.is(await first, true);
    assert.is(probe.started, 1);
    assert.is(d.status().skipped, 1);
  } finally {
    await d.stop();
  }
});

daemon('stop() aborts the current run at a safe point, waits for it, and schedules nothing more', async () => {
  const { probe, runOnce } = slowRun(60_000);
  const logger = memoryLogger();
  const d = startDaemon({ schedule: '* * * * * *', runOnce, logger, runOnStart: true });
  await until(() => d.status().state === 'running', 'a run in flight');
  const { abandoned } = await d.stop('received SIGTERM');
  assert.is(abandoned, false);
  assert.is(probe.aborted, 1);
  const status = d.status();
  assert.is(status.state, 'stopped');
  assert.is(status.lastRun?.result, 'aborted');
  assert.match(status.lastRun!.summary, /^stopped at a safe point \(/);
  assert.is(status.nextRun, undefined);
  const started = probe.started;
  await sleep(1200);
  assert.is(probe.started, started, 'no run after stop');
  assert.ok(logger.lines.includes('info: received SIGTERM: asking the current run to stop at a safe point'));
  assert.is(logger.lines.at(-1), 'info: daemon stopped');
});

daemon('a run that ignores the abort is abandoned after the grace period, and says so', async () => {
  const { runOnce } = slowRun(1000, { ignoreAbort: true });
  const logger = memoryLogger();
  const d = startDaemon({ schedule: '0 0 1 1 *', runOnce, logger, runOnStart: true, stopGraceMs: 100 });
  await until(() => d.status().state === 'running', 'a run in flight');
  const { abandoned } = await d.stop();
  assert.is(abandoned, true);
  assert.ok(logger.lines.includes('warn: the current run did not stop within 0.1s; abandoning it (a re-run converges: apply is idempotent)'));
});

daemon('a failing run is recorded as an error and the daemon keeps going', async () => {
  let calls = 0;
  const logger = memoryLogger();
  const d = startDaemon({
    schedule: '0 0 1 1 *',
    logger,
    runOnce: async () => {
      calls++;
      if (calls === 1) throw new Error('kustomer: GET /v1/hooks failed with 503');
      return { result: 'drift', summary: 'production: drift: 1 changed in the UI' };
    },
  });
  try {
    await d.runNow();
    assert.equal(d.status().lastRun?.result, 'error');
    assert.ok(logger.lines.some((l) => /^error: run error in \d+\.\ds: kustomer: GET \/v1\/hooks failed with 503$/.test(l)));
    await d.runNow();
    assert.equal([d.status().runs, d.status().lastRun?.result, d.status().state], [2, 'drift', 'idle']);
  } finally {
    await d.stop();
  }
});

daemon('an invalid schedule is refused up front with the field at fault', () => {
  assert.throws(
    () => startDaemon({ schedule: '61 * * * *', runOnce: async () => ({ result: 'clean', summary: '' }), logger: memoryLogger() }),
    (error: unknown) => error instanceof ScheduleError && /^invalid schedule "61 \* \* \* \*": /.test((error as Error).message),
  );
});

daemon('status reports the next run in the configured timezone schedule', async () => {
  const d = startDaemon({ schedule: '0 * * * *', timezone: 'UTC', runOnce: async () => ({ result: 'clean', summary: '' }), logger: memoryLogger() });
  try {
    const next = new Date(d.status().nextRun!);
    assert.is(next.getUTCMinutes(), 0);
    assert.is(next.getUTCSeconds(), 0);
    assert.ok(next.getTime() > Date.now());
  } finally {
    await d.stop();
  }
});

daemon.run();
