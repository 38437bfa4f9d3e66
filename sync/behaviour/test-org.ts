/**
 * The org a workflow test or a plan replay runs in: the local org's in-memory org
 * (sync/local-org/memory-org.ts: no port, nothing on disk) on a fixed clock, its Klasses created, seeded
 * from a test's `given`. `send` runs given workflow JSON for one event through the local org's runtime
 * and says what changed. Outbound HTTP calls are recorded and answered `200 {}`; nothing leaves the
 * process.
 */
import type { JsonObject, JsonValue } from '../../compiler/json.js';
import type {
  ConversationOutcome,
  CustomerOutcome,
  Given,
  KObjectOutcome,
  NoteOutcome,
  OutboundCallOutcome,
} from '../../compiler/model/workflow-test.js';
import { createMemoryOrg } from '../local-org/memory-org.js';
import type { ConversationRecord, CustomerRecord, KObjectRecord, NoteRecord } from '../local-org/runtime/host.js';
import { runWorkflow, type WorkflowRunLog } from '../local-org/runtime/index.js';
import type { LocalStore } from '../local-org/store/store.js';

/** The fixed clock of every test org: runs are reproducible, byte for byte. */
export const TEST_ORG_NOW = '2024-05-01T12:00:00.000Z';

export interface RunRecord {
  workflow: string;
  status: WorkflowRunLog['status'];
  /** Step ids taken after the trigger, in order. */
  steps: string[];
  error?: string;
  log: WorkflowRunLog;
}

/** What one event did to the org. */
export interface RunOutcome {
  runs: RunRecord[];
  customers: { created: CustomerOutcome[]; updated: CustomerOutcome[] };
  kobjects: { created: KObjectOutcome[]; updated: KObjectOutcome[] };
  conversations: { created: ConversationOutcome[]; updated: ConversationOutcome[] };
  notes: { created: NoteOutcome[] };
  outbound: OutboundCallOutcome[];
}

export interface TestOrg {
  /** Runs the workflows for one event, one after another in the order given, and says what changed. */
  send(workflows: readonly JsonObject[], event: unknown): Promise<RunOutcome>;
}

export async function openTestOrg(options: { klasses: readonly string[]; given?: Given }): Promise<TestOrg> {
  const clock = new Date(TEST_ORG_NOW);
  const outbound: OutboundCallOutcome[] = [];
  const recordingFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const text = typeof init?.body === 'string' ? init.body : undefined;
    outbound.push({ method: (init?.method ?? 'GET').toUpperCase(), url, body: parseMaybe(text) });
    return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
  };
  const org = await createMemoryOrg({ now: () => clock, token: 'test-org', fetch: recordingFetch as typeof fetch });
  const klasses = new Set([
    ...options.klasses,
    ...(options.given?.kobjects ?? []).map((k) => (typeof k.klass === 'string' ? k.klass : k.klass.name)),
  ]);
  for (const name of [...klasses].sort()) {
    const created = await org.request('POST', '/v1/klasses', { name });
    if (created.status >= 300)
      throw new Error(`Klass "${name}" could not be created in the test org: ${JSON.stringify(created.body)}`);
  }
  seed(org.store, options.given ?? {});
  const store = org.store;

  return {
    async send(workflows, event) {
      const before = snapshot(store);
      const from = outbound.length;
      const runs: RunRecord[] = [];
      for (const workflow of workflows) {
        const trigger = isHookTriggered(workflow) ? hookTransaction(store, event) : (event as JsonObject);
        const log = await runWorkflow(workflow, trigger, store, { fetch: recordingFetch as typeof fetch });
        runs.push({
          workflow: log.workflowName,
          status: log.status,
          steps: log.steps.slice(1).map((s) => s.id),
          ...(log.error === undefined ? {} : { error: log.error }),
          log,
        });
      }
      return { runs, ...changes(store, before), outbound: outbound.slice(from) };
    },
  };
}

