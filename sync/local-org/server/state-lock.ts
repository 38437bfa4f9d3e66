/**
 * One owner of a local org's state directory (issue 14): the process that serves it holds
 * `<stateDir>/server.lock` (pid, host, port, base URL, start time), created exclusively before the
 * state is opened and removed on close. Another kac process finds the running org through it and
 * talks to it over HTTP instead of opening the same state; a lock whose pid is dead is stale and is
 * taken over with a message. Nothing here reads or writes the state itself.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import {
  createLockFile,
  isProcessAlive,
  lockHolderAlive as holderAlive,
  ownHolder,
  readLockFile,
  releaseLockFile,
} from '../../state/lock-file.js';

export const LOCK_FILE = 'server.lock';

const StateLockSchema = z.object({
  pid: z.number().int(),
  host: z.string(),
  /** Null while the server is starting (the port is known only once it listens). */
  port: z.number().int().nullable(),
  baseUrl: z.string().nullable(),
  startedAt: z.string(),
  /** Random per acquisition: tells this holder's lock from a later one of the same pid. */
  id: z.string().optional(),
});
export type StateLock = z.infer<typeof StateLockSchema>;

/** Another live process serves this state: the caller must not open it. */
export class StateLockedError extends Error {
  constructor(
    readonly lock: StateLock,
    readonly stateDir: string,
  ) {
    super(
      `the local org state ${stateDir} is served by process ${lock.pid} on ${lock.host}${lock.baseUrl ? ` at ${lock.baseUrl}` : ' (starting)'}`,
    );
    this.name = 'StateLockedError';
  }
}

export interface LockOptions {
  /** Whether a pid is alive; default: signal 0 (an EPERM answer means alive). */
  isAlive?: (pid: number) => boolean;
  /** Told when a stale lock is taken over. */
  onNotice?: (message: string) => void;
}

export interface HeldLock {
  /** Records where the server listens, once it does. */
  listening(port: number, baseUrl: string): Promise<void>;
  release(): Promise<void>;
}

/** The lock as written, or undefined when there is none (an unreadable lock is reported as held by nobody alive). */
export async function readStateLock(stateDir: string): Promise<StateLock | undefined> {
  // A lock cut short by a crash mid-write: nobody can be reached through it, so it is stale.
  return readLockFile(join(stateDir, LOCK_FILE), StateLockSchema, {
    pid: -1,
    host: hostname(),
    port: null,
    baseUrl: null,
    startedAt: '',
  });
}

/** Whether the lock's holder is alive. On another host the pid can't be checked: assumed alive. */
export function lockHolderAlive(lock: StateLock, isAlive: (pid: number) => boolean = isProcessAlive): boolean {
  return holderAlive(lock, isAlive);
}

/**
 * Takes the lock for this process, or throws StateLockedError naming the live holder. A stale lock
 * (dead pid, or unreadable) is removed and taken over, and `onNotice` is told whose it was.
 */
export async function acquireStateLock(stateDir: string, options: LockOptions = {}): Promise<HeldLock> {
  await mkdir(stateDir, { recursive: true, mode: 0o700 });
  const path = join(stateDir, LOCK_FILE);
  const holder = ownHolder();
  const mine: StateLock = { ...holder, port: null, baseUrl: null, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await createLockFile(path, mine)) {
      let released = false;
      return {
        async listening(port, baseUrl) {
          Object.assign(mine, { port, baseUrl });
          await writeFile(path, JSON.stringify(mine), { mode: 0o600 });
        },
        async release() {
          if (released) return;
          released = true;
          await releaseLockFile(path, holder.id, () => readStateLock(stateDir));
        },
      };
    }
    const held = await readStateLock(stateDir);
    if (!held) continue;
    if (lockHolderAlive(held, options.isAlive)) throw new StateLockedError(held, stateDir);
    options.onNotice?.(
      `${path}: taking over a stale lock${held.pid > 0 ? ` from process ${held.pid}, which is no longer running` : ' (unreadable)'}`,
    );
    await rm(path, { force: true });
  }
  throw new Error(`${path}: could not take the lock (another process keeps taking it)`);
}
