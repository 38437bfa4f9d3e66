/** Inbound hooks: the addresses external systems (Regal) post their events to. */
import type { PayloadType } from './payload.js';
import { captureSite, type CallSite } from './site.js';

/** What Kustomer stores at step `1` when a hook receives a post: the body is under `attributes.data`. */
export interface HookTransaction<Payload> {
  id: string;
  type: 'transaction';
  attributes: { createdAt: string; data: Payload };
  relationships: {
    org: { data: { type: 'org'; id: string } };
    hook: { data: { type: string; id: string } };
  };
}

export interface HookInput<Name extends string, Payload> {
  /** System name, starting with the config's namespace. */
  name: Name;
  /** The JSON body senders post, as a TypeScript type: `payloadOf<RegalKustomerEvent>()`. */
  payload?: PayloadType<Payload>;
  description?: string;
  /**
   * Default true: the description ends with ` [managed by kac: <namespace>]`. `false` keeps it exactly
   * as written (what `kac import` writes for a hook kac did not create).
   */
  managedMarker?: boolean;
  /** `web` (Bearer-authenticated JSON posts; the default) or `form`. */
  type?: 'web' | 'form';
  /** Hook keys kac does not model, kept verbatim; `kac import` writes them. */
  raw?: import('../json.js').JsonObject;
  renamedFrom?: string;
}

export interface HookDefinition<Name extends string = string, Payload = unknown> extends HookInput<Name, Payload> {
  readonly type: 'web' | 'form';
  readonly kind: 'hook';
  readonly site: CallSite;
}

/**
 * An inbound web hook. Workflows triggered by it compile to
 * `eventName: "kustomer.hooks.web.<hookId>.receive"`, the id resolved by the sync.
 *
 * @example
 * export default defineHook({
 *   name: 'regal-events',
 *   description: 'Regal posts sms and call events here',
 *   payload: payloadOf<RegalKustomerEvent>(),
 * });
 */
export function defineHook<const Name extends string, Payload = unknown>(
  input: HookInput<Name, Payload>,
): HookDefinition<Name, Payload> {
  return { ...input, type: input.type ?? 'web', kind: 'hook', site: captureSite() };
}
