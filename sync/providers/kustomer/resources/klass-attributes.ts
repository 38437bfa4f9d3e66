/**
 * A Klass's custom attributes: `GET/PUT /v1/metadata/kobject.<klassName>`. PUT merges per attribute
 * and is idempotent, so create and update are the same call. Kustomer has no attribute delete: remove
 * changes nothing and says so.
 */
import type { JsonObject } from '../../../../compiler/json.js';
import type { LiveResource } from '../../provider.js';
import type { KustomerClient, KustomerObject } from '../client/index.js';
import { toLive, type KindHandler } from './common.js';
import { MetadataAttributesSchema } from './schemas.js';

type MetadataObject = KustomerObject<{ properties?: Record<string, unknown> }>;

export function metadataPath(klassName: string): string {
  return `/v1/metadata/kobject.${encodeURIComponent(klassName)}`;
}

/** The id is the metadata resource's own (`kobject.<name>`); the body is `{ properties }` only. */
export function liveKlassAttributes(klassName: string, object: MetadataObject): LiveResource {
  const properties = (object.attributes.properties ?? {}) as JsonObject;
  const live = toLive('kustomer.klass-attributes', klassName, {
    ...object,
    attributes: { ...object.attributes, properties },
  });
  return {
    ...live,
    body: { properties: live.body.properties ?? {} },
    dependsOn: [{ kind: 'kustomer.klass', key: klassName }],
  };
}

export async function getKlassAttributes(
  client: KustomerClient,
  klassName: string,
  signal?: AbortSignal,
): Promise<LiveResource> {
  return liveKlassAttributes(
    klassName,
    await client.get(metadataPath(klassName), MetadataAttributesSchema, signal ? { signal } : {}),
  );
}

async function put(
  client: KustomerClient,
  klassName: string,
  body: JsonObject,
  signal?: AbortSignal,
): Promise<LiveResource> {
  return liveKlassAttributes(
    klassName,
    await client.put(metadataPath(klassName), body, MetadataAttributesSchema, signal ? { signal } : {}),
  );
}

export const klassAttributesHandler: KindHandler = {
  kind: 'kustomer.klass-attributes',
  create: (resource, client, ctx) => put(client, resource.key, resource.body, ctx.signal),
  update: (resource, _live, client, ctx) => put(client, resource.key, resource.body, ctx.signal),
  async remove(live, _client, ctx) {
    ctx.logger.warn(`Kustomer has no attribute delete: the attributes of Klass "${live.key}" stay as they are`);
  },
};
