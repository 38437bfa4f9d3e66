/**
 * A customer's timeline: the customer found by id, external id, email or phone, and their KObjects
 * (cards) of every Klass, oldest first. Reads through the Kustomer client only (the lookup paths are
 * the inferred ones the local org serves: sync/local-org/inferred-api.ts), so it works against the
 * local org and a real one alike.
 */
import { z } from 'zod';
import type { KustomerClient } from '../providers/kustomer/client/index.js';

export interface CustomerSummary {
  id: string;
  name: string | null;
  externalId: string | null;
  emails: string[];
  phones: string[];
  createdAt?: string;
}

export interface KlassStyle {
  name: string;
  displayName?: string;
  icon?: string;
  color?: string;
}

export interface TimelineCard {
  id: string;
  klass: KlassStyle;
  title: string;
  externalId: string | null;
  description: string | null;
  createdAt: string;
  custom: Record<string, unknown>;
}

export type MatchedBy = 'id' | 'externalId' | 'email' | 'phone';

const CustomerSchema = z.looseObject({
  name: z.string().nullish(),
  externalId: z.string().nullish(),
  emails: z.array(z.looseObject({ email: z.string() })).optional(),
  phones: z.array(z.looseObject({ phone: z.string() })).optional(),
  createdAt: z.string().optional(),
});
const KlassSchema = z.looseObject({
  name: z.string(),
  displayName: z.string().optional(),
  icon: z.string().optional(),
  color: z.string().optional(),
});
const KObjectSchema = z.looseObject({
  title: z.string().nullish(),
  externalId: z.string().nullish(),
  description: z.string().nullish(),
  createdAt: z.string().optional(),
  custom: z.record(z.string(), z.unknown()).optional(),
});

type CustomerObject = { id: string; attributes: z.output<typeof CustomerSchema> };

export function toCustomerSummary(c: CustomerObject): CustomerSummary {
  const a = c.attributes;
  return {
    id: c.id,
    name: a.name ?? null,
    externalId: a.externalId ?? null,
    emails: (a.emails ?? []).map((e) => e.email),
    phones: (a.phones ?? []).map((p) => p.phone),
    ...(a.createdAt ? { createdAt: a.createdAt } : {}),
  };
}

/** The ways a query is tried, in order: an ObjectId, then external id, email (with @), phone (with digits). */
export function lookupOrder(query: string): MatchedBy[] {
  const order: MatchedBy[] = [];
  if (/^[0-9a-f]{24}$/.test(query)) order.push('id');
  order.push('externalId');
  if (query.includes('@')) order.push('email');
  if (/\d{4,}/.test(query.replace(/[^\d]/g, '')) && /^[+\d\s().-]+$/.test(query)) order.push('phone');
  return order;
}

const LOOKUP_PATH: Record<MatchedBy, (q: string) => string> = {
  id: (q) => `/v1/customers/${q}`,
  externalId: (q) => `/v1/customers/externalId=${encodeURIComponent(q)}`,
  email: (q) => `/v1/customers/email=${encodeURIComponent(q)}`,
  phone: (q) => `/v1/customers/phone=${encodeURIComponent(q)}`,
};

function isNotFound(error: unknown): boolean {
  return (error as { details?: { status?: number } } | undefined)?.details?.status === 404;
}

