/**
 * A provider is everything the sync engine knows about one external system. Plan reads through
 * `fetchLive`; apply writes through `create`/`update`/`remove`, one change at a time.
 */
import type { Resource, ResourceKind } from '../../compiler/resource.js';
import type { Logger } from '../logger.js';

/** A live object, in the same vocabulary as desired resources. */
export interface LiveResource extends Resource {
  /** The system's id for the object (ObjectId for Kustomer). */
  id: string;
  /**
   * Values other resources may reference, e.g. a hook's `{ id, url, eventName }`. A desired body's
   * `<ref:kustomer.hook:regal-events:id>` resolves against the hook's `outputs.id`.
   */
  outputs: Record<string, string>;
  /**
   * Identifies this exact revision of the object (rev/updatedAt, or a hash of the raw body). A saved
   * plan records it; apply re-reads and refuses when it differs.
   */
  fingerprint: string;
  /** Server-side facts that matter for safety, e.g. `{ kobjectCount: 3 }` or `{ enabled: false }`. */
  facts?: Record<string, string | number | boolean>;
}

export interface ProviderContext {
  logger: Logger;
  signal?: AbortSignal;
}

/** A read-only check's result, e.g. "journey 'Create contact' is disabled". */
export interface Finding {
  severity: 'error' | 'warning' | 'info';
  resource: { kind: ResourceKind; key: string };
  message: string;
}

export interface Provider {
  readonly system: 'kustomer' | 'iterable';
  readonly kinds: readonly ResourceKind[];
  /**
   * True when the system has no API to write these resources (Iterable journey webhooks): plan shows
   * `manual` changes with paste-ready instructions and apply never calls create/update/remove.
   */
  readonly manual?: boolean;
  /** Read-only checks against the live system for the desired resources (journeys exist, enabled ...). */
  inspect?(desired: readonly Resource[], ctx: ProviderContext): Promise<Finding[]>;
  /** Every live object of the provider's kinds, normalised (server-populated fields dropped, one list per kind). */
  fetchLive(ctx: ProviderContext): Promise<LiveResource[]>;
  /**
   * Every live object of one kind (one list read): apply re-reads a kind's names before creating, so an
   * object another run created meanwhile is adopted, not duplicated. Undefined: the kind has no list.
   */
  listKind?(kind: ResourceKind, ctx: ProviderContext): Promise<LiveResource[] | undefined>;
  /** `body` has every ref and secret placeholder already resolved. */
  create(resource: Resource, ctx: ProviderContext): Promise<LiveResource>;
  update(resource: Resource, live: LiveResource, ctx: ProviderContext): Promise<LiveResource>;
  /** Removal; for workflows this means disabling (Kustomer has no workflow delete). */
  remove(live: LiveResource, ctx: ProviderContext): Promise<void>;
  /**
   * Facts needed only before removing an object, e.g. a Klass's KObject count. Asked for removal
   * candidates only, so an ordinary plan stays at the minimum number of requests.
   */
  removalFacts?(live: LiveResource, ctx: ProviderContext): Promise<Record<string, string | number | boolean>>;
}
