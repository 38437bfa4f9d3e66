import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { startHealthServer } from '../../../sync/daemon/health.js';
import { formatStatus, type DaemonStatus } from '../../../sync/daemon/status.js';

const status = (over: Partial<DaemonStatus> = {}): DaemonStatus => ({
  state: 'idle',
  pid: 4321,
  environment: 'production',
  schedule: '0 * * * *',
  timezone: 'UTC',
  startedAt: '2025-03-04T05:00:00.000Z',
  runs: 3,
  skipped: 1,
  lastRun: {
    startedAt: '2025-03-04T06:00:00.000Z',
    finishedAt: '2025-03-04T06:00:04.000Z',
    durationMs: 4000,
    result: 'drift',
    summary: 'production: drift: 1 changed in the UI → issue #12 updated',
  },
  nextRun: '2025-03-04T07:00:00.000Z',
  healthUrl: 'http://127.0.0.1:9321/health',
  updatedAt: '2025-03-04T06:00:04.000Z',
  ...over,
});

const health = suite('startHealthServer');

health(
  'binds 127.0.0.1, answers GET /health with the status; 503 when the last run failed; 404 elsewhere',
  async () => {
    let current = status();
    const server = await startHealthServer(0, () => current);
    try {
      assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/health$/);
      const ok = await fetch(server.url);
      assert.is(ok.status, 200);
      assert.equal(((await ok.json()) as { healthy: boolean; runs: number }).healthy, true);
      current = status({ lastRun: { ...status().lastRun!, result: 'error', summary: 'kustomer: 503' } });
      const failing = await fetch(server.url);
      assert.is(failing.status, 503);
      assert.is(((await failing.json()) as { healthy: boolean }).healthy, false);
      assert.is((await fetch(server.url.replace('/health', '/nope'))).status, 404);
    } finally {
      await server.close();
    }
  },
);

const format = suite('formatStatus');

format('a running daemon: last run, result, next run, health', () => {
  assert.is(
    formatStatus(status(), true),
    [
      'daemon: idle (pid 4321)',
      'environment: production · schedule: 0 * * * * (UTC)',
      'last run: 2025-03-04T06:00:04.000Z · drift · production: drift: 1 changed in the UI → issue #12 updated',
      'next run: 2025-03-04T07:00:00.000Z',
      'runs: 3 · skipped (overlap): 1',
      'health: http://127.0.0.1:9321/health',
    ].join('\n'),
  );
});

format('a daemon whose process is gone is reported as not running, without a next run', () => {
  assert.is(
    formatStatus(status({ state: 'running', currentRun: { startedAt: 'x' } }), false).split('\n')[0],
    'daemon: not running (pid 4321 is gone; last state running)',
  );
  assert.not.ok(formatStatus(status(), false).includes('next run'));
  assert.is(formatStatus(undefined, false), 'daemon: never started here (no .kac/daemon-status.json)');
});

health.run();
format.run();
