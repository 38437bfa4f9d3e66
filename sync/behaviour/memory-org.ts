/**
 * An in-memory local Kustomer org for workflow tests and plan replays: the local org's store with no
 * state directory (nothing on disk, no port), seeded from a test's `given`, running compiled workflow
 * JSON through the local org's runtime. Outbound HTTP calls are recorded and answered `200 {}`; nothing
 * leaves the process. A thin adapter: when the local org grows its own in-memory entry point, only
 * this file changes.
 */
import type { JsonObject, JsonValue } from '../../compiler/json.js';
import type { CustomerOutcome, Given, KObjectOutcome, OutboundCallOutcome } from '../../compiler/model/workflow-test.js';
import { runWorkflow, type CustomerRecord, type KObjectRecord, type WorkflowRunLog } from '../local-org/runtime/index.js';
import { LocalStore } from '../local-org/store/store.js';

/** The fixed clock of every in-memory org: runs are reproducible, byte for byte. */
export const MEMORY_ORG_NOW = '2024-05-01T12:00:00.000Z';

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
  outbound: OutboundCallOutcome[];
}

export interface MemoryOrg {
  /** Runs the workflows for one event, one after another in the order given, and says what changed. */
  send(workflows: readonly JsonObject[], event: unknown): Promise<RunOutcome>;
}

export async function createMemoryOrg(options: { klasses: readonly string[]; given?: Given }): Promise<MemoryOrg> {
  const clock = new Date(MEMORY_ORG_NOW);
  const store = await LocalStore.open({ stateDir: null, token: 'memory-org', now: () => clock });
  for (const name of options.klasses) {
    store.state.klasses.push({ id: store.newId(), attributes: { name } });
  }
  seed(store, options.given ?? {});
  const outbound: OutboundCallOutcome[] = [];
  const recordingFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const text = typeof init?.body === 'string' ? init.body : undefined;
    outbound.push({ method: (init?.method ?? 'GET').toUpperCase(), url, body: parseMaybe(text) });
    return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
  };

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
  for (const k of given.kobjects ?? []) {
    const klass = typeof k.klass === 'string' ? k.klass : k.klass.name;
    const owner = k.customerExternalId === undefined ? undefined : store.findCustomerByExternalId(k.customerExternalId);
    if (k.customerExternalId !== undefined && !owner) {
      throw new Error(`given KObject "${k.title}": no given customer has externalId "${k.customerExternalId}"`);
    }
    if (!store.klassByName(klass)) store.state.klasses.push({ id: store.newId(), attributes: { name: klass } });
    store.createKObject(klass, {
      title: k.title,
      ...(k.externalId === undefined ? {} : { externalId: k.externalId }),
      ...(owner ? { customer: owner.id } : {}),
      custom: k.custom ?? {},
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

interface Snapshot {
  customers: Map<string, string>;
  kobjects: Map<string, string>;
}

function snapshot(store: LocalStore): Snapshot {
  return {
    customers: new Map(store.state.customers.map((c) => [c.id, JSON.stringify(c)])),
    kobjects: new Map(store.state.kobjects.map((k) => [k.id, JSON.stringify(k)])),
  };
}

function changes(store: LocalStore, before: Snapshot): Pick<RunOutcome, 'customers' | 'kobjects'> {
  const customer = (c: CustomerRecord): CustomerOutcome => ({
    name: c.name ?? null,
    externalId: c.externalId ?? null,
    emails: c.emails.map((e) => e.email),
    phones: c.phones.map((p) => p.phone),
    custom: c.custom,
  });
  const kobject = (k: KObjectRecord): KObjectOutcome => {
    const owner = k.customer === undefined ? undefined : store.getCustomer(k.customer);
    return {
      klass: k.klassName,
      title: k.title,
      externalId: k.externalId ?? null,
      description: k.description ?? null,
      tags: k.tags,
      custom: k.custom,
      customer: owner ? customer(owner) : null,
    };
  };
  const split = <R extends { id: string }>(records: R[], seen: Map<string, string>) => ({
    created: records.filter((r) => !seen.has(r.id)),
    updated: records.filter((r) => seen.has(r.id) && seen.get(r.id) !== JSON.stringify(r)),
  });
  const c = split(store.state.customers, before.customers);
  const k = split(store.state.kobjects, before.kobjects);
  return {
    customers: { created: c.created.map(customer), updated: c.updated.map(customer) },
    kobjects: { created: k.created.map(kobject), updated: k.updated.map(kobject) },
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
