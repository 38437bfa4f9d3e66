/**
 * The daemon's status: what `kac daemon --status` and the health endpoint show (last run, its result,
 * next run). Persisted atomically to `.kac/daemon-status.json` so another process can read it.
 */
import { readFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { parseJsonFile } from '../json-file.js';

export const RunResultSchema = z.enum(['clean', 'drift', 'healed', 'error', 'aborted']);

export const RunRecordSchema = z.object({
  startedAt: z.string(),
  finishedAt: z.string(),
  durationMs: z.number(),
  result: RunResultSchema,
  /** The one-line summary the run printed. */
  summary: z.string(),
});

export const DaemonStatusSchema = z.object({
  state: z.enum(['starting', 'idle', 'running', 'stopping', 'stopped']),
  pid: z.number().int(),
  environment: z.string().optional(),
  schedule: z.string(),
  timezone: z.string().optional(),
  startedAt: z.string(),
  /** Completed runs (any result). */
  runs: z.number().int(),
  /** Scheduled times skipped because the previous run was still going. */
  skipped: z.number().int(),
  currentRun: z.object({ startedAt: z.string() }).optional(),
  lastRun: RunRecordSchema.optional(),
  nextRun: z.string().optional(),
  healthUrl: z.string().optional(),
  updatedAt: z.string(),
});

export type RunResult = z.infer<typeof RunResultSchema>;
export type RunRecord = z.infer<typeof RunRecordSchema>;
export type DaemonStatus = z.infer<typeof DaemonStatusSchema>;

export function statusFilePath(cwd: string): string {
  return join(cwd, '.kac', 'daemon-status.json');
}

export async function writeStatusFile(path: string, status: DaemonStatus): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, JSON.stringify(status, null, 2) + '\n');
}

export async function readStatusFile(path: string): Promise<DaemonStatus | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return parseJsonFile(text, path, DaemonStatusSchema, {
    code: 'daemon/invalid-status-file',
    hint: 'the daemon rewrites it on its next start; delete it to clear the status',
  });
}

export { isProcessAlive } from '../state/lock-file.js';

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
