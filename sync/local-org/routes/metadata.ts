/**
 * Custom attribute metadata: `GET/PUT /v1/metadata/{resource}`. A PUT merges per attribute (the
 * attributes it names change, the others stay; inferred from Kustomer-Attribute-Updater), and an
 * attribute whose `type` contradicts its name suffix is refused.
 */
import { isJsonObject, type JsonObject } from '../../../compiler/json.js';
import { STANDARD_OBJECTS } from '../../../compiler/model/standard-attributes.js';
import { RESOURCE_TYPES } from '../inferred-api.js';
import { fail, failAll, objectBody, resourceObject, single, type ApiRequest, type Route } from '../server/http.js';
import { attributeTypeOf, invalid, validateMetadataProperties } from '../store/validate.js';

/** kac's standard objects, and `note` (its metadata path is inferred: INFERRED_PATHS.standardMetadata). */
const STANDARD: readonly string[] = [...STANDARD_OBJECTS, 'note'];
const TOP_LEVEL = ['properties', 'standardProperties', 'relationships', 'validations'];

function checkResource(req: ApiRequest): string {
  const resource = req.params[0]!;
  if (resource.startsWith('kobject.')) {
    if (!req.store.klassByName(resource.slice('kobject.'.length)))
      fail(404, 'not_found', `Klass "${resource.slice(8)}" not found`);
  } else if (!STANDARD.includes(resource)) fail(404, 'not_found', `unknown metadata resource "${resource}"`);
  return resource;
}

function metadataResponse(req: ApiRequest, resource: string) {
  const stored = req.store.state.metadata[resource] ?? { properties: {} };
  return single(200, resourceObject(RESOURCE_TYPES.metadata, resource, stored, `/v1/metadata/${resource}`));
}

function putMetadata(req: ApiRequest) {
  const resource = checkResource(req);
  const body = objectBody(req);
  const errors = Object.keys(body)
    .filter((k) => !TOP_LEVEL.includes(k))
    .map((k) => invalid(`/${k}`, `"${k}" is not a metadata field`));
  errors.push(...validateMetadataProperties(body.properties));
  failAll(errors);
  const current: JsonObject = req.store.state.metadata[resource] ?? { properties: {} };
  const properties: JsonObject = { ...(isJsonObject(current.properties) ? current.properties : {}) };
  let changed = false;
  for (const [name, prop] of Object.entries((body.properties ?? {}) as JsonObject)) {
    const before = isJsonObject(properties[name]) ? properties[name] : {};
    const next = { type: attributeTypeOf(name)!, ...before, ...(prop as JsonObject) };
    if (JSON.stringify(next) !== JSON.stringify(properties[name])) changed = true;
    properties[name] = next;
  }
  const rest = Object.fromEntries(Object.entries(body).filter(([k]) => k !== 'properties'));
  if (Object.keys(rest).length > 0) changed = true;
  if (changed || !req.store.state.metadata[resource]) {
    req.store.state.metadata[resource] = { ...current, ...rest, properties, updatedAt: req.store.isoNow() };
    req.store.changed();
  }
  return metadataResponse(req, resource);
}

export const metadataRoutes: Route[] = [
  { method: 'GET', pattern: /^\/v1\/metadata\/([^/]+)$/, handler: (req) => metadataResponse(req, checkResource(req)) },
  { method: 'PUT', pattern: /^\/v1\/metadata\/([^/]+)$/, handler: putMetadata },
];
