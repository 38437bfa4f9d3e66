/**
 * Test double of the local org's store: an in-memory RuntimeHost with deterministic ids and clock.
 * It refuses what the store refuses in these tests (unknown Klass, unknown customer or KObject) with a
 * HostError, and records every call so tests can assert what the runtime asked for.
 */
import {
  HostError,
  type CustomerRecord,
  type KObjectRecord,
  type RuntimeHost,
} from '../../../../sync/local-org/runtime/host.js';

export interface MemoryHost extends RuntimeHost {
  customers: CustomerRecord[];
  kobjects: KObjectRecord[];
  calls: { method: string; args: unknown[] }[];
}

export function memoryHost(
  options: { klasses?: string[]; customers?: Partial<CustomerRecord>[]; now?: string } = {},
): MemoryHost {
  let counter = 0;
  const clock = new Date(options.now ?? '2024-05-01T12:00:00.000Z');
  const newId = () => (++counter).toString(16).padStart(24, '0');
  const klasses = new Set(options.klasses ?? []);
  const stamp = () => clock.toISOString();

  const toCustomer = (body: Record<string, unknown>, id = newId()): CustomerRecord => ({
    id,
    name: (body.name as string | undefined) ?? null,
    externalId: (body.externalId as string | undefined) ?? null,
    emails: (body.emails as CustomerRecord['emails'] | undefined) ?? [],
    phones: (body.phones as CustomerRecord['phones'] | undefined) ?? [],
    custom: (body.custom as Record<string, unknown> | undefined) ?? {},
    tags: (body.tags as string[] | undefined) ?? [],
    createdAt: stamp(),
    updatedAt: stamp(),
  });

  const host: MemoryHost = {
    customers: (options.customers ?? []).map((c) => toCustomer(c, c.id)),
    kobjects: [],
    calls: [],
    findCustomerByExternalId(externalId) {
      host.calls.push({ method: 'findCustomerByExternalId', args: [externalId] });
      return host.customers.find((c) => c.externalId === externalId);
    },
    findCustomerByEmail(email) {
      host.calls.push({ method: 'findCustomerByEmail', args: [email] });
      return host.customers.find((c) => c.emails.some((e) => e.email === email));
    },
    findCustomerByPhone(phone) {
      host.calls.push({ method: 'findCustomerByPhone', args: [phone] });
      return host.customers.find((c) => c.phones.some((p) => p.phone === phone));
    },
    getCustomer(id) {
      return host.customers.find((c) => c.id === id);
    },
    createCustomer(body) {
      host.calls.push({ method: 'createCustomer', args: [body] });
      const customer = toCustomer(body);
      host.customers.push(customer);
      return customer;
    },
    updateCustomer(id, body) {
      host.calls.push({ method: 'updateCustomer', args: [id, body] });
      const customer = host.getCustomer(id);
      if (!customer) throw new HostError(`customer ${id} not found`, 404);
      const { custom, ...rest } = body;
      Object.assign(customer, rest, {
        custom: { ...customer.custom, ...(custom as object | undefined) },
        updatedAt: stamp(),
      });
      return customer;
    },
    createKObject(klassName, body) {
      host.calls.push({ method: 'createKObject', args: [klassName, body] });
      if (!klasses.has(klassName)) throw new HostError(`Klass ${klassName} does not exist`, 404);
      const kobject: KObjectRecord = {
        id: newId(),
        klassName,
        ...(body.customer === undefined ? {} : { customer: body.customer as string }),
        externalId: (body.externalId as string | undefined) ?? null,
        title: body.title as string,
        description: (body.description as string | undefined) ?? null,
        data: body.data ?? {},
        custom: (body.custom as Record<string, unknown> | undefined) ?? {},
        tags: (body.tags as string[] | undefined) ?? [],
        createdAt: stamp(),
        updatedAt: stamp(),
      };
      host.kobjects.push(kobject);
      return kobject;
    },
    updateKObject(klassName, id, body) {
      host.calls.push({ method: 'updateKObject', args: [klassName, id, body] });
      const kobject = host.getKObject(klassName, id);
      if (!kobject) throw new HostError(`${klassName} ${id} not found`, 404);
      const { custom, ...rest } = body;
      Object.assign(kobject, rest, {
        custom: { ...kobject.custom, ...(custom as object | undefined) },
        updatedAt: stamp(),
      });
      return kobject;
    },
    getKObject(klassName, id) {
      return host.kobjects.find((k) => k.klassName === klassName && k.id === id);
    },
    findKObjectByExternalId(klassName, externalId) {
      return host.kobjects.find((k) => k.klassName === klassName && k.externalId === externalId);
    },
    // Conversations, notes and users are tested against the real store (test/sync/local-org/engine).
    createConversation: () => unsupported('createConversation'),
    updateConversation: () => unsupported('updateConversation'),
    getConversation: () => undefined,
    createNote: () => unsupported('createNote'),
    getUser: () => undefined,
    now: () => clock,
  };
  return host;
}

function unsupported(method: string): never {
  throw new HostError(`memoryHost: ${method} is not part of this test double`, 500);
}

/** A hook transaction as Kustomer outputs it for step 1: the posted body under `attributes.data`. */
export function hookTransaction(data: Record<string, unknown>): Record<string, any> {
  return {
    id: 'a5c3694a5d1ab8ffee5b2b0e',
    type: 'transaction',
    attributes: { createdAt: '2024-05-01T12:00:00.000Z', data },
    relationships: { hook: { data: { type: 'web_hook', id: '5a345109e578360010eaa1ad' } } },
  };
}
