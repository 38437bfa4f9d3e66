/**
 * One writer per org: apply, the daemon's self-heal and adopt hold `.kac/orgs/<org>/apply.lock`
 * (pid, host, start time, command) while they write. A second run on this machine or checkout waits up
 * to `--lock-timeout` seconds, then refuses naming the holder; a lock whose process is dead is taken
 * over with a message. Across machines the Actions concurrency groups serialise, and apply re-reads
 * names before creating (apply-plan.ts), so a concurrent create is adopted rather than duplicated.
 */
import { mkdir, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { ExitError } from '../errors.js';
import { createLockFile, lockHolderAlive, ownHolder, readLockFile, releaseLockFile } from './lock-file.js';
import { orgStateDir, type OrgIdentity } from './org-identity.js';

const LockSchema = z.object({
  pid: z.number().int(),
  host: z.string(),
  startedAt: z.string(),
  command: z.string(),
  org: z.string(),
  id: z.string(),
});
export type OrgLock = z.infer<typeof LockSchema>;

export interface OrgLockOptions {
  /** `.kac/orgs/<key>`. */
  dir: string;
  /** For the holder's record and messages: `org … at …`. */
  org: string;
  command: string;
  /** How long to wait for a live holder, in ms; 0 refuses at once. */
  timeoutMs: number;
  /** How often to look again while waiting; default 250 ms. */
  pollMs?: number;
  isAlive?: (pid: number) => boolean;
  now?: () => Date;
  onNotice?: (message: string) => void;
}

export interface HeldOrgLock {
  path: string;
  release(): Promise<void>;
}

export const ORG_LOCK_FILE = 'apply.lock';

export async function readOrgLock(dir: string): Promise<OrgLock | undefined> {
  // Cut short by a crash mid-write: nobody holds it.
  return readLockFile(join(dir, ORG_LOCK_FILE), LockSchema, {
    pid: -1,
    host: hostname(),
    startedAt: '',
    command: '',
    org: '',
    id: '',
  });
}

export function describeHolder(lock: OrgLock): string {
  return `process ${lock.pid} on ${lock.host} (${lock.command || 'kac'}, started ${lock.startedAt || 'at an unknown time'})`;
}

export async function acquireOrgLock(o: OrgLockOptions): Promise<HeldOrgLock> {
  await mkdir(o.dir, { recursive: true, mode: 0o700 });
  const path = join(o.dir, ORG_LOCK_FILE);
  const now = o.now ?? (() => new Date());
  const mine: OrgLock = { ...ownHolder(), startedAt: now().toISOString(), command: o.command, org: o.org };
  const started = now().getTime();
  let told = false;
  for (;;) {
    if (await createLockFile(path, mine)) {
      let released = false;
      return {
        path,
        async release() {
          if (released) return;
          released = true;
          await releaseLockFile(path, mine.id, () => readOrgLock(o.dir));
        },
      };
    }
    const held = await readOrgLock(o.dir);
    if (!held) continue;
    if (!lockHolderAlive(held, o.isAlive)) {
      o.onNotice?.(
        `${path}: taking over a stale lock${held.pid > 0 ? ` of ${describeHolder(held)}, which is no longer running` : ' (unreadable)'}.`,
      );
      await rm(path, { force: true });
      continue;
    }
    if (now().getTime() - started >= o.timeoutMs) {
      throw new ExitError(
        `${o.org} is being changed by another kac run: ${describeHolder(held)} holds ${path}; nothing was applied`,
        1,
        `wait for it to finish and run again, or wait longer with --lock-timeout <seconds>; if that process is gone from another machine, delete ${path}`,
      );
    }
    if (!told) {
      told = true;
      o.onNotice?.(
        `Waiting for ${describeHolder(held)}, which is changing ${o.org} (up to ${Math.round(o.timeoutMs / 1000)} s; --lock-timeout).`,
      );
    }
    await sleep(o.pollMs ?? 250);
  }
}

/** Runs `fn` holding the lock of the org `identity` names (apply, the daemon's heal, adopt). */
export async function withOrgLock<T>(
  root: string,
  identity: () => Promise<OrgIdentity>,
  o: Omit<OrgLockOptions, 'dir' | 'org'>,
  fn: () => Promise<T>,
): Promise<T> {
  const id = await identity();
  const lock = await acquireOrgLock({ ...o, dir: orgStateDir(root, id), org: id.label });
  try {
    return await fn();
  } finally {
    await lock.release();
  }
}
