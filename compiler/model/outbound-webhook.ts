/** Outbound webhooks: Kustomer events posted to another system. */
import type { Secret } from './secret.js';
import { captureSite, type CallSite } from './site.js';

/** The events an outbound webhook can subscribe to (Kustomer Apps Platform docs). */
export const OUTBOUND_WEBHOOK_EVENTS = [
  'kustomer.customer.create',
  'kustomer.customer.update',
  'kustomer.conversation.create',
  'kustomer.conversation.update',
  'kustomer.message.create',
  'kustomer.message.update',
  'kustomer.user.create',
  'kustomer.user.update',
  'kustomer.team.create',
  'kustomer.team.update',
] as const;
export type OutboundWebhookEvent = (typeof OUTBOUND_WEBHOOK_EVENTS)[number];

export interface OutboundWebhookInput<Name extends string> {
  /** Required, at most 255 characters, starting with the config's namespace. */
  name: Name;
  /** https only, at most 255 characters. */
  url: string;
  /** At most 12. */
  events: readonly OutboundWebhookEvent[];
  /** Header values may be secrets: `{ Authorization: secret('ORDERS_TOKEN') }`. */
  headers?: Record<string, string | Secret>;
  enabled?: boolean;
  /** Keys kac does not model, kept verbatim; `kac import` writes them. */
  raw?: import('../json.js').JsonObject;
  renamedFrom?: string;
}

export interface OutboundWebhookDefinition<Name extends string = string> extends OutboundWebhookInput<Name> {
  readonly kind: 'outbound-webhook';
  readonly site: CallSite;
}

/**
 * An outbound webhook: Kustomer posts the chosen events to `url`.
 *
 * @example
 * export default defineOutboundWebhook({
 *   name: 'regal-conversation-sync',
 *   url: 'https://hooks.example.com/kustomer',
 *   events: ['kustomer.conversation.create'],
 *   headers: { Authorization: secret('SYNC_TOKEN') },
 * });
 */
export function defineOutboundWebhook<const Name extends string>(
  input: OutboundWebhookInput<Name>,
): OutboundWebhookDefinition<Name> {
  return { ...input, kind: 'outbound-webhook', site: captureSite() };
}
