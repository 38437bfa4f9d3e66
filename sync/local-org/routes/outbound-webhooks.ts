/**
 * Outbound webhooks: list, create, update (PUT inferred), delete. https only, at most 12 events,
 * name and url at most 255 characters; the response carries `token`, the HMAC signing secret.
 */
import { OUTBOUND_WEBHOOK_DEFAULT_ENABLED, RESOURCE_TYPES } from '../inferred-api.js';
import { randomToken } from '../store/ids.js';
import {
  fail,
  failAll,
  objectBody,
  paginate,
  resourceObject,
  single,
  standardRelationships,
  withoutKeys,
  type ApiRequest,
  type Route,
} from '../server/http.js';
import { OutboundWebhookBodySchema, parseBody } from '../store/body-schemas.js';
import type { Row } from '../store/state.js';

const SERVER_FIELDS = ['id', 'token', 'createdAt', 'updatedAt'];

function webhookResource(row: Row, req: ApiRequest) {
  return resourceObject(
    RESOURCE_TYPES.outboundWebhook,
    row.id,
    row.attributes,
    `/v1/outbound-webhooks/${row.id}`,
    standardRelationships(req.store),
  );
}

/** The body without echoed server fields, checked (zod: OutboundWebhookBodySchema); PUT is partial. */
function webhookBody(req: ApiRequest, partial: boolean) {
  const body = withoutKeys(objectBody(req), SERVER_FIELDS);
  const parsed = parseBody(partial ? OutboundWebhookBodySchema.partial() : OutboundWebhookBodySchema, body, {
    unknownKey: (k) => `"${k}" is not an outbound webhook field`,
  });
  if (!parsed.ok) failAll(parsed.errors);
  return body;
}

function requireWebhook(req: ApiRequest): Row {
  const row = req.store.state.outboundWebhooks.find((w) => w.id === req.params[0]);
  if (!row) fail(404, 'not_found', `outbound webhook ${req.params[0]} not found`);
  return row;
}

export const outboundWebhookRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/v1\/outbound-webhooks$/,
    handler: (req) =>
      paginate(
        req,
        req.store.state.outboundWebhooks.map((w) => webhookResource(w, req)),
      ),
  },
  {
    method: 'POST',
    pattern: /^\/v1\/outbound-webhooks$/,
    handler: (req) => {
      const body = webhookBody(req, false);
      const now = req.store.isoNow();
      const row: Row = {
        id: req.store.newId(),
        attributes: {
          headers: [],
          enabled: OUTBOUND_WEBHOOK_DEFAULT_ENABLED,
          ...body,
          token: randomToken(32),
          createdAt: now,
          updatedAt: now,
        },
      };
      req.store.state.outboundWebhooks.push(row);
      req.store.changed();
      return single(201, webhookResource(row, req));
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/outbound-webhooks\/([0-9a-f]{24})$/,
    handler: (req) => single(200, webhookResource(requireWebhook(req), req)),
  },
  {
    method: 'PUT',
    pattern: /^\/v1\/outbound-webhooks\/([0-9a-f]{24})$/,
    handler: (req) => {
      const row = requireWebhook(req);
      const body = webhookBody(req, true);
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
