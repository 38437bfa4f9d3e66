/** The local org's files on disk: the state is owner-only (0600), and one process holds the state lock. */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startLocalOrg } from '../../../sync/local-org/server/server.js';
import { acquireStateLock, LOCK_FILE, StateLockedError } from '../../../sync/local-org/server/state-lock.js';
import { STATE_FILE } from '../../../sync/local-org/store/state.js';
import { DiagnosticsError } from '../../../sync/errors.js';

async function withDir(fn: (dir: string) => Promise<void>) {
  const dir = await mkdtemp(join(tmpdir(), 'kac-state-'));
  try {
    await fn(join(dir, '.kac/local'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('the state file and the lock are written 0600, also when an older file was world-readable', async () => {
  await withDir(async (dir) => {
    const org = await startLocalOrg({ stateDir: dir, schedulerIntervalMs: 0 });
    try {
      assert.is((await stat(join(dir, STATE_FILE))).mode & 0o777, 0o600);
      assert.is((await stat(join(dir, LOCK_FILE))).mode & 0o777, 0o600);
    } finally {
      await org.close();
    }
    await writeFile(join(dir, STATE_FILE), await readFile(join(dir, STATE_FILE), 'utf8'), { mode: 0o644 });
    const again = await startLocalOrg({ stateDir: dir, schedulerIntervalMs: 0 });
    await again.close();
    assert.is((await stat(join(dir, STATE_FILE))).mode & 0o777, 0o600);
  });
});

test('a second org on the same state refuses while the first serves it, naming it', async () => {
  await withDir(async (dir) => {
    const org = await startLocalOrg({ stateDir: dir, schedulerIntervalMs: 0 });
    try {
      const error = await startLocalOrg({ stateDir: dir }).catch((e: unknown) => e);
      assert.instance(error, StateLockedError);
      assert.is(
        (error as Error).message,
        `the local org state ${dir} is served by process ${process.pid} on ${hostname()} at ${org.baseUrl}`,
      );
    } finally {
      await org.close();
    }
    const next = await startLocalOrg({ stateDir: dir, schedulerIntervalMs: 0 });
    await next.close();
  });
});

test('a stale lock is taken over with a message; release removes only our own lock', async () => {
  await withDir(async (dir) => {
    const first = await acquireStateLock(dir);
    const notices: string[] = [];
    const second = await acquireStateLock(dir, { isAlive: () => false, onNotice: (m) => notices.push(m) });
    assert.equal(notices, [
      `${join(dir, LOCK_FILE)}: taking over a stale lock from process ${process.pid}, which is no longer running`,
    ]);
    await first.release();
    assert.ok(await stat(join(dir, LOCK_FILE)), 'the first release leaves the second holder its lock');
    await second.release();
    assert.not.ok(await stat(join(dir, LOCK_FILE)).catch(() => undefined));
  });
});

test('a corrupt or foreign state file is refused with the file, the field and what was expected', async () => {
  await withDir(async (dir) => {
    const org = await startLocalOrg({ stateDir: dir, schedulerIntervalMs: 0 });
    await org.close();
    const file = join(dir, STATE_FILE);
    const good = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    const cases: [unknown, string][] = [
      [{ ...good, version: 2 }, `${file}: version: Invalid input: expected 1`],
      [
        { ...good, workflows: [{ attributes: {} }] },
        `${file}: workflows.0.id: Invalid input: expected string, received undefined`,
      ],
    ];
    const refusal = async () => {
      const error = await startLocalOrg({ stateDir: dir }).catch((e: unknown) => e);
      assert.instance(error, DiagnosticsError);
      return (error as DiagnosticsError).diagnostics.map((d) => `${d.code} ${d.message}`).join('\n');
    };
    for (const [content, message] of cases) {
      await writeFile(file, JSON.stringify(content));
      assert.match(await refusal(), `local-org/invalid-state ${message}`);
    }
    await writeFile(file, '{"version":1,');
    assert.match(await refusal(), `${file} is not JSON`);
    // State written before conversations, notes, users and schedules existed still loads.
    const { conversations: _c, notes: _n, users: _u, scheduled: _s, ...older } = good;
    await writeFile(file, JSON.stringify(older));
    const reopened = await startLocalOrg({ stateDir: dir, schedulerIntervalMs: 0 });
    assert.equal(reopened.store.state.conversations, []);
    await reopened.close();
  });
});

test.run();
