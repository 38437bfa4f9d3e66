/**
 * A lock file held by one process: created exclusively (`wx`, 0600) with a JSON record naming its
 * holder (pid, host, a random id per acquisition), read back through a zod schema, and removed only
 * by the holder that wrote it. Its holder is alive when its pid answers signal 0 on this host; on
 * another host the pid cannot be checked, so the lock is honoured. Shared by the local org's state
 * lock (one server per state directory) and the org lock (one writer per org).
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import type { z } from 'zod';

/** What every lock record carries. */
export interface LockHolder {
  pid: number;
  host: string;
  /** Random per acquisition: tells this holder's lock from a later one of the same pid. */
  id?: string;
}

/** True when a process with this pid exists (signal 0 checks without signalling; EPERM means alive). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the holder is alive. A record cut short by a crash (pid ≤ 0) holds nothing. */
export function lockHolderAlive(lock: LockHolder, isAlive: (pid: number) => boolean = isProcessAlive): boolean {
  if (lock.pid <= 0) return false;
  if (lock.host !== hostname()) return true;
  return isAlive(lock.pid);
}

/** A fresh record for this process: pid, host and a new id. */
export function ownHolder(): Required<LockHolder> {
  return { pid: process.pid, host: hostname(), id: randomBytes(8).toString('hex') };
}

/**
 * The lock as written; undefined when there is none. A file that does not parse (a write cut short by
 * a crash) reads as `unreadable`, whose pid ≤ 0 makes it stale.
 */
export async function readLockFile<S extends z.ZodType<LockHolder>>(
  path: string,
  schema: S,
  unreadable: z.infer<S>,
): Promise<z.infer<S> | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    raw = undefined;
  }
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : unreadable;
}

/** Creates the lock file with `record`; false when it already exists. */
export async function createLockFile(path: string, record: LockHolder): Promise<boolean> {
  try {
    const handle = await open(path, 'wx', 0o600);
    await handle.writeFile(JSON.stringify(record));
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Removes the lock only while it is still `id`'s: a takeover after ours went stale is the taker's. */
export async function releaseLockFile(
  path: string,
  id: string,
  read: () => Promise<LockHolder | undefined>,
): Promise<void> {
  const current = await read().catch(() => undefined);
  if (current?.id === id) await rm(path, { force: true });
}