function seed(store: LocalStore, given: Given): void {
  for (const c of given.customers ?? []) {
    store.createCustomer({
      ...(c.name === undefined ? {} : { name: c.name }),
      ...(c.externalId === undefined ? {} : { externalId: c.externalId }),
      emails: c.email === undefined ? [] : [{ email: c.email }],
      phones: c.phone === undefined ? [] : [{ phone: c.phone }],
      custom: c.custom ?? {},
    });
  }
  const owner = (what: string, externalId: string | undefined) => {
    if (externalId === undefined) return undefined;
    const found = store.findCustomerByExternalId(externalId);
    if (!found) throw new Error(`given ${what}: no given customer has externalId "${externalId}"`);
    return found;
  };
  for (const k of given.kobjects ?? []) {
    const customer = owner(`KObject "${k.title}"`, k.customerExternalId);
    store.createKObject(typeof k.klass === 'string' ? k.klass : k.klass.name, {
      title: k.title,
      ...(k.externalId === undefined ? {} : { externalId: k.externalId }),
      ...(customer ? { customer: customer.id } : {}),
      custom: k.custom ?? {},
    });
  }
  for (const c of given.conversations ?? []) {
    const customer = owner(`conversation "${c.name ?? c.externalId ?? ''}"`, c.customerExternalId)!;
    store.createConversation({
      customer: customer.id,
      ...(c.name === undefined ? {} : { name: c.name }),
      ...(c.externalId === undefined ? {} : { externalId: c.externalId }),
      ...(c.status === undefined ? {} : { status: c.status }),
      ...(c.custom === undefined ? {} : { custom: c.custom }),
    });
  }
}

/** A hook-triggered workflow's step 1 is the hook transaction; an event-triggered one's is the event. */
function isHookTriggered(workflow: JsonObject): boolean {
  const trigger = workflow.trigger as JsonObject | undefined;
  const eventName = typeof trigger?.eventName === 'string' ? trigger.eventName : '';
  return /^kustomer\.hooks\.(web|form)\./.test(eventName) || eventName.includes('<ref:kustomer.hook:');
}

function hookTransaction(store: LocalStore, data: unknown): JsonObject {
  return {
    id: store.newId(),
    type: 'transaction',
    attributes: { createdAt: store.isoNow(), data: data as JsonValue },
    relationships: {
      org: { data: { type: 'org', id: store.state.orgId } },
      hook: { data: { type: 'web_hook', id: '000000000000000000000000' } },
    },
  };
}

type Snapshot = Record<'customers' | 'kobjects' | 'conversations' | 'notes', Map<string, string>>;

function snapshot(store: LocalStore): Snapshot {
  const of = (records: readonly { id: string }[]) => new Map(records.map((r) => [r.id, JSON.stringify(r)]));
  return {
    customers: of(store.state.customers),
    kobjects: of(store.state.kobjects),
    conversations: of(store.state.conversations),
    notes: of(store.state.notes),
  };
}

function changes(store: LocalStore, before: Snapshot): Omit<RunOutcome, 'runs' | 'outbound'> {
  const customer = (c: CustomerRecord): CustomerOutcome => ({
    name: c.name ?? null,
    externalId: c.externalId ?? null,
    emails: c.emails.map((e) => e.email),
    phones: c.phones.map((p) => p.phone),
    custom: c.custom,
  });
  const ownerOf = (id: string | undefined) => {
    const found = id === undefined ? undefined : store.getCustomer(id);
    return found ? customer(found) : null;
  };
  const kobject = (k: KObjectRecord): KObjectOutcome => ({
    klass: k.klassName,
    title: k.title,
    externalId: k.externalId ?? null,
    description: k.description ?? null,
    tags: k.tags,
    custom: k.custom,
    customer: ownerOf(k.customer),
  });
  const conversation = (c: ConversationRecord): ConversationOutcome => ({
    name: c.name ?? null,
    externalId: c.externalId ?? null,
    status: c.status,
    tags: c.tags,
    custom: c.custom,
    customer: ownerOf(c.customer),
  });
  const note = (n: NoteRecord): NoteOutcome => ({
    body: n.body,
    externalId: n.externalId ?? null,
    conversation: store.getConversation(n.conversation)?.name ?? null,
  });
  const split = <R extends { id: string }>(records: readonly R[], seen: Map<string, string>) => ({
    created: records.filter((r) => !seen.has(r.id)),
    updated: records.filter((r) => seen.has(r.id) && seen.get(r.id) !== JSON.stringify(r)),
  });
  const c = split(store.state.customers, before.customers);
  const k = split(store.state.kobjects, before.kobjects);
  const v = split(store.state.conversations, before.conversations);
  return {
    customers: { created: c.created.map(customer), updated: c.updated.map(customer) },
    kobjects: { created: k.created.map(kobject), updated: k.updated.map(kobject) },
    conversations: { created: v.created.map(conversation), updated: v.updated.map(conversation) },
    notes: { created: split(store.state.notes, before.notes).created.map(note) },
  };
}

function parseMaybe(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
