/**
 * Checks the zod body schemas (body-schemas.ts) can not express, each returning every problem found as
 * JSON:API-like error objects: attribute types by name suffix, metadata properties, the workflow graph.
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../../../compiler/json.js';
import { ATTRIBUTE_TYPE_BY_SUFFIX, MAX_STRING_ATTRIBUTE_LENGTH, type ApiErrorObject } from '../inferred-api.js';

export function invalid(pointer: string, detail: string, status = 400): ApiErrorObject {
  return { status, code: 'invalid', title: 'Invalid request', detail, source: { pointer } };
}

/** `totalOrdersNum` → `number`; undefined when the name has no known suffix. */
export function attributeTypeOf(name: string): string | undefined {
  for (const [suffix, type] of ATTRIBUTE_TYPE_BY_SUFFIX) {
    if (name.length > suffix.length && name.endsWith(suffix)) return type;
  }
  return undefined;
}

/** Metadata properties: the suffix decides the type, so a contradicting `type` is refused. */
export function validateMetadataProperties(properties: JsonValue | undefined): ApiErrorObject[] {
  if (properties === undefined) return [];
  if (!isJsonObject(properties)) return [invalid('/properties', 'properties must be an object')];
  const errors: ApiErrorObject[] = [];
  for (const [name, prop] of Object.entries(properties)) {
    const pointer = `/properties/${name}`;
    const expected = attributeTypeOf(name);
    if (expected === undefined) {
      errors.push(invalid(pointer, `attribute "${name}" has no type suffix (Str, Txt, Num, At, Bool, Url, Id)`));
      continue;
    }
    if (!isJsonObject(prop)) {
      errors.push(invalid(pointer, `attribute "${name}" must be an object`));
      continue;
    }
    if (prop.type !== undefined && prop.type !== expected) {
      errors.push(
        invalid(
          `${pointer}/type`,
          `attribute "${name}" has type "${String(prop.type)}" but its suffix means "${expected}"`,
        ),
      );
    }
    if (
      prop.enumeration !== undefined &&
      !(Array.isArray(prop.enumeration) && prop.enumeration.every((v) => typeof v === 'string'))
    ) {
      errors.push(invalid(`${pointer}/enumeration`, `attribute "${name}": enumeration must be a list of strings`));
    }
  }
  return errors;
}

/** Custom attribute values on customers and KObjects: each must fit its suffix's type. */
export function validateCustomValues(custom: unknown, pointer = '/custom'): ApiErrorObject[] {
  if (custom === undefined || custom === null) return [];
  if (!isJsonObject(custom as JsonValue)) return [invalid(pointer, 'custom must be an object')];
  const errors: ApiErrorObject[] = [];
  for (const [name, value] of Object.entries(custom as JsonObject)) {
    const type = attributeTypeOf(name);
    const at = `${pointer}/${name}`;
    if (type === undefined) {
      errors.push(invalid(at, `custom attribute "${name}" has no type suffix`));
      continue;
    }
    if (value === null) continue;
    const problem = valueProblem(type, value);
    if (problem) errors.push(invalid(at, `custom attribute "${name}" ${problem}`));
  }
  return errors;
}

function valueProblem(type: string, value: JsonValue): string | undefined {
  switch (type) {
    case 'string':
    case 'text':
      if (typeof value !== 'string') return `must be a string, got ${describe(value)}`;
      return value.length > MAX_STRING_ATTRIBUTE_LENGTH
        ? `must be at most ${MAX_STRING_ATTRIBUTE_LENGTH} characters`
        : undefined;
    case 'url':
      return typeof value === 'string' ? undefined : `must be a URL string, got ${describe(value)}`;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
        ? undefined
        : `must be a number, got ${describe(value)}`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `must be a boolean, got ${describe(value)}`;
    case 'date':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value))
        ? undefined
        : `must be an ISO 8601 date, got ${describe(value)}`;
    case 'id':
      return typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'))
        ? undefined
        : `must be an id, got ${describe(value)}`;
    default:
      return undefined;
  }
}

function describe(value: JsonValue): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return typeof value === 'string'
    ? `"${value.length > 40 ? `${value.slice(0, 40)}...` : value}"`
    : typeof value === 'object'
      ? 'an object'
      : String(value);
}

/**
 * Workflow document checks: a trigger with an eventName, steps with unique ids, transitions that
 * target existing steps, and no cycles (Kustomer's save-time loop check).
 */
export function validateWorkflowGraph(body: JsonObject): ApiErrorObject[] {
  const errors: ApiErrorObject[] = [];
  const trigger = body.trigger;
  const steps = body.steps ?? [];
  if (!isJsonObject(trigger)) return [invalid('/trigger', 'trigger is required and must be an object')];
  // A callable trigger needs none: the server derives it (inferred-api.ts callableTrigger).
  if (trigger.callable !== true && (typeof trigger.eventName !== 'string' || trigger.eventName === ''))
    errors.push(invalid('/trigger/eventName', 'trigger.eventName is required'));
  if (!Array.isArray(steps)) return [...errors, invalid('/steps', 'steps must be an array')];
  const ids = new Map<string, number>();
  steps.forEach((step, i) => {
    if (!isJsonObject(step) || typeof step.id !== 'string' || step.id === '')
      errors.push(invalid(`/steps/${i}/id`, `steps[${i}].id is required`));
    else if (ids.has(step.id)) errors.push(invalid(`/steps/${i}/id`, `step id "${step.id}" is used twice`));
    else ids.set(step.id, i);
  });
  const edges = new Map<string, string[]>();
  const nodes: [string, JsonValue | undefined, string][] = [['1', trigger.transitions, '/trigger/transitions']];
  steps.forEach((step, i) => {
    if (isJsonObject(step) && typeof step.id === 'string')
      nodes.push([step.id, step.transitions, `/steps/${i}/transitions`]);
  });
  for (const [id, transitions, pointer] of nodes) {
    if (transitions === undefined) continue;
    if (!Array.isArray(transitions)) {
      errors.push(invalid(pointer, 'transitions must be an array'));
      continue;
    }
    const targets: string[] = [];
    transitions.forEach((t, j) => {
      const target = isJsonObject(t) ? t.target : undefined;
      if (typeof target !== 'string' || !ids.has(target)) {
        errors.push(
          invalid(`${pointer}/${j}/target`, `transition target "${String(target)}" is not a step of this workflow`),
        );
      } else targets.push(target);
      if (!isJsonObject(t) || !isJsonObject(t.condition))
        errors.push(invalid(`${pointer}/${j}/condition`, 'transition condition is required'));
    });
    edges.set(id, targets);
  }
  const cycle = findCycle(edges);
  if (cycle) errors.push(invalid('/steps', `workflow has a loop: ${cycle.join(' → ')}`));
  return errors;
}

function findCycle(edges: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'visiting') return [...path.slice(path.indexOf(node)), node];
    state.set(node, 'visiting');
    path.push(node);
    for (const next of edges.get(node) ?? []) {
      const found = visit(next);
      if (found) return found;
    }
    path.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of edges.keys()) {
    const found = visit(node);
    if (found) return found;
  }
  return undefined;
}
