/**
 * kac's attributes on a standard object: `GET/PUT /v1/metadata/<object>` (customer, conversation …).
 * Other integrations and admins keep their attributes in the same metadata, so:
 * - the live body holds only the attributes kac owns (`ownsAttribute`: the namespace's prefix), and
 *   its fingerprint covers only them: an attribute someone else adds is neither drift nor staleness;
 * - a write re-reads the metadata and PUTs every attribute it does not own back exactly as read,
 *   with kac's own merged over the live ones. Whether Kustomer's PUT merges per attribute or
 *   replaces the map is not confirmed (docs/reference/kustomer-api.md §"Metadata property shape"):
 *   sending the whole map is right under both, where sending only kac's would wipe the others under
 *   a replacing PUT.
 * Kustomer has no attribute delete: an owned attribute removed from git stays (plan says so).
 */
import { createHash } from 'node:crypto';
import { canonicalJson, isJsonObject, type JsonObject } from '../../../../compiler/json.js';
import { ownsAttribute } from '../../../../compiler/model/standard-attributes.js';
import type { LiveResource } from '../../provider.js';
import type { KustomerClient, KustomerObject } from '../client/index.js';
import { ApiError } from '../../../errors.js';
import type { KindHandler } from './common.js';
import { normalizeKustomerBody } from './normalize.js';
import { MetadataAttributesSchema } from './schemas.js';

type MetadataObject = KustomerObject<{ properties?: Record<string, unknown> }>;

const isNotFound = (error: unknown) => error instanceof ApiError && error.details.status === 404;

/** The top-level keys `PUT /v1/metadata/<resource>` takes besides `properties` (docs: metadata PUT body). */
const OTHER_PUT_KEYS = ['standardProperties', 'relationships', 'validations'];

export function standardMetadataPath(object: string): string {
  return `/v1/metadata/${encodeURIComponent(object)}`;
}

function propertiesOf(object: MetadataObject): JsonObject {
  const props = (object.attributes as JsonObject).properties;
  return isJsonObject(props) ? props : {};
}

/** Only kac's attributes, normalised; fingerprinted by them alone. */
export function liveStandardAttributes(object: string, metadata: MetadataObject, namespace: string): LiveResource {
  const all = propertiesOf(metadata);
  const owned: JsonObject = {};
  for (const name of Object.keys(all).sort()) if (ownsAttribute(name, namespace)) owned[name] = all[name]!;
  const body = normalizeKustomerBody('kustomer.standard-attributes', { properties: owned });
  const id = metadata.id || object;
  return {
    kind: 'kustomer.standard-attributes',
    key: object,
    id,
    body,
    dependsOn: [],
    sensitive: [],
    outputs: { id },
    fingerprint: `${id}@sha256:${createHash('sha256').update(canonicalJson(owned, 0)).digest('hex').slice(0, 16)}`,
    facts: { otherAttributes: Object.keys(all).length - Object.keys(owned).length },
  };
}

async function getMetadata(client: KustomerClient, object: string, signal?: AbortSignal): Promise<MetadataObject> {
  return client.get(standardMetadataPath(object), MetadataAttributesSchema, signal ? { signal } : {});
}

export async function getStandardAttributes(
  client: KustomerClient,
  object: string,
  namespace: string,
  signal?: AbortSignal,
): Promise<LiveResource | undefined> {
  try {
    return liveStandardAttributes(object, await getMetadata(client, object, signal), namespace);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/**
 * The PUT body: the live metadata's attributes exactly as read, kac's desired attributes merged over
 * their live versions (a key git does not model stays), and the other PUT keys as read.
 */
export function mergedMetadataBody(live: JsonObject, desired: JsonObject, namespace: string): JsonObject {
  const liveProps = isJsonObject(live.properties) ? live.properties : {};
  const desiredProps = isJsonObject(desired.properties) ? desired.properties : {};
  const foreign = Object.keys(desiredProps).filter((name) => !ownsAttribute(name, namespace));
  // Validation refuses these; a hand-made plan must not get past here either.
  if (foreign.length > 0) throw new Error(`refusing to write attributes kac does not own: ${foreign.join(', ')}`);
  const properties: JsonObject = { ...liveProps };
  for (const [name, prop] of Object.entries(desiredProps)) {
    const before = liveProps[name];
    properties[name] = isJsonObject(before) && isJsonObject(prop) ? { ...before, ...prop } : prop;
  }
  const body: JsonObject = {};
  for (const key of OTHER_PUT_KEYS) if (live[key] !== undefined) body[key] = live[key]!;
  body.properties = properties;
  return body;
}

export function standardAttributesHandler(namespace: string | undefined): KindHandler {
  const owner = (): string => {
    if (namespace === undefined)
      throw new Error('standard-object attributes need the namespace (it decides which attributes kac owns)');
    return namespace;
  };
  const write = async (
    object: string,
    desired: JsonObject,
    client: KustomerClient,
    signal?: AbortSignal,
  ): Promise<LiveResource> => {
    const ns = owner();
    // Read right before writing: the attributes written back are as fresh as they can be.
    let current: JsonObject = {};
    try {
      current = (await getMetadata(client, object, signal)).attributes as JsonObject;
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    const put = await client.put(
      standardMetadataPath(object),
      mergedMetadataBody(current, desired, ns),
      MetadataAttributesSchema,
      signal ? { signal } : {},
    );
    return liveStandardAttributes(object, put, ns);
  };
  return {
    kind: 'kustomer.standard-attributes',
    create: (resource, client, ctx) => write(resource.key, resource.body, client, ctx.signal),
    update: (resource, _live, client, ctx) => write(resource.key, resource.body, client, ctx.signal),
    async remove(live, _client, ctx) {
      ctx.logger.warn(`Kustomer has no attribute delete: kac's attributes of "${live.key}" stay as they are`);
    },
  };
}
