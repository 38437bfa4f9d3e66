/**
 * The committed record of what a person pasted into Iterable: `workflows/iterable/confirmations.json`,
 * `{ "<template>": { "sha256", "confirmedAt", "by"? } }`. It is Iterable's "live state" for plan and
 * drift, changed only through a PR like any other file. Reading validates; writing is atomic, keys sorted.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { canonicalJson, type JsonValue } from '../../../compiler/json.js';
import type { Resource } from '../../../compiler/resource.js';
import { DiagnosticsError } from '../../errors.js';
import { CONFIRMATIONS_FILE } from './templates.js';

export { CONFIRMATIONS_FILE };

export const ConfirmationSchema = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 is 64 lowercase hex characters'),
  confirmedAt: z.iso.datetime(),
  by: z.string().min(1).optional(),
});
export const ConfirmationsSchema = z.record(z.string(), ConfirmationSchema);
export type Confirmation = z.infer<typeof ConfirmationSchema>;
export type Confirmations = z.infer<typeof ConfirmationsSchema>;

export async function readConfirmations(root: string): Promise<Confirmations> {
  let text: string;
  try {
    text = await readFile(resolve(root, CONFIRMATIONS_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  const invalid = (message: string) =>
    new DiagnosticsError([
      {
        code: 'iterable/confirmations-invalid',
        severity: 'error',
        message,
        location: { file: CONFIRMATIONS_FILE, line: 1, column: 1 },
      },
    ]);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw invalid(`${CONFIRMATIONS_FILE} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = ConfirmationsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalid(`${CONFIRMATIONS_FILE}: ${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

export async function writeConfirmations(root: string, confirmations: Confirmations): Promise<void> {
  await writeFileAtomic(resolve(root, CONFIRMATIONS_FILE), canonicalJson(confirmations as JsonValue) + '\n');
}

/** Pure: the confirmations with `key` recorded at `sha256`. */
export function recordConfirmation(
  confirmations: Confirmations,
  key: string,
  sha256: string,
  now: Date,
  by?: string,
): Confirmations {
  const entry: Confirmation = { sha256, confirmedAt: now.toISOString(), ...(by ? { by } : {}) };
  return { ...confirmations, [key]: entry };
}

export type TemplateStatus = 'confirmed' | 'pending' | 'changed-since-confirmed' | 'removed';

export interface TemplateState {
  key: string;
  status: TemplateStatus;
  desiredSha256?: string;
  confirmed?: Confirmation;
}

/** The hash a desired template resource carries (compiler/compile/iterable.ts). */
export function desiredSha256(resource: Resource): string | undefined {
  return typeof resource.body.sha256 === 'string' ? resource.body.sha256 : undefined;
}

/** Pure: each template's state, sorted by key; `removed` = confirmed but no longer in git. */
export function templateStates(desired: readonly Resource[], confirmations: Confirmations): TemplateState[] {
  const states: TemplateState[] = [];
  const keys = new Set<string>();
  for (const r of desired) {
    if (r.kind !== 'iterable.journey-webhook') continue;
    keys.add(r.key);
    const sha = desiredSha256(r);
    const confirmed = confirmations[r.key];
    const status: TemplateStatus = !confirmed
      ? 'pending'
      : confirmed.sha256 === sha
        ? 'confirmed'
        : 'changed-since-confirmed';
    states.push({ key: r.key, status, ...(sha ? { desiredSha256: sha } : {}), ...(confirmed ? { confirmed } : {}) });
  }
  for (const [key, confirmed] of Object.entries(confirmations)) {
    if (!keys.has(key)) states.push({ key, status: 'removed', confirmed });
  }
  return states.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
