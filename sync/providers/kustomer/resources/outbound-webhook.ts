/**
 * Outbound webhooks: `/v1/outbound-webhooks` (PUT and GET by id inferred). The server's `token` (the
 * signing secret) is never part of the live body, and header values are marked sensitive.
 */
import type { JsonPath } from '../../../../compiler/json.js';
import type { LiveResource } from '../../provider.js';
import type { KustomerClient, KustomerObject } from '../client/index.js';
import { signalOf, toLive, type KindHandler } from './common.js';
import { OutboundWebhookAttributesSchema } from './schemas.js';

type WebhookObject = KustomerObject<{ name: string; enabled?: boolean; headers?: unknown[] }>;

export function liveOutboundWebhook(object: WebhookObject): LiveResource {
  const headers = object.attributes.headers ?? [];
  const sensitive: JsonPath[] = headers.map((_, i) => ['headers', i, 'value']);
  return toLive('kustomer.outbound-webhook', object.attributes.name, object, {
    sensitive,
    facts: { enabled: object.attributes.enabled !== false },
  });
}

export async function listOutboundWebhooks(client: KustomerClient, signal?: AbortSignal): Promise<WebhookObject[]> {
  return client.list('/v1/outbound-webhooks', OutboundWebhookAttributesSchema, signal ? { signal } : {});
}

export const outboundWebhookHandler: KindHandler = {
  kind: 'kustomer.outbound-webhook',
  async create(resource, client, ctx) {
    const lookup = async () =>
      (await listOutboundWebhooks(client, ctx.signal)).find((w) => w.attributes.name === resource.key);
    return liveOutboundWebhook(
      await client.post('/v1/outbound-webhooks', resource.body, OutboundWebhookAttributesSchema, {
        lookup,
        ...signalOf(ctx),
      }),
    );
  },
  async update(resource, live, client, ctx) {
    return liveOutboundWebhook(
      await client.put(
        `/v1/outbound-webhooks/${live.id}`,
        resource.body,
        OutboundWebhookAttributesSchema,
        signalOf(ctx),
      ),
    );
  },
  async remove(live, client, ctx) {
    await client.delete(`/v1/outbound-webhooks/${live.id}`, signalOf(ctx));
  },
};
