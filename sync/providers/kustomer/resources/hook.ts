/**
 * Inbound hooks: `/v1/hooks/web` and `/v1/hooks/form` (the body's `type` picks the path and is not
 * sent). Listing, update and delete paths are inferred (local/inferred.ts). Outputs `{ id, url,
 * eventName }`: workflows triggered by the hook reference its id.
 */
import type { JsonObject } from '../../../../compiler/json.js';
import type { LiveResource } from '../../provider.js';
import type { KustomerClient, KustomerObject } from '../client/index.js';
import { signalOf, toLive, without, type KindHandler } from './common.js';
import { HookAttributesSchema } from './schemas.js';

type HookType = 'web' | 'form';
type HookObject = KustomerObject<{ name: string; eventName: string; url?: string }>;

export function liveHook(type: HookType, object: HookObject): LiveResource {
  const { url, eventName } = object.attributes;
  return toLive('kustomer.hook', object.attributes.name, object, {
    body: { type },
    outputs: { id: object.id, eventName, ...(url !== undefined ? { url } : {}) },
  });
}

export function hookTypeOf(body: JsonObject): HookType {
  return body.type === 'form' ? 'form' : 'web';
}

export async function listHooks(client: KustomerClient, type: HookType, signal?: AbortSignal): Promise<HookObject[]> {
  return client.list(`/v1/hooks/${type}`, HookAttributesSchema, signal ? { signal } : {});
}

export const hookHandler: KindHandler = {
  kind: 'kustomer.hook',
  async create(resource, client, ctx) {
    const type = hookTypeOf(resource.body);
    const lookup = async () =>
      (await listHooks(client, type, ctx.signal)).find((h) => h.attributes.name === resource.key);
    return liveHook(
      type,
      await client.post(`/v1/hooks/${type}`, without(resource.body, 'type'), HookAttributesSchema, {
        lookup,
        ...signalOf(ctx),
      }),
    );
  },
  async update(resource, live, client, ctx) {
    const type = hookTypeOf(live.body);
    return liveHook(
      type,
      await client.put(
        `/v1/hooks/${type}/${live.id}`,
        without(resource.body, 'type'),
        HookAttributesSchema,
        signalOf(ctx),
      ),
    );
  },
  async remove(live, client, ctx) {
    await client.delete(`/v1/hooks/${hookTypeOf(live.body)}/${live.id}`, signalOf(ctx));
  },
};
