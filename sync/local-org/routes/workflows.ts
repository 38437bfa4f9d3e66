/**
 * Workflows: list, create, get, partial update. No delete (Kustomer: "set enabled to false"). Created
 * disabled unless `enabled: true`; reads carry the server fields (`rev` counts changes, each step has
 * an `_id`, timestamps, `editable` ...).
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../../../compiler/json.js';
import { RESOURCE_TYPES, STATUS, callableTrigger, workflowServerDefaults } from '../inferred-api.js';
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
import type { Row } from '../store/state.js';
import type { LocalStore } from '../store/store.js';
import { parseBody, WorkflowBodySchema } from '../store/body-schemas.js';
import { invalid, validateWorkflowGraph } from '../store/validate.js';
import { WorkflowRunError } from '../runtime/types.js';

/** Fields the server owns: a client echoing them back (from a read) changes nothing. */
export const WORKFLOW_SERVER_FIELDS = [
  'id',
  'rev',
  'createdAt',
  'updatedAt',
  'modifiedAt',
  'loggingAt',
  'modifiedBy',
  'createdBy',
  'org',
  ...Object.keys(workflowServerDefaults()),
];

export function workflowResource(row: Row, store: LocalStore) {
  return resourceObject(
    RESOURCE_TYPES.workflow,
    row.id,
    row.attributes,
    `/v1/workflows/${row.id}`,
    standardRelationships(store),
  );
}

function clientFields(attributes: JsonObject): JsonObject {
  const out = withoutKeys(attributes, WORKFLOW_SERVER_FIELDS);
  if (Array.isArray(out.steps)) out.steps = out.steps.map((s) => (isJsonObject(s) ? withoutKeys(s, ['_id']) : s));
  return out;
}

/** Steps keep their `_id` across updates while their `id` stays the same. */
function withStepIds(
  steps: JsonValue | undefined,
  previous: JsonValue | undefined,
  store: LocalStore,
): JsonValue | undefined {
  if (!Array.isArray(steps)) return steps;
  const known = new Map<string, string>();
  if (Array.isArray(previous)) {
    for (const s of previous)
      if (isJsonObject(s) && typeof s.id === 'string' && typeof s._id === 'string') known.set(s.id, s._id);
  }
  return steps.map((s) =>
    isJsonObject(s) ? { ...s, _id: (typeof s.id === 'string' && known.get(s.id)) || store.newId() } : s,
  );
}

/** zod: WorkflowBodySchema; an update is partial. */
function fieldErrors(body: JsonObject, create: boolean) {
  const parsed = parseBody(create ? WorkflowBodySchema : WorkflowBodySchema.partial(), body);
  return parsed.ok ? [] : parsed.errors;
}

function requireWorkflow(store: LocalStore, id: string): Row {
  const row = store.state.workflows.find((w) => w.id === id);
  if (!row) fail(404, 'not_found', `workflow ${id} not found`);
  return row;
}

function listWorkflows(req: ApiRequest) {
  const enabled = req.query.get('enabled');
  const eventName = req.query.get('eventName');
  const rows = req.store.state.workflows.filter(
    (w) =>
      (enabled === null || String(w.attributes.enabled) === enabled) &&
      (eventName === null || (isJsonObject(w.attributes.trigger) && w.attributes.trigger.eventName === eventName)),
  );
  return paginate(
    req,
    rows.map((w) => workflowResource(w, req.store)),
  );
}

/** UNIQUE_WORKFLOW_NAMES (inferred-api.ts): a name another workflow has is refused. */
function nameTaken(store: LocalStore, name: JsonValue | undefined, self?: Row) {
  if (store.allowDuplicateWorkflowNames || typeof name !== 'string') return [];
  const other = store.state.workflows.find((w) => w !== self && w.attributes.name === name);
  return other
    ? [
        {
          ...invalid(
            '/name',
            `a workflow named "${name}" exists (${other.id}); workflow names are unique in the local org`,
          ),
          status: STATUS.duplicateName,
          code: 'conflict',
          title: 'Conflict',
        },
      ]
    : [];
}

