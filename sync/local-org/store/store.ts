/**
 * The local org's store: the state in memory, its persistence, and the customer and KObject records
 * the workflow runtime reads and writes (it implements RuntimeHost). Routes change state through it
 * and call `changed()`; the server flushes before answering.
 */
import type { JsonObject } from '../../../compiler/json.js';
import { HostError, type CustomerRecord, type KObjectRecord, type RuntimeHost } from '../runtime/host.js';
import { objectId, randomToken } from './ids.js';
import { emptyState, loadState, MAX_STORED_RUNS, removeState, StatePersister, type OrgState, type StoredRun } from './state.js';
import { validateCustomValues } from './validate.js';
import type { ApiErrorObject } from '../inferred-api.js';

export class LocalStore implements RuntimeHost {
  private persister: StatePersister;

  private constructor(
    public state: OrgState,
    private readonly stateDir: string | null,
    private readonly clock: () => Date,
  ) {
    this.persister = new StatePersister(stateDir, () => this.state);
  }

  /** Loads `<stateDir>/org.json` (or starts empty); `stateDir: null` keeps everything in memory. */
  static async open(options: { stateDir: string | null; token?: string; now?: () => Date; reset?: boolean }): Promise<LocalStore> {
    const clock = options.now ?? (() => new Date());
    if (options.reset && options.stateDir !== null) await removeState(options.stateDir);
    const saved = options.stateDir === null ? undefined : await loadState(options.stateDir);
    const state = saved ?? emptyState({ orgId: objectId(clock()), userId: objectId(clock()), token: options.token ?? randomToken() });
    if (options.token !== undefined) state.token = options.token;
    const store = new LocalStore(state, options.stateDir, clock);
    store.changed();
    await store.flush();
    return store;
  }

  /** Empties the org (keeping its id and token) and persists the empty state. */
  async reset(): Promise<void> {
    this.state = emptyState({ orgId: this.state.orgId, userId: this.state.userId, token: this.state.token });
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
    const errors = customerErrors(body);
    if (typeof body.externalId === 'string' && this.findCustomerByExternalId(body.externalId)) {
      errors.push({ status: 409, code: 'conflict', title: 'Conflict', detail: `a customer with externalId "${body.externalId}" exists` });
    }
    throwIfAny(errors);
    const now = this.isoNow();
    const record: CustomerRecord = {
      id: this.newId(),
      name: (body.name as string | undefined) ?? null,
      externalId: (body.externalId as string | undefined) ?? null,
      emails: (body.emails as CustomerRecord['emails'] | undefined) ?? [],
      phones: (body.phones as CustomerRecord['phones'] | undefined) ?? [],
      custom: (body.custom as Record<string, unknown> | undefined) ?? {},
      tags: (body.tags as string[] | undefined) ?? [],
      createdAt: now,
      updatedAt: now,
    };
    this.state.customers.push(record);
    this.changed();
    return record;
  }

  updateCustomer(id: string, body: Record<string, unknown>): CustomerRecord {
    const record = this.getCustomer(id);
    if (!record) throw new HostError(`customer ${id} not found`, 404);
    throwIfAny(customerErrors(body));
    const { id: _id, createdAt: _c, updatedAt: _u, custom, ...rest } = body;
    Object.assign(record, rest);
    if (custom !== undefined) record.custom = { ...record.custom, ...(custom as Record<string, unknown>) };
    record.updatedAt = this.isoNow();
    this.changed();
    return record;
  }

  // --- KObjects (RuntimeHost) ---

  createKObject(klassName: string, body: Record<string, unknown>): KObjectRecord {
    if (!this.klassByName(klassName)) throw new HostError(`Klass "${klassName}" not found`, 404);
    const errors = kobjectErrors(body, true);
    const customer = body.customer;
    if (customer !== undefined && (typeof customer !== 'string' || !this.getCustomer(customer))) {
      errors.push({ status: 404, code: 'not_found', title: 'Not found', detail: `customer ${String(customer)} not found`, source: { pointer: '/customer' } });
    }
    throwIfAny(errors);
    const now = this.isoNow();
    const record: KObjectRecord = {
      id: this.newId(),
      klassName,
      ...(typeof customer === 'string' ? { customer } : {}),
      externalId: (body.externalId as string | undefined) ?? null,
      title: body.title as string,
      description: (body.description as string | undefined) ?? null,
      data: body.data ?? {},
      custom: (body.custom as Record<string, unknown> | undefined) ?? {},
      tags: (body.tags as string[] | undefined) ?? [],
      createdAt: now,
      updatedAt: now,
    };
    this.state.kobjects.push(record);
    this.changed();
    return record;
  }

  updateKObject(klassName: string, id: string, body: Record<string, unknown>): KObjectRecord {
    const record = this.getKObject(klassName, id);
    if (!record) throw new HostError(`KObject ${id} of Klass "${klassName}" not found`, 404);
    throwIfAny(kobjectErrors(body, false));
    const { id: _id, klassName: _k, createdAt: _c, updatedAt: _u, custom, ...rest } = body;
    Object.assign(record, rest);
    if (custom !== undefined) record.custom = { ...record.custom, ...(custom as Record<string, unknown>) };
    record.updatedAt = this.isoNow();
    this.changed();
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
export class HostValidationError extends HostError {
  constructor(readonly errors: ApiErrorObject[]) {
    super(errors.map((e) => e.detail ?? e.title).join('; '), errors[0]?.status ?? 400);
  }
}

function throwIfAny(errors: ApiErrorObject[]): void {
  if (errors.length > 0) throw new HostValidationError(errors);
}

function digits(phone: string): string {
  return phone.replace(/[^\d]/g, '');
}

function bad(pointer: string, detail: string): ApiErrorObject {
  return { status: 400, code: 'invalid', title: 'Invalid request', detail, source: { pointer } };
}

function customerErrors(body: Record<string, unknown>): ApiErrorObject[] {
  const errors: ApiErrorObject[] = [];
  for (const field of ['name', 'externalId'] as const) {
    if (body[field] !== undefined && body[field] !== null && typeof body[field] !== 'string') errors.push(bad(`/${field}`, `${field} must be a string`));
  }
  for (const [field, key] of [['emails', 'email'], ['phones', 'phone']] as const) {
    const list = body[field];
    if (list !== undefined && !(Array.isArray(list) && list.every((e) => typeof e === 'object' && e !== null && typeof (e as JsonObject)[key] === 'string'))) {
      errors.push(bad(`/${field}`, `${field} must be a list of { ${key} } objects`));
    }
  }
  errors.push(...validateCustomValues(body.custom));
  return errors;
}

function kobjectErrors(body: Record<string, unknown>, create: boolean): ApiErrorObject[] {
  const errors: ApiErrorObject[] = [];
  if (create || body.title !== undefined) {
    if (typeof body.title !== 'string' || body.title === '') errors.push(bad('/title', 'title is required and must be a non-empty string'));
  }
  for (const field of ['externalId', 'description'] as const) {
    if (body[field] !== undefined && body[field] !== null && typeof body[field] !== 'string') errors.push(bad(`/${field}`, `${field} must be a string`));
  }
  if (body.tags !== undefined && !(Array.isArray(body.tags) && body.tags.every((t) => typeof t === 'string'))) errors.push(bad('/tags', 'tags must be a list of strings'));
  errors.push(...validateCustomValues(body.custom));
  return errors;
}
