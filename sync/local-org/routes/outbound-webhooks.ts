/**
 * Outbound webhooks: list, create, update (PUT inferred), delete. https only, at most 12 events,
 * name and url at most 255 characters; the response carries `token`, the HMAC signing secret.
 */
import { OUTBOUND_WEBHOOK_DEFAULT_ENABLED, RESOURCE_TYPES } from '../inferred-api.js';
import { randomToken } from '../store/ids.js';
import { fail, failAll, objectBody, paginate, resourceObject, single, standardRelationships, withoutKeys, type ApiRequest, type Route } from '../server/http.js';
import type { Row } from '../store/state.js';
import { invalid, validateOutboundWebhook } from '../store/validate.js';

const FIELDS = ['name', 'url', 'events', 'headers', 'enabled'];
const SERVER_FIELDS = ['id', 'token', 'createdAt', 'updatedAt'];

function webhookResource(row: Row, req: ApiRequest) {
  return resourceObject(RESOURCE_TYPES.outboundWebhook, row.id, row.attributes, `/v1/outbound-webhooks/${row.id}`, standardRelationships(req.store));
}

function unknownFields(body: Record<string, unknown>) {
  return Object.keys(body)
    .filter((k) => !FIELDS.includes(k))
    .map((k) => invalid(`/${k}`, `"${k}" is not an outbound webhook field`));
}

function requireWebhook(req: ApiRequest): Row {
  const row = req.store.state.outboundWebhooks.find((w) => w.id === req.params[0]);
  if (!row) fail(404, 'not_found', `outbound webhook ${req.params[0]} not found`);
  return row;
}

export const outboundWebhookRoutes: Route[] = [
  { method: 'GET', pattern: /^\/v1\/outbound-webhooks$/, handler: (req) => paginate(req, req.store.state.outboundWebhooks.map((w) => webhookResource(w, req))) },
  {
    method: 'POST',
    pattern: /^\/v1\/outbound-webhooks$/,
    handler: (req) => {
      const body = withoutKeys(objectBody(req), SERVER_FIELDS);
      failAll([...unknownFields(body), ...validateOutboundWebhook(body, false)]);
      const now = req.store.isoNow();
      const row: Row = {
        id: req.store.newId(),
        attributes: { headers: [], enabled: OUTBOUND_WEBHOOK_DEFAULT_ENABLED, ...body, token: randomToken(32), createdAt: now, updatedAt: now },
      };
      req.store.state.outboundWebhooks.push(row);
      req.store.changed();
      return single(201, webhookResource(row, req));
    },
  },
  { method: 'GET', pattern: /^\/v1\/outbound-webhooks\/([0-9a-f]{24})$/, handler: (req) => single(200, webhookResource(requireWebhook(req), req)) },
  {
    method: 'PUT',
    pattern: /^\/v1\/outbound-webhooks\/([0-9a-f]{24})$/,
    handler: (req) => {
      const row = requireWebhook(req);
      const body = withoutKeys(objectBody(req), SERVER_FIELDS);
      failAll([...unknownFields(body), ...validateOutboundWebhook(body, true)]);
      row.attributes = { ...row.attributes, ...body, updatedAt: req.store.isoNow() };
      req.store.changed();
      return single(200, webhookResource(row, req));
    },
  },
  {
    method: 'DELETE',
    pattern: /^\/v1\/outbound-webhooks\/([0-9a-f]{24})$/,
    handler: (req) => {
      const row = requireWebhook(req);
      req.store.state.outboundWebhooks = req.store.state.outboundWebhooks.filter((w) => w !== row);
      req.store.changed();
      return { status: 204 };
    },
  },
];
