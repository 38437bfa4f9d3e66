/**
 * Klasses and their KObjects. Kustomer addresses both under `/v1/klasses/...`: an ObjectId in the path
 * means the Klass, a name means its KObjects (docs §2 "Path ambiguity"). Names are immutable and a
 * Klass with KObjects can't be deleted.
 */
import type { JsonObject } from '../../../compiler/json.js';
import type { KObjectRecord } from '../runtime/host.js';
import { isObjectId } from '../store/ids.js';
import { RESOURCE_TYPES, STATUS } from '../inferred-api.js';
import {
  fail,
  failAll,
  objectBody,
  paginate,
  resourceObject,
  single,
  withoutKeys,
  type ApiRequest,
  type ResourceObject,
  type Route,
} from '../server/http.js';
import type { Row } from '../store/state.js';
import type { LocalStore } from '../store/store.js';
import { KlassBodySchema, parseBody } from '../store/body-schemas.js';

const SERVER_FIELDS = ['id', 'createdAt', 'updatedAt', 'appVersion', 'appDisabled', 's3DataUrl'];

export function klassResource(row: Row): ResourceObject {
  return resourceObject(RESOURCE_TYPES.klass, row.id, row.attributes, `/v1/klasses/${row.id}`);
}

export function kobjectResource(record: KObjectRecord, store: LocalStore): ResourceObject {
  const { id, klassName, customer, ...attributes } = record;
  const klass = store.klassByName(klassName);
  return resourceObject(RESOURCE_TYPES.kobject, id, attributes as JsonObject, `/v1/klasses/${klassName}/${id}`, {
    ...(klass ? { klass: { data: { type: 'klass', id: klass.id } } } : {}),
    ...(customer
      ? { customer: { data: { type: 'customer', id: customer }, links: { self: `/v1/customers/${customer}` } } }
      : {}),
  });
}

/** zod: KlassBodySchema (an update is partial; its name is checked for immutability instead). */
function klassFieldErrors(body: JsonObject, create: boolean) {
  const parsed = parseBody(create ? KlassBodySchema : KlassBodySchema.partial(), body, {
    unknownKey: (k) => `"${k}" is not a Klass field`,
  });
  return parsed.ok ? [] : parsed.errors;
}

function requireKlassById(store: LocalStore, id: string): Row {
  const row = store.state.klasses.find((k) => k.id === id);
  if (!row) fail(404, 'not_found', `Klass ${id} not found`);
  return row;
}

function requireKlassByName(store: LocalStore, name: string): Row {
  const row = store.klassByName(name);
  if (!row) fail(404, 'not_found', `Klass "${name}" not found`);
  return row;
}

function listKlasses(req: ApiRequest) {
  const status = req.query.get('status') ?? 'enabled';
  const rows = req.store.state.klasses.filter(
    (k) => status === 'existing_only' || (k.attributes.status ?? 'enabled') === status,
  );
  return paginate(req, rows.map(klassResource));
}

function createKlass(req: ApiRequest) {
  const body = withoutKeys(objectBody(req), SERVER_FIELDS);
  failAll(klassFieldErrors(body, true));
  if (req.store.klassByName(body.name as string))
    fail(STATUS.duplicateName, 'conflict', `a Klass named "${String(body.name)}" exists`, '/name');
  const now = req.store.isoNow();
  const row: Row = {
    id: req.store.newId(),
    attributes: { status: 'enabled', ...body, createdAt: now, updatedAt: now },
  };
  req.store.state.klasses.push(row);
  req.store.changed();
  return single(201, klassResource(row));
}

/** `GET /v1/klasses/{x}`: the Klass for an ObjectId, else the KObjects of the Klass named x. */
function getKlassOrKObjects(req: ApiRequest) {
  const [x] = req.params as [string];
  const byId = isObjectId(x) ? req.store.state.klasses.find((k) => k.id === x) : undefined;
  if (byId) return single(200, klassResource(byId));
  requireKlassByName(req.store, x);
  return paginate(
    req,
    req.store.state.kobjects.filter((k) => k.klassName === x).map((k) => kobjectResource(k, req.store)),
  );
}

function updateKlass(req: ApiRequest) {
  const row = requireKlassById(req.store, req.params[0]!);
  const body = withoutKeys(objectBody(req), SERVER_FIELDS);
  if (body.name !== undefined && body.name !== row.attributes.name) {
    fail(400, 'immutable', `a Klass name can't be changed (it is "${String(row.attributes.name)}")`, '/name');
  }
  failAll(klassFieldErrors(body, false));
  const next = { ...row.attributes, ...body };
  if (JSON.stringify(next) !== JSON.stringify(row.attributes)) {
    row.attributes = { ...next, updatedAt: req.store.isoNow() };
    req.store.changed();
  }
  return single(200, klassResource(row));
}

function deleteKlass(req: ApiRequest) {
  const row = requireKlassById(req.store, req.params[0]!);
  const name = row.attributes.name as string;
  const count = req.store.kobjectCount(name);
  if (count > 0)
    fail(STATUS.klassHasKObjects, 'klass_has_kobjects', `Klass "${name}" has ${count} KObject(s) and can't be deleted`);
  req.store.state.klasses = req.store.state.klasses.filter((k) => k !== row);
  delete req.store.state.metadata[`kobject.${name}`];
  req.store.changed();
  return { status: 204 };
}

function createKObject(req: ApiRequest) {
  const record = req.store.createKObject(req.params[0]!, objectBody(req));
  return single(201, kobjectResource(record, req.store));
}

function getKObject(req: ApiRequest) {
  const [name, id] = req.params as [string, string];
  requireKlassByName(req.store, name);
  const record = req.store.getKObject(name, id);
  if (!record) fail(404, 'not_found', `KObject ${id} of Klass "${name}" not found`);
  return single(200, kobjectResource(record, req.store));
}

function getKObjectByExternalId(req: ApiRequest) {
  const [name, externalId] = req.params as [string, string];
  requireKlassByName(req.store, name);
  const record = req.store.findKObjectByExternalId(name, externalId);
  if (!record) fail(404, 'not_found', `no KObject of Klass "${name}" has externalId "${externalId}"`);
  return single(200, kobjectResource(record, req.store));
}

function updateKObject(req: ApiRequest) {
  const [name, id] = req.params as [string, string];
  return single(200, kobjectResource(req.store.updateKObject(name, id, objectBody(req)), req.store));
}

const seg = '([^/]+)';
export const klassRoutes: Route[] = [
  { method: 'GET', pattern: /^\/v1\/klasses$/, handler: listKlasses },
  { method: 'POST', pattern: /^\/v1\/klasses$/, handler: createKlass },
  { method: 'GET', pattern: new RegExp(`^/v1/klasses/${seg}/externalId=(.+)$`), handler: getKObjectByExternalId },
  { method: 'GET', pattern: new RegExp(`^/v1/klasses/${seg}$`), handler: getKlassOrKObjects },
  { method: 'PUT', pattern: /^\/v1\/klasses\/([0-9a-f]{24})$/, handler: updateKlass },
  { method: 'DELETE', pattern: /^\/v1\/klasses\/([0-9a-f]{24})$/, handler: deleteKlass },
  { method: 'POST', pattern: new RegExp(`^/v1/klasses/${seg}$`), handler: createKObject },
  { method: 'GET', pattern: new RegExp(`^/v1/klasses/${seg}/${seg}$`), handler: getKObject },
  { method: 'PUT', pattern: new RegExp(`^/v1/klasses/${seg}/${seg}$`), handler: updateKObject },
];
