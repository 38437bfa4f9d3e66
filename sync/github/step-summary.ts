/** Appends markdown to the job summary file GitHub renders on the run page (GITHUB_STEP_SUMMARY). */
import { appendFile } from 'node:fs/promises';
import { redact } from '../logger.js';

/** GitHub's per-step summary limit is 1 MiB; stay under it with room for other steps. */
export const STEP_SUMMARY_LIMIT = 1_000_000;

/** Returns false (and writes nothing) when not running in Actions. */
export async function appendStepSummary(path: string | undefined, markdown: string): Promise<boolean> {
  if (!path) return false;
  const text = redact(markdown.trimEnd());
  const fitted = text.length > STEP_SUMMARY_LIMIT ? `${text.slice(0, STEP_SUMMARY_LIMIT)}\n\n… (truncated)` : text;
  await appendFile(path, `${fitted}\n\n`, 'utf8');
  return true;
}
