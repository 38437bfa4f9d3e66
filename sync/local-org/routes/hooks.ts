/**
 * Inbound hooks: manage them (`/v1/hooks/web`, `/v1/hooks/form`), and receive posts at their address,
 * which runs every enabled workflow whose trigger is the hook's `kustomer.hooks.<type>.<id>.receive`.
 * Web hook posts need the Bearer token; form hook posts need none (docs §4).
 */
import type { JsonObject, JsonValue } from '../../../compiler/json.js';
import type { WorkflowEngine } from '../runtime/engine.js';
import { randomToken } from '../store/ids.js';
import { HOOK_BODY_LIMIT_BYTES, RESOURCE_TYPES } from '../inferred-api.js';
import {
  fail,
  failAll,
  objectBody,
  paginate,
  resourceObject,
  single,
  standardRelationships,
  type ApiRequest,
  type ApiResponse,
  type Route,
} from '../server/http.js';
import type { HookRow } from '../store/state.js';
import type { LocalStore } from '../store/store.js';
import { HookBodySchema, parseBody } from '../store/body-schemas.js';

type Kind = 'web' | 'form';

export function hookUrl(hook: HookRow, baseUrl: string, orgId: string): string {
  return hook.kind === 'web'
    ? `${baseUrl}/v1/hooks/web/${hook.hash}`
    : `${baseUrl}/v1/hooks/form/${orgId}/${hook.hash}`;
}

function hookResource(hook: HookRow, req: ApiRequest) {
  const type = hook.kind === 'web' ? RESOURCE_TYPES.webHook : RESOURCE_TYPES.formHook;
  const attributes = { ...hook.attributes, url: hookUrl(hook, req.baseUrl, req.store.state.orgId) };
  return resourceObject(
    type,
    hook.id,
    attributes,
    `/v1/hooks/${hook.kind}/${hook.id}`,
    standardRelationships(req.store),
  );
}

function requireHook(req: ApiRequest, kind: Kind, id: string): HookRow {
  const hook = req.store.state.hooks.find((h) => h.kind === kind && h.id === id);
  if (!hook) fail(404, 'not_found', `${kind} hook ${id} not found`);
  return hook;
}

/** zod: HookBodySchema; an update is partial. */
function hookBodyErrors(body: JsonObject, create: boolean) {
  const parsed = parseBody(create ? HookBodySchema : HookBodySchema.partial(), body, {
    unknownKey: (k) => `"${k}" is not a hook field`,
  });
  return parsed.ok ? [] : parsed.errors;
}

function createHook(kind: Kind) {
  return (req: ApiRequest): ApiResponse => {
    const body = objectBody(req);
    failAll(hookBodyErrors(body, true));
    const id = req.store.newId();
    const now = req.store.isoNow();
    const hook: HookRow = {
      id,
      kind,
      hash: randomToken(20),
      attributes: { ...body, eventName: `kustomer.hooks.${kind}.${id}.receive`, createdAt: now, updatedAt: now },
    };
    req.store.state.hooks.push(hook);
    req.store.changed();
    return single(201, hookResource(hook, req));
  };
}

function updateHook(kind: Kind) {
  return (req: ApiRequest): ApiResponse => {
    const hook = requireHook(req, kind, req.params[0]!);
    const { url: _u, eventName: _e, id: _i, createdAt: _c, updatedAt: _up, ...body } = objectBody(req);
    failAll(hookBodyErrors(body, false));
    hook.attributes = { ...hook.attributes, ...body, updatedAt: req.store.isoNow() };
    req.store.changed();
    return single(200, hookResource(hook, req));
  };
}

function deleteHook(kind: Kind) {
  return (req: ApiRequest): ApiResponse => {
    const hook = requireHook(req, kind, req.params[0]!);
    req.store.state.hooks = req.store.state.hooks.filter((h) => h !== hook);
    req.store.changed();
    return { status: 204 };
  };
}

/** Builds step `1` exactly as Kustomer stores a hook post (seed: "Create a KObject from an external trigger"). */
export function hookTransaction(store: LocalStore, hook: HookRow, data: JsonValue): JsonObject {
  return {
    id: store.newId(),
    type: RESOURCE_TYPES.transaction,
    attributes: { createdAt: store.isoNow(), data },
    relationships: {
      org: { data: { type: 'org', id: store.state.orgId }, links: { self: `/v1/org/${store.state.orgId}` } },
      hook: { data: { type: `${hook.kind}_hook`, id: hook.id }, links: { self: `/v1/hooks/${hook.kind}/${hook.id}` } },
    },
  };
}

/** Runs the enabled workflows the hook triggers (the engine records each run), then what they raised. */
export async function receiveHookPost(store: LocalStore, engine: WorkflowEngine, hook: HookRow, data: JsonValue) {
  const transaction = hookTransaction(store, hook, data);
  const logs = await engine.dispatch(hook.attributes.eventName as string, transaction, 0, hook.id);
  await engine.settle();
  return { transaction, logs };
}

function receive(kind: Kind) {
  return async (req: ApiRequest): Promise<ApiResponse> => {
    const hash = kind === 'web' ? req.params[0]! : req.params[1]!;
    if (kind === 'form' && req.params[0] !== req.store.state.orgId) fail(404, 'not_found', 'no hook at this address');
    const hook = req.store.state.hooks.find((h) => h.kind === kind && h.hash === hash);
    if (!hook) fail(404, 'not_found', 'no hook at this address');
    const { transaction, logs } = await receiveHookPost(req.store, req.engine, hook, req.body ?? {});
    const { attributes, ...rest } = transaction;
    return {
      status: 200,
      body: {
        data: { ...rest, attributes: { createdAt: (attributes as JsonObject).createdAt } },
        meta: { workflowRuns: logs.length },
      },
    };
  };
}

export function hookRoutes(): Route[] {
  const routes: Route[] = [];
  for (const kind of ['web', 'form'] as const) {
    routes.push(
      {
        method: 'GET',
        pattern: new RegExp(`^/v1/hooks/${kind}$`),
        handler: (req) =>
          paginate(
            req,
            req.store.state.hooks.filter((h) => h.kind === kind).map((h) => hookResource(h, req)),
          ),
      },
      { method: 'POST', pattern: new RegExp(`^/v1/hooks/${kind}$`), handler: createHook(kind) },
      {
        method: 'GET',
        pattern: new RegExp(`^/v1/hooks/${kind}/([0-9a-f]{24})$`),
        handler: (req) => single(200, hookResource(requireHook(req, kind, req.params[0]!), req)),
      },
      { method: 'PUT', pattern: new RegExp(`^/v1/hooks/${kind}/([0-9a-f]{24})$`), handler: updateHook(kind) },
      { method: 'DELETE', pattern: new RegExp(`^/v1/hooks/${kind}/([0-9a-f]{24})$`), handler: deleteHook(kind) },
    );
  }
  routes.push(
    {
      method: 'POST',
      pattern: /^\/v1\/hooks\/web\/([0-9a-f]{40})$/,
      handler: receive('web'),
      bodyLimit: HOOK_BODY_LIMIT_BYTES,
      budget: 'hooks',
    },
    {
      method: 'POST',
      pattern: /^\/v1\/hooks\/form\/([0-9a-f]{24})\/([0-9a-f]{40})$/,
      handler: receive('form'),
      auth: 'none',
      bodyLimit: HOOK_BODY_LIMIT_BYTES,
      budget: 'hooks',
    },
  );
  return routes;
}
