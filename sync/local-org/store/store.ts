/**
 * The local org's store: the state in memory, its persistence, and the customer, KObject,
 * conversation, note and user records the workflow runtime reads and writes (it implements
 * RuntimeHost). Every create or change of a standard object queues its standard event
 * (`kustomer.customer.update` ...) in `pendingEvents`; the workflow engine drains them. Routes change
 * state through it and call `changed()`; the server flushes before answering.
 */
import type { JsonObject } from '../../../compiler/json.js';
import { HostError, type CustomerRecord, type KObjectRecord, type RuntimeHost } from '../runtime/host.js';
import { CustomerBodySchema, KObjectCreateBodySchema, KObjectUpdateBodySchema, parseBody } from './body-schemas.js';
import { eventName, eventPayload, type OrgEvent, type StandardObject } from './events.js';
import { objectId, randomToken } from './ids.js';
import {
  emptyState,
  loadState,
  MAX_STORED_RUNS,
  removeState,
  StatePersister,
  type OrgState,
  type ScheduledCall,
  type StoredRun,
} from './state.js';
import { StandardObjects, StoreValidationError } from './standard-objects.js';
import type { ApiErrorObject } from '../inferred-api.js';

export class LocalStore extends StandardObjects implements RuntimeHost {
  private persister: StatePersister;
  /** Standard events not yet run (in memory: a restart does not replay them). */
  readonly pendingEvents: OrgEvent[] = [];
  /**
   * The depth given to events raised through this object. The store itself raises depth 0 (API
   * requests); the engine hands each run `forDepth(d)`, a view of this store that raises d + 1.
   */
  protected eventDepth = 0;
  /** Accept a second workflow with an existing name (off: inferred-api.ts UNIQUE_WORKFLOW_NAMES). */
  allowDuplicateWorkflowNames = false;

  private constructor(
    public state: OrgState,
    private readonly stateDir: string | null,
    private readonly clock: () => Date,
  ) {
    super();
    this.persister = new StatePersister(stateDir, () => this.state);
  }

  /**
   * This store, raising events at `depth`. A prototype view: state, queue and persistence are shared,
   * only `eventDepth` differs, so concurrent runs never see each other's depth.
   */
  forDepth(depth: number): LocalStore {
    return Object.create(this, { eventDepth: { value: depth, enumerable: false } }) as LocalStore;
  }

  /** Queues a standard event for the engine. */
  emit(object: StandardObject, change: 'create' | 'update', record: object, changes?: JsonObject): void {
    this.pendingEvents.push({
      name: eventName(object, change),
      payload: eventPayload(record, changes),
      depth: this.eventDepth,
    });
  }

  takeEvent(): OrgEvent | undefined {
    return this.pendingEvents.shift();
  }

  // --- workflows, as the engine needs them ---

  enabledWorkflowsFor(name: string) {
    return this.state.workflows.filter(
      (w) => w.attributes.enabled === true && (w.attributes.trigger as JsonObject | undefined)?.eventName === name,
    );
  }

  workflowById(id: string) {
    return this.state.workflows.find((w) => w.id === id);
  }

  // --- scheduled workflow calls ---

  scheduleCall(call: Omit<ScheduledCall, 'id'>): ScheduledCall {
    const scheduled = { id: this.newId(), ...call };
    this.state.scheduled.push(scheduled);
    this.changed();
    return scheduled;
  }

  /** Removes and returns the calls due at `now`, earliest first. */
  takeDueCalls(now: Date): ScheduledCall[] {
    const due = this.state.scheduled.filter((c) => Date.parse(c.runAt) <= now.getTime());
    if (due.length === 0) return [];
    this.state.scheduled = this.state.scheduled.filter((c) => !due.includes(c));
    this.changed();
    return due.sort((a, b) => Date.parse(a.runAt) - Date.parse(b.runAt));
  }

  /** Loads `<stateDir>/org.json` (or starts empty); `stateDir: null` keeps everything in memory. */
  static async open(options: {
    stateDir: string | null;
    token?: string;
    now?: () => Date;
    reset?: boolean;
  }): Promise<LocalStore> {
    const clock = options.now ?? (() => new Date());
    if (options.reset && options.stateDir !== null) await removeState(options.stateDir);
    const saved = options.stateDir === null ? undefined : await loadState(options.stateDir);
    const state =
      saved ??
      emptyState({ orgId: objectId(clock()), userId: objectId(clock()), token: options.token ?? randomToken() });
    if (options.token !== undefined) state.token = options.token;
    const store = new LocalStore(state, options.stateDir, clock);
    store.ensureOrgUser();
    store.changed();
    await store.flush();
    return store;
  }

  /** Empties the org (keeping its id and token) and persists the empty state. */
  async reset(): Promise<void> {
    this.state = emptyState({ orgId: this.state.orgId, userId: this.state.userId, token: this.state.token });
    this.pendingEvents.length = 0;
    this.ensureOrgUser();
    this.changed();
    await this.flush();
  }

  now(): Date {
    return this.clock();
  }

  isoNow(): string {
    return this.clock().toISOString();
  }

  newId(): string {
    return objectId(this.clock());
  }

  changed(): void {
    this.persister.markDirty();
  }

  flush(): Promise<void> {
    return this.persister.flush();
  }

  recordRun(run: StoredRun): void {
    this.state.runs.push(run);
    if (this.state.runs.length > MAX_STORED_RUNS) this.state.runs.splice(0, this.state.runs.length - MAX_STORED_RUNS);
    this.changed();
  }

