/**
 * Finds the local org already serving a state directory: its lock is present, its pid alive, and its
 * port answers `GET /v1/auth/tokens/current` with the state's token for the state's org. kac commands
 * then talk to it over HTTP instead of opening the same state themselves.
 */
import { loadState } from '../store/state.js';
import { lockHolderAlive, readStateLock, StateLockedError, type StateLock } from './state-lock.js';

export interface RunningLocalOrg {
  baseUrl: string;
  token: string;
  orgId: string;
  lock: StateLock;
}

export interface FindRunningOptions {
  isAlive?: (pid: number) => boolean;
  fetch?: typeof fetch;
  /** Deadline of the probe request; default 5 s. */
  probeTimeoutMs?: number;
}

/**
 * The running org, or undefined when none holds the state (no lock, or a stale one: the caller may
 * start its own, which takes the stale lock over). Throws StateLockedError when a live process holds
 * the lock but can't be reached: opening the state then would make two writers.
 */
export async function findRunningLocalOrg(
  stateDir: string,
  options: FindRunningOptions = {},
): Promise<RunningLocalOrg | undefined> {
  const lock = await readStateLock(stateDir);
  if (!lock || !lockHolderAlive(lock, options.isAlive)) return undefined;
  const state = await loadState(stateDir);
  if (!lock.baseUrl || !state) throw new StateLockedError(lock, stateDir);
  try {
    const res = await (options.fetch ?? fetch)(`${lock.baseUrl}/v1/auth/tokens/current`, {
      headers: { authorization: `Bearer ${state.token}` },
      redirect: 'manual',
      signal: AbortSignal.timeout(options.probeTimeoutMs ?? 5000),
    });
    const body = (await res.json().catch(() => undefined)) as
      { data?: { relationships?: { org?: { data?: { id?: string } } } } } | undefined;
    if (res.status === 200 && body?.data?.relationships?.org?.data?.id === state.orgId) {
      return { baseUrl: lock.baseUrl, token: state.token, orgId: state.orgId, lock };
    }
  } catch {
    // Unreachable: reported below.
  }
  throw new StateLockedError(lock, stateDir);
}
