/**
 * What every Kustomer resource kind implements for the provider, and the helpers that turn a live
 * Kustomer object into a LiveResource (normalised body, outputs, fingerprint).
 */
import { createHash } from 'node:crypto';
import { canonicalJson, type JsonObject, type JsonPath } from '../../../../compiler/json.js';
import type { Resource, ResourceKind } from '../../../../compiler/resource.js';
import type { LiveResource, ProviderContext } from '../../provider.js';
import type { KustomerClient, KustomerObject } from '../client/index.js';
import { normalizeKustomerBody } from './normalize.js';

export interface KindHandler {
  readonly kind: ResourceKind;
  create(resource: Resource, client: KustomerClient, ctx: ProviderContext): Promise<LiveResource>;
  update(resource: Resource, live: LiveResource, client: KustomerClient, ctx: ProviderContext): Promise<LiveResource>;
  remove(live: LiveResource, client: KustomerClient, ctx: ProviderContext): Promise<void>;
}

/**
 * Identifies one revision: the workflow `rev` when there is one, else `updatedAt`, else a hash of the
 * whole attributes. Prefixed with the id, so a deleted-and-recreated object never matches.
 */
export function fingerprintOf(id: string, attributes: JsonObject): string {
  if (typeof attributes.rev === 'number') return `${id}@rev:${attributes.rev}`;
  if (typeof attributes.updatedAt === 'string') return `${id}@${attributes.updatedAt}`;
  return `${id}@sha256:${createHash('sha256').update(canonicalJson(attributes, 0)).digest('hex').slice(0, 16)}`;
}

export function toLive(
  kind: ResourceKind,
  key: string,
  object: KustomerObject<unknown>,
  extra: {
    body?: JsonObject;
    outputs?: Record<string, string>;
    facts?: Record<string, string | number | boolean>;
    sensitive?: JsonPath[];
    id?: string;
  } = {},
): LiveResource {
  const attributes = object.attributes as JsonObject;
  return {
    kind,
    key,
    id: extra.id ?? object.id,
    body: normalizeKustomerBody(kind, { ...attributes, ...extra.body }),
    dependsOn: [],
    sensitive: extra.sensitive ?? [],
    outputs: extra.outputs ?? { id: extra.id ?? object.id },
    fingerprint: fingerprintOf(extra.id ?? object.id, attributes),
    ...(extra.facts ? { facts: extra.facts } : {}),
  };
}

/** Without the given top-level keys (e.g. `name` on a Klass update: names are immutable). */
export function without(body: JsonObject, ...keys: string[]): JsonObject {
  return Object.fromEntries(Object.entries(body).filter(([k]) => !keys.includes(k))) as JsonObject;
}

/** `request` options carrying the context's abort signal, when it has one. */
export function signalOf(ctx: ProviderContext): { signal?: AbortSignal } {
  return ctx.signal ? { signal: ctx.signal } : {};
}