/** The first customer the query names, and how it matched; undefined when none does. */
export async function findCustomer(
  client: KustomerClient,
  query: string,
): Promise<{ customer: CustomerSummary; matchedBy: MatchedBy } | undefined> {
  for (const how of lookupOrder(query.trim())) {
    try {
      const found = await client.get(LOOKUP_PATH[how](query.trim()), CustomerSchema);
      return { customer: toCustomerSummary(found), matchedBy: how };
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
  return undefined;
}

export async function readKlasses(client: KustomerClient): Promise<KlassStyle[]> {
  const klasses = await client.list('/v1/klasses', KlassSchema);
  return klasses.map(({ attributes: k }) => ({
    name: k.name,
    ...(k.displayName ? { displayName: k.displayName } : {}),
    ...(k.icon ? { icon: k.icon } : {}),
    ...(k.color ? { color: k.color } : {}),
  }));
}

/** Every KObject of the customer, of every Klass, oldest first (ties by id, so the order is stable). */
export async function readTimeline(
  client: KustomerClient,
  customerId: string,
  klasses?: KlassStyle[],
): Promise<TimelineCard[]> {
  const all = klasses ?? (await readKlasses(client));
  const perKlass = await Promise.all(
    all.map(async (klass) =>
      (await client.list(`/v1/customers/${customerId}/klasses/${encodeURIComponent(klass.name)}`, KObjectSchema)).map(
        (k): TimelineCard => ({
          id: k.id,
          klass,
          title: k.attributes.title ?? '(untitled)',
          externalId: k.attributes.externalId ?? null,
          description: k.attributes.description ?? null,
          createdAt: k.attributes.createdAt ?? '',
          custom: k.attributes.custom ?? {},
        }),
      ),
    ),
  );
  return perKlass
    .flat()
    .sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1));
}

/**
 * Customers who have KObjects, newest card first: read by listing each Klass's KObjects. Meant for
 * the local org (small); a real org's lists can be long, so callers there use `findCustomer`.
 */
export async function customersWithCards(client: KustomerClient, klasses?: KlassStyle[]): Promise<CustomerSummary[]> {
  const all = klasses ?? (await readKlasses(client));
  const latest = new Map<string, string>();
  for (const klass of all) {
    const list = await client.list(`/v1/klasses/${encodeURIComponent(klass.name)}`, KObjectSchema);
    for (const k of list) {
      const customer = customerOf(k);
      const at = k.attributes.createdAt ?? '';
      if (customer && (latest.get(customer) ?? '') <= at) latest.set(customer, at);
    }
  }
  const ids = [...latest.entries()]
    .sort((a, b) => (a[1] === b[1] ? (a[0] < b[0] ? 1 : -1) : a[1] < b[1] ? 1 : -1))
    .map(([id]) => id);
  const found = await Promise.all(
    ids.map((id) => client.get(`/v1/customers/${id}`, CustomerSchema).then(toCustomerSummary, () => undefined)),
  );
  return found.filter((c): c is CustomerSummary => c !== undefined);
}

function customerOf(k: { relationships?: Record<string, unknown> }): string | undefined {
  const id = (k.relationships?.customer as { data?: { id?: unknown } } | undefined)?.data?.id;
  return typeof id === 'string' ? id : undefined;
}

/** Whether a customer matches free text: name, email, phone, external id or id, case-insensitive. */
export function customerMatches(c: CustomerSummary, text: string): boolean {
  const q = text.trim().toLowerCase();
  if (q === '') return true;
  const digits = q.replace(/[^\d]/g, '');
  return (
    [c.id, c.name ?? '', c.externalId ?? '', ...c.emails].some((v) => v.toLowerCase().includes(q)) ||
    (digits.length >= 3 && c.phones.some((p) => p.replace(/[^\d]/g, '').includes(digits)))
  );
}

const MAX_VALUE = 120;

function shortValue(v: unknown): string {
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

export function describeCustomer(c: CustomerSummary): string {
  const ids = [c.externalId ? `externalId ${c.externalId}` : '', ...c.emails, ...c.phones].filter(Boolean);
  return `${c.name ?? '(no name)'}${ids.length ? `  ${ids.join(', ')}` : ''}  (customer ${c.id})`;
}

/** Text for terminals: the customer, then one block per card, oldest first, with its attributes. */
export function renderTimeline(customer: CustomerSummary, cards: readonly TimelineCard[]): string {
  const lines = [describeCustomer(customer)];
  if (cards.length === 0) lines.push('  (no KObjects on this timeline)');
  for (const card of cards) {
    const when = card.createdAt.slice(0, 19).replace('T', ' ');
    lines.push('', `  ${when}  ${card.klass.displayName ?? card.klass.name}: ${card.title}`);
    if (card.externalId) lines.push(`    externalId: ${card.externalId}`);
    if (card.description) lines.push(`    description: ${shortValue(card.description)}`);
    for (const key of Object.keys(card.custom).sort()) lines.push(`    ${key}: ${shortValue(card.custom[key])}`);
  }
  return lines.join('\n');
}
