/**
 * Customers, as far as workflows and Kustomer's own apps SDK need them: create, read
 * (`/v1/customers/id=<id>`), partial update (`PATCH`), lookups by externalId, email and phone (paths
 * confirmed by the SDK, kustomer-api.md addendum), and the KObjects on a customer's timeline.
 */
import type { JsonObject } from '../../../compiler/json.js';
import type { CustomerRecord } from '../runtime/host.js';
import { RESOURCE_TYPES } from '../inferred-api.js';
import {
  fail,
  objectBody,
  paginate,
  resourceObject,
  single,
  type ApiRequest,
  type ResourceObject,
  type Route,
} from '../server/http.js';
import { kobjectResource } from './klasses.js';

export function customerResource(record: CustomerRecord): ResourceObject {
  const { id, ...attributes } = record;
  return resourceObject(RESOURCE_TYPES.customer, id, attributes as JsonObject, `/v1/customers/${id}`);
}

function found(record: CustomerRecord | undefined, what: string) {
  if (!record) fail(404, 'not_found', `no customer with ${what}`);
  return single(200, customerResource(record));
}

function requireCustomer(req: ApiRequest, id: string): CustomerRecord {
  const record = req.store.getCustomer(id);
  if (!record) fail(404, 'not_found', `customer ${id} not found`);
  return record;
}

const updateCustomer = (req: ApiRequest) =>
  single(200, customerResource(req.store.updateCustomer(req.params[0]!, objectBody(req))));

export const customerRoutes: Route[] = [
  {
    method: 'POST',
    pattern: /^\/v1\/customers$/,
    handler: (req) => single(201, customerResource(req.store.createCustomer(objectBody(req)))),
  },
  {
    method: 'GET',
    pattern: /^\/v1\/customers\/externalId=(.+)$/,
    handler: (req) => found(req.store.findCustomerByExternalId(req.params[0]!), `externalId "${req.params[0]}"`),
  },
  {
    method: 'GET',
    pattern: /^\/v1\/customers\/id=(.+)$/,
    handler: (req) => found(req.store.getCustomer(req.params[0]!), `id "${req.params[0]}"`),
  },
  {
    method: 'GET',
    pattern: /^\/v1\/customers\/email=(.+)$/,
    handler: (req) => found(req.store.findCustomerByEmail(req.params[0]!), `email "${req.params[0]}"`),
  },
  {
    method: 'GET',
    pattern: /^\/v1\/customers\/phone=(.+)$/,
    handler: (req) => found(req.store.findCustomerByPhone(req.params[0]!), `phone "${req.params[0]}"`),
  },
  {
    method: 'GET',
    pattern: /^\/v1\/customers\/([^/=]+)$/,
    handler: (req) => single(200, customerResource(requireCustomer(req, req.params[0]!))),
  },
  { method: 'PATCH', pattern: /^\/v1\/customers\/([^/=]+)$/, handler: updateCustomer },
  { method: 'PUT', pattern: /^\/v1\/customers\/([^/=]+)$/, handler: updateCustomer },
  {
    method: 'POST',
    pattern: /^\/v1\/customers\/([^/]+)\/klasses\/([^/]+)$/,
    handler: (req) => {
      const [id, klassName] = req.params as [string, string];
      requireCustomer(req, id);
      const record = req.store.createKObject(klassName, { ...objectBody(req), customer: id });
      return single(201, kobjectResource(record, req.store));
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/customers\/([^/]+)\/klasses\/([^/]+)$/,
    handler: (req) => {
      const [id, klassName] = req.params as [string, string];
      requireCustomer(req, id);
      if (!req.store.klassByName(klassName)) fail(404, 'not_found', `Klass "${klassName}" not found`);
      const records = req.store.state.kobjects.filter((k) => k.klassName === klassName && k.customer === id);
      return paginate(
        req,
        records.map((k) => kobjectResource(k, req.store)),
      );
    },
  },
];
