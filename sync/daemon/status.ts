/**
 * The daemon's status: what `kac daemon --status` and the health endpoint show (last run, its result,
 * next run). Persisted atomically to `.kac/daemon-status.json` so another process can read it.
 */
import { readFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';

export type RunResult = 'clean' | 'drift' | 'healed' | 'error' | 'aborted';

export interface RunRecord {
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  result: RunResult;
  /** The one-line summary the run printed. */
  summary: string;
}

export interface DaemonStatus {
  state: 'starting' | 'idle' | 'running' | 'stopping' | 'stopped';
  pid: number;
  environment?: string;
  schedule: string;
  timezone?: string;
  startedAt: string;
  /** Completed runs (any result). */
  runs: number;
  /** Scheduled times skipped because the previous run was still going. */
  skipped: number;
  currentRun?: { startedAt: string };
  lastRun?: RunRecord;
  nextRun?: string;
  healthUrl?: string;
  updatedAt: string;
}

export function statusFilePath(cwd: string): string {
  return join(cwd, '.kac', 'daemon-status.json');
}

export async function writeStatusFile(path: string, status: DaemonStatus): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, JSON.stringify(status, null, 2) + '\n');
}

export async function readStatusFile(path: string): Promise<DaemonStatus | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as DaemonStatus;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** True when a process with this pid exists (signal 0 checks without signalling). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The human-readable status for `kac daemon --status`. */
export function formatStatus(status: DaemonStatus | undefined, alive: boolean): string {
  if (!status) return 'daemon: never started here (no .kac/daemon-status.json)';
  const running = status.state !== 'stopped' && alive;
  const lines = [
    `daemon: ${running ? `${status.state} (pid ${status.pid})` : status.state === 'stopped' ? 'stopped' : `not running (pid ${status.pid} is gone; last state ${status.state})`}`,
    `environment: ${status.environment ?? '(default)'} · schedule: ${status.schedule}${status.timezone ? ` (${status.timezone})` : ''}`,
  ];
  if (status.lastRun) {
    lines.push(`last run: ${status.lastRun.finishedAt} · ${status.lastRun.result} · ${status.lastRun.summary}`);
  } else lines.push('last run: none yet');
  if (status.currentRun && running) lines.push(`running since: ${status.currentRun.startedAt}`);
  if (running && status.nextRun) lines.push(`next run: ${status.nextRun}`);
  lines.push(`runs: ${status.runs} · skipped (overlap): ${status.skipped}`);
  if (running && status.healthUrl) lines.push(`health: ${status.healthUrl}`);
  return lines.join('\n');
}