function createWorkflow(req: ApiRequest) {
  const body = clientFields(objectBody(req));
  failAll([...fieldErrors(body, true), ...nameTaken(req.store, body.name), ...validateWorkflowGraph(body)]);
  const now = req.store.isoNow();
  const id = req.store.newId();
  const row: Row = {
    id,
    attributes: {
      ...body,
      ...(body.trigger === undefined ? {} : { trigger: callableTrigger(body.trigger, id) as JsonValue }),
      enabled: body.enabled === true,
      steps: withStepIds(body.steps ?? [], undefined, req.store) ?? [],
      ...(workflowServerDefaults() as JsonObject),
      rev: 1,
      createdAt: now,
      updatedAt: now,
      modifiedAt: now,
    },
  };
  req.store.state.workflows.push(row);
  req.store.changed();
  return single(201, workflowResource(row, req.store));
}

/** Partial update: root keys sent replace the stored ones; keys not sent stay. */
function updateWorkflow(req: ApiRequest) {
  const row = requireWorkflow(req.store, req.params[0]!);
  const body = clientFields(objectBody(req));
  const before = clientFields(row.attributes);
  const merged = { ...before, ...body };
  if (merged.trigger !== undefined) merged.trigger = callableTrigger(merged.trigger, row.id) as JsonValue;
  failAll([...fieldErrors(body, false), ...nameTaken(req.store, body.name, row), ...validateWorkflowGraph(merged)]);
  if (JSON.stringify(merged) !== JSON.stringify(before)) {
    const now = req.store.isoNow();
    const server = withoutKeys(row.attributes, Object.keys(before));
    row.attributes = {
      ...server,
      ...merged,
      steps: withStepIds(merged.steps, row.attributes.steps, req.store) ?? [],
      rev: ((row.attributes.rev as number | undefined) ?? 0) + 1,
      updatedAt: now,
      modifiedAt: now,
    };
    req.store.changed();
  }
  return single(200, workflowResource(row, req.store));
}

/** `POST /v1/workflows/{id}/call` with `{ inputs }` [R]: runs the callable workflow, answers its response. */
async function callWorkflow(req: ApiRequest) {
  const row = requireWorkflow(req.store, req.params[0]!);
  const body = req.body === undefined ? {} : objectBody(req);
  if (body.inputs !== undefined && !isJsonObject(body.inputs))
    fail(400, 'invalid', 'inputs: must be an object', '/inputs');
  try {
    const { log, response } = await req.engine.call(row.id, (body.inputs as JsonObject | undefined) ?? {});
    return {
      status: 200,
      body: { data: { type: 'workflow_call', id: log.id, attributes: { response, status: log.status } } },
    };
  } catch (error) {
    if (error instanceof WorkflowRunError) fail(400, 'call_failed', error.message);
    throw error;
  }
}

export const workflowRoutes: Route[] = [
  { method: 'POST', pattern: /^\/v1\/workflows\/([^/]+)\/call$/, handler: callWorkflow },
  { method: 'GET', pattern: /^\/v1\/workflows$/, handler: listWorkflows },
  { method: 'POST', pattern: /^\/v1\/workflows$/, handler: createWorkflow },
  {
    method: 'GET',
    pattern: /^\/v1\/workflows\/([^/]+)$/,
    handler: (req) => single(200, workflowResource(requireWorkflow(req.store, req.params[0]!), req.store)),
  },
  { method: 'PUT', pattern: /^\/v1\/workflows\/([^/]+)$/, handler: updateWorkflow },
  {
    method: 'DELETE',
    pattern: /^\/v1\/workflows\/([^/]+)$/,
    handler: () =>
      fail(
        STATUS.noWorkflowDelete,
        'not_found',
        'there is no workflow delete: set enabled to false to stop a workflow',
      ),
  },
];
