/**
 * The apply journal, `.kac/orgs/<org>/journal.json` (one per org, never per environment name: see
 * sync/state/org-identity.ts): one entry per change of one plan (by plan hash),
 * written atomically (batched: at most 50 ms behind). A re-run of the same plan skips what is done and
 * checks the org for the rest, so nothing is created twice. Holds ids and hook outputs only, never a
 * body or a secret.
 */
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { parseJsonFile } from '../json-file.js';

export const JournalEntrySchema = z.object({
  status: z.enum(['started', 'applied', 'failed']),
  at: z.string(),
  /** The live object's id and outputs after the change (for resumed references). */
  id: z.string().optional(),
  outputs: z.record(z.string(), z.string()).optional(),
  message: z.string().optional(),
});

export const JournalFileSchema = z.object({
  version: z.literal(1),
  environment: z.string(),
  /** The org it was written for (`key` from org-identity.ts); older journals have none. */
  org: z.object({ id: z.string().optional(), baseUrl: z.string(), key: z.string(), label: z.string() }).optional(),
  planHash: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  entries: z.record(z.string(), JournalEntrySchema),
});

export type JournalEntry = z.infer<typeof JournalEntrySchema>;
export type JournalFile = z.infer<typeof JournalFileSchema>;

export class Journal {
  private requested = 0;
  private written = 0;
  private loop: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** Longest time an entry waits in memory before it is written. */
  intervalMs = 50;

  private constructor(
    readonly path: string | undefined,
    readonly file: JournalFile,
    /** The journal found on disk for another plan, unfinished: an interrupted earlier apply. */
    readonly previous: JournalFile | undefined,
  ) {
    this.resumed = Object.keys(file.entries).length > 0;
  }

  /**
   * Opens the journal for `planHash`, resuming it when the file on disk is for the same plan and org.
   * With `org`, a journal written for another org is never resumed, and unfinished journals of other
   * orgs in the project (and old per-environment ones) are named through `notice` as ignored.
   */
  static async open(
    path: string | undefined,
    environment: string,
    planHash: string,
    o: JournalOpenOptions = {},
  ): Promise<Journal> {
    const now = o.now ?? new Date();
    const org = o.org
      ? { ...(o.org.orgId ? { id: o.org.orgId } : {}), baseUrl: o.org.baseUrl, key: o.org.key, label: o.org.label }
      : undefined;
    let existing = path ? await readJournal(path) : undefined;
    if (existing && org && existing.org?.key !== org.key) {
      if (!existing.finishedAt)
        o.notice?.(
          `Ignoring ${path}: it records an apply to ${existing.org?.label ?? 'an unrecorded org'}, not ${org.label}.`,
        );
      existing = undefined;
    }
    if (o.root && org) await noticeOtherOrgs(o.root, path, org.key, o.notice);
    if (existing && existing.planHash === planHash && !existing.finishedAt) {
      return new Journal(path, existing, undefined);
    }
    const previous = existing && !existing.finishedAt ? existing : undefined;
    return new Journal(
      path,
      { version: 1, environment, ...(org ? { org } : {}), planHash, startedAt: now.toISOString(), entries: {} },
      previous,
    );
  }

  /** An in-memory journal (tests, benches). */
  static memory(environment: string, planHash: string): Journal {
    return new Journal(
      undefined,
      { version: 1, environment, planHash, startedAt: new Date().toISOString(), entries: {} },
      undefined,
    );
  }

  /** True when this journal was found on disk, unfinished, for the same plan: a resumed apply. */
  readonly resumed: boolean;

  entry(changeId: string): JournalEntry | undefined {
    return this.file.entries[changeId];
  }

  /**
   * Records an entry; it reaches the disk with the next write, at most `intervalMs` later (one write per
   * interval, not per change: rewriting the file per change costs more than the requests). Whatever a
   * kill loses of the last interval, a resumed apply finds done in the org (see apply-plan).
   */
  record(changeId: string, entry: Omit<JournalEntry, 'at'>): void {
    this.file.entries[changeId] = { ...entry, at: new Date().toISOString() };
    this.requested++;
    if (!this.path || this.timer || this.loop) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush().catch(() => undefined);
    }, this.intervalMs);
  }

  /** Writes everything recorded so far. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (!this.path || this.written >= this.requested) return this.loop;
    const mine = this.requested;
    this.loop ??= this.writeLoop(this.path);
    await this.loop;
    if (this.written < mine) await this.flush();
  }

  async finish(): Promise<void> {
    this.file.finishedAt = new Date().toISOString();
    this.requested++;
    await this.flush();
  }

  private async writeLoop(path: string): Promise<void> {
    try {
      await mkdir(dirname(path), { recursive: true });
      while (this.written < this.requested) {
        const target = this.requested;
        // Atomic rename without fsync: survives a killed process (the case that matters in CI); an OS
        // crash may lose the last entries, and the stale-plan check then refuses rather than guesses.
        await writeFileAtomic(path, JSON.stringify(this.file) + '\n', { fsync: false });
        this.written = target;
      }
    } finally {
      this.loop = undefined;
    }
  }
}

export interface JournalOpenOptions {
  /** The org this apply writes to; the journal is kept for it alone. */
  org?: { orgId: string | undefined; baseUrl: string; key: string; label: string };
  /** The project root, to name other orgs' unfinished journals (and old `.kac/journal-<env>.json`). */
  root?: string;
  notice?: (message: string) => void;
  now?: Date;
}

/** Unfinished journals of other orgs are left alone, and said so: they never resume against this one. */
async function noticeOtherOrgs(
  root: string,
  mine: string | undefined,
  key: string,
  notice: ((m: string) => void) | undefined,
): Promise<void> {
  if (!notice) return;
  const kac = resolve(root, '.kac');
  const candidates: string[] = [];
  const top = await readdir(kac).catch(() => [] as string[]);
  for (const f of top) if (/^journal-.+\.json$/.test(f)) candidates.push(join(kac, f));
  for (const d of await readdir(join(kac, 'orgs')).catch(() => [] as string[]))
    if (d !== key) candidates.push(join(kac, 'orgs', d, 'journal.json'));
  for (const file of candidates.sort()) {
    if (file === mine) continue;
    const j = await readJournal(file);
    if (j && !j.finishedAt)
      notice(
        `An interrupted apply to ${j.org?.label ?? `environment "${j.environment}" (an older journal, not tied to an org)`} is recorded in ${file}; it belongs to another org and is ignored here.`,
      );
  }
}

async function readJournal(path: string): Promise<JournalFile | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return parseJsonFile(text, path, JournalFileSchema, {
    code: 'journal/invalid-file',
    hint: 'the journal of an interrupted apply is damaged: check the org with kac plan, then delete the file and apply again',
  });
}
