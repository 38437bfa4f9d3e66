/**
 * Klasses: listed from `/v1/klasses` (enabled and disabled), created with POST (looked up by name
 * before any retry), updated with PUT without `name` (immutable), removed with DELETE, which Kustomer
 * refuses while the Klass has KObjects.
 */
import { z } from 'zod';
import type { LiveResource } from '../../provider.js';
import type { KustomerClient, KustomerObject } from '../client/index.js';
import { signalOf, toLive, without, type KindHandler } from './common.js';
import { KlassAttributesSchema } from './schemas.js';

type KlassObject = KustomerObject<{ name: string }>;

export function liveKlass(object: KlassObject): LiveResource {
  return toLive('kustomer.klass', object.attributes.name, object);
}

/** `GET /v1/klasses` lists enabled Klasses by default; disabled ones still own their name. */
export async function listKlasses(client: KustomerClient, signal?: AbortSignal): Promise<KlassObject[]> {
  const o = signal ? { signal } : {};
  const [enabled, disabled] = await Promise.all([
    client.list('/v1/klasses', KlassAttributesSchema, o),
    client.list('/v1/klasses?status=disabled', KlassAttributesSchema, o),
  ]);
  const seen = new Set(enabled.map((k) => k.id));
  return [...enabled, ...disabled.filter((k) => !seen.has(k.id))];
}

const KObjectPageSchema = z.looseObject({
  data: z.array(z.unknown()),
  meta: z.looseObject({ total: z.number().optional() }).optional(),
});

/**
 * How many KObjects a Klass has (at least: one page of one). `GET /v1/klasses/{name}` with a Klass
 * NAME lists its KObjects; Kustomer refuses to delete a Klass while any exist.
 */
export async function countKObjects(client: KustomerClient, klassName: string, signal?: AbortSignal): Promise<number> {
  const page = await client.request('GET', `/v1/klasses/${encodeURIComponent(klassName)}?page=1&pageSize=1`, {
    schema: KObjectPageSchema,
    ...(signal ? { signal } : {}),
  });
  return page.meta?.total ?? page.data.length;
}

export const klassHandler: KindHandler = {
  kind: 'kustomer.klass',
  async create(resource, client, ctx) {
    const lookup = async () => (await listKlasses(client, ctx.signal)).find((k) => k.attributes.name === resource.key);
    return liveKlass(
      await client.post('/v1/klasses', resource.body, KlassAttributesSchema, { lookup, ...signalOf(ctx) }),
    );
  },
  async update(resource, live, client, ctx) {
    return liveKlass(
      await client.put(`/v1/klasses/${live.id}`, without(resource.body, 'name'), KlassAttributesSchema, signalOf(ctx)),
    );
  },
  async remove(live, client, ctx) {
    await client.delete(`/v1/klasses/${live.id}`, signalOf(ctx));
  },
};
