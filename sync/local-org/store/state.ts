/**
 * The local org's state as one JSON document, and its persistence: `<stateDir>/org.json`, written
 * atomically (write-file-atomic) and coalesced, so a burst of requests costs one write, and a request
 * is answered only after the write that contains its change.
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { parseJsonFile } from '../../json-file.js';
import { OrgStateSchema } from './state-schema.js';
import type { JsonObject } from '../../../compiler/json.js';
import type { ConversationRecord, CustomerRecord, KObjectRecord, NoteRecord, UserRecord } from '../runtime/host.js';
import type { WorkflowRunLog } from '../runtime/types.js';

/** A stored API object: its id and its JSON:API attributes (server fields included). */
export interface Row {
  id: string;
  attributes: JsonObject;
}

export interface HookRow extends Row {
  kind: 'web' | 'form';
  /** The secret part of the hook's address. */
  hash: string;
}

export interface StoredRun {
  /** The hook whose post started the run, when a hook post did. */
  hookId?: string;
  eventName: string;
  /** How many events deep this run is: 0 for an API request or hook post, +1 per event a run caused. */
  depth?: number;
  log: WorkflowRunLog;
}

/** A `kustomer.app.scheduler.schedule-workflow` call waiting for its time. */
export interface ScheduledCall {
  id: string;
  workflowId: string;
  inputs: JsonObject;
  /** ISO time at or after which it runs. */
  runAt: string;
  /** The run that scheduled it. */
  scheduledBy?: string;
}

export interface OrgState {
  version: 1;
  orgId: string;
  userId: string;
  /** The API token, kept so a restarted emulator accepts the token it printed before. */
  token: string;
  klasses: Row[];
  /** By resource name, e.g. `kobject.regal-call`. */
  metadata: Record<string, JsonObject>;
  workflows: Row[];
  hooks: HookRow[];
  outboundWebhooks: Row[];
  customers: CustomerRecord[];
  kobjects: KObjectRecord[];
  conversations: ConversationRecord[];
  notes: NoteRecord[];
  users: UserRecord[];
  scheduled: ScheduledCall[];
  runs: StoredRun[];
}

export const STATE_FILE = 'org.json';
/** Owner read/write only (issue 11: the state file holds secrets). */
export const STATE_FILE_MODE = 0o600;
/** Older runs are dropped first; the logs are for inspection, not an audit trail. */
export const MAX_STORED_RUNS = 500;

export function emptyState(ids: { orgId: string; userId: string; token: string }): OrgState {
  return {
    version: 1,
    ...ids,
    klasses: [],
    metadata: {},
    workflows: [],
    hooks: [],
    outboundWebhooks: [],
    customers: [],
    kobjects: [],
    conversations: [],
    notes: [],
    users: [],
    scheduled: [],
    runs: [],
  };
}

/** Reads the saved state; undefined when there is none. A corrupt file is an error, never silently reset. */
export async function loadState(stateDir: string): Promise<OrgState | undefined> {
  let text: string;
  try {
    text = await readFile(join(stateDir, STATE_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return parseJsonFile(text, join(stateDir, STATE_FILE), OrgStateSchema, {
    code: 'local-org/invalid-state',
    hint: 'the local org state is damaged: fix the file, or start empty with kac emulator --reset',
  });
}

export async function removeState(stateDir: string): Promise<void> {
  await rm(join(stateDir, STATE_FILE), { force: true });
}

/** Coalescing writer: `flush()` resolves once a write that includes every change marked so far is done. */
export class StatePersister {
  private dirty = false;
  private writing: Promise<void> | undefined;

  constructor(
    private readonly stateDir: string | null,
    private readonly snapshot: () => OrgState,
  ) {}

  markDirty(): void {
    if (this.stateDir !== null) this.dirty = true;
  }

  async flush(): Promise<void> {
    if (this.stateDir === null) return;
    const dir = this.stateDir;
    while (this.dirty || this.writing) {
      if (this.writing) {
        await this.writing;
        continue;
      }
      this.dirty = false;
      const text = JSON.stringify(this.snapshot());
      this.writing = (async () => {
        await mkdir(dir, { recursive: true, mode: 0o700 });
        // The state holds the API token and any real secret values set for local runs: owner only.
        await writeFileAtomic(join(dir, STATE_FILE), text, { mode: STATE_FILE_MODE });
      })().finally(() => {
        this.writing = undefined;
      });
    }
  }
}
