/**
 * Live → comparable: the ONE list per kind of server-populated fields dropped from live bodies before
 * they are diffed against desired ones (docs/reference/kustomer-api.md §3.6, resources contract).
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../../../../compiler/json.js';
import type { ResourceKind } from '../../../../compiler/resource.js';

/** Server fields on every Kustomer configuration object. */
const COMMON = [
  'id',
  '_id',
  'rev',
  'createdAt',
  'updatedAt',
  'modifiedAt',
  'modifiedBy',
  'createdBy',
  'loggingAt',
  'editable',
  'appDisabled',
  'containsVariables',
  'schedules',
  'dynamicSchedules',
  'systemDisabled',
  'appSettings',
  'objectMapping',
  'org',
];

export const IGNORED_FIELDS: Record<Exclude<ResourceKind, 'iterable.journey-webhook'>, readonly string[]> = {
  'kustomer.hook': [...COMMON, 'url', 'eventName', 'hash'],
  'kustomer.klass': [...COMMON, 's3DataUrl'],
  'kustomer.klass-attributes': COMMON,
  'kustomer.standard-attributes': COMMON,
  'kustomer.workflow': COMMON,
  'kustomer.outbound-webhook': [...COMMON, 'token'],
};

function drop(body: JsonObject, fields: readonly string[]): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(body)) if (!fields.includes(k) && v !== undefined) out[k] = v;
  return out;
}

/**
 * Below the top: a workflow step's `_id`; a callable trigger's `eventName` (the server derives
 * `kustomer.workflow.<own id>.call` from the id, compiler/model/inferred-events.ts); each attribute's
 * metadata loses the kind's list. Nothing else is ever dropped: every other live key is compared.
 */
export const NESTED_IGNORED_FIELDS = { workflowStep: ['_id'], callableTrigger: ['eventName'] } as const;

/** Drops the kind's server fields: at the top, in workflow steps (`_id`), and in each attribute's metadata. */
export function normalizeKustomerBody(kind: ResourceKind, body: JsonObject): JsonObject {
  if (kind === 'iterable.journey-webhook') return body;
  const fields = IGNORED_FIELDS[kind];
  const out = drop(body, fields);
  if (kind === 'kustomer.workflow' && Array.isArray(out.steps)) {
    out.steps = out.steps.map((s: JsonValue) => (isJsonObject(s) ? drop(s, NESTED_IGNORED_FIELDS.workflowStep) : s));
  }
  if (kind === 'kustomer.workflow' && isJsonObject(out.trigger) && out.trigger.callable === true) {
    out.trigger = drop(out.trigger, NESTED_IGNORED_FIELDS.callableTrigger);
  }
  if (
    (kind === 'kustomer.klass-attributes' || kind === 'kustomer.standard-attributes') &&
    isJsonObject(out.properties)
  ) {
    const properties: JsonObject = {};
    for (const [name, prop] of Object.entries(out.properties))
      properties[name] = isJsonObject(prop) ? drop(prop, fields) : prop;
    out.properties = properties;
  }
  return out;
}