  klassByName(name: string) {
    return this.state.klasses.find((k) => k.attributes.name === name);
  }

  kobjectCount(klassName: string): number {
    return this.state.kobjects.filter((k) => k.klassName === klassName).length;
  }

  // --- customers (RuntimeHost) ---

  findCustomerByExternalId(externalId: string): CustomerRecord | undefined {
    return this.state.customers.find((c) => c.externalId === externalId);
  }

  findCustomerByEmail(email: string): CustomerRecord | undefined {
    const wanted = email.toLowerCase();
    return this.state.customers.find((c) => c.emails.some((e) => e.email.toLowerCase() === wanted));
  }

  findCustomerByPhone(phone: string): CustomerRecord | undefined {
    const wanted = digits(phone);
    return this.state.customers.find((c) => c.phones.some((p) => digits(p.phone) === wanted));
  }

  getCustomer(id: string): CustomerRecord | undefined {
    return this.state.customers.find((c) => c.id === id);
  }

  createCustomer(body: Record<string, unknown>): CustomerRecord {
    const parsed = parseBody(CustomerBodySchema, body);
    const errors = parsed.ok ? [] : parsed.errors;
    if (typeof body.externalId === 'string' && this.findCustomerByExternalId(body.externalId)) {
      errors.push({
        status: 409,
        code: 'conflict',
        title: 'Conflict',
        detail: `a customer with externalId "${body.externalId}" exists`,
      });
    }
    throwIfAny(errors);
    if (!parsed.ok) throw new Error('unreachable: parse errors were thrown');
    const value = parsed.value;
    const now = this.isoNow();
    const record: CustomerRecord = {
      id: this.newId(),
      name: value.name ?? null,
      externalId: value.externalId ?? null,
      emails: value.emails ?? [],
      phones: value.phones ?? [],
      custom: value.custom ?? {},
      tags: value.tags ?? [],
      createdAt: now,
      updatedAt: now,
    };
    this.state.customers.push(record);
    this.changed();
    this.emit('customer', 'create', record);
    return record;
  }

  /** Partial: fields sent replace the stored ones, `custom` merges per attribute. */
  updateCustomer(id: string, body: Record<string, unknown>): CustomerRecord {
    const record = this.getCustomer(id);
    if (!record) throw new HostError(`customer ${id} not found`, 404);
    throwIfAny(customerErrors(body));
    const { id: _id, createdAt: _c, updatedAt: _u, custom, ...rest } = body;
    this.applyUpdate('customer', record, rest, custom);
    return record;
  }

  // --- KObjects (RuntimeHost) ---

  createKObject(klassName: string, body: Record<string, unknown>): KObjectRecord {
    if (!this.klassByName(klassName)) throw new HostError(`Klass "${klassName}" not found`, 404);
    const parsed = parseBody(KObjectCreateBodySchema, body);
    const errors = parsed.ok ? [] : parsed.errors;
    const customer = body.customer;
    if (customer !== undefined && (typeof customer !== 'string' || !this.getCustomer(customer))) {
      errors.push({
        status: 404,
        code: 'not_found',
        title: 'Not found',
        detail: `customer ${String(customer)} not found`,
        source: { pointer: '/customer' },
      });
    }
    throwIfAny(errors);
    if (!parsed.ok) throw new Error('unreachable: parse errors were thrown');
    const value = parsed.value;
    const now = this.isoNow();
    const record: KObjectRecord = {
      id: this.newId(),
      klassName,
      ...(typeof customer === 'string' ? { customer } : {}),
      externalId: value.externalId ?? null,
      title: value.title,
      description: value.description ?? null,
      data: body.data ?? {},
      custom: value.custom ?? {},
      tags: value.tags ?? [],
      createdAt: now,
      updatedAt: now,
    };
    this.state.kobjects.push(record);
    this.changed();
    this.emit({ kobject: klassName }, 'create', record);
    return record;
  }

  updateKObject(klassName: string, id: string, body: Record<string, unknown>): KObjectRecord {
    const record = this.getKObject(klassName, id);
    if (!record) throw new HostError(`KObject ${id} of Klass "${klassName}" not found`, 404);
    throwIfAny(kobjectErrors(body));
    const { id: _id, klassName: _k, createdAt: _c, updatedAt: _u, custom, ...rest } = body;
    this.applyUpdate({ kobject: klassName }, record, rest, custom);
    return record;
  }

  getKObject(klassName: string, id: string): KObjectRecord | undefined {
    return this.state.kobjects.find((k) => k.klassName === klassName && k.id === id);
  }

  findKObjectByExternalId(klassName: string, externalId: string): KObjectRecord | undefined {
    return this.state.kobjects.find((k) => k.klassName === klassName && k.externalId === externalId);
  }
}

/** Refusals in the runtime's vocabulary; the HTTP layer turns them back into `errors` arrays. */
export { StoreValidationError as HostValidationError } from './standard-objects.js';

export function throwIfAny(errors: ApiErrorObject[]): void {
  if (errors.length > 0) throw new StoreValidationError(errors);
}

function digits(phone: string): string {
  return phone.replace(/[^\d]/g, '');
}

function customerErrors(body: Record<string, unknown>): ApiErrorObject[] {
  const parsed = parseBody(CustomerBodySchema, body);
  return parsed.ok ? [] : parsed.errors;
}

function kobjectErrors(body: Record<string, unknown>): ApiErrorObject[] {
  const parsed = parseBody(KObjectUpdateBodySchema, body);
  return parsed.ok ? [] : parsed.errors;
}
