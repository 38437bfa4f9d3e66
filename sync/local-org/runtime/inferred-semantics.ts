/**
 * Every runtime behaviour that Kustomer does not document, in one place. Each choice below is
 * INFERRED (docs/reference/kustomer-api.md marks it [I] or is silent); check it against a sandbox org
 * and change it here, not in the callers. Inferred choices that are not a value or function here:
 * - the `date` / `dateDiff` / `math` helper forms (templates.ts): only the forms the docs show;
 * - a missing required action param fails the step (actions/params.ts), as an input schema would;
 * - `kustomer.rest-api.json` defaults `json` to true and keeps a non-JSON body as text (rest-api.ts);
 * - a `{{{variables.<id>}}}` with no value renders "" (Handlebars' rule for any missing path);
 * - non-empty `errorCases` are not interpreted: a failing step fails the run and says so (run.ts).
 */

import { WorkflowRunError } from './types.js';

/** Steps executed per run before the run fails as a probable loop. Kustomer rejects cycles at save
 * time and stops a run after 5 minutes (§3.1); the local org guards by count, not wall-clock. */
export const DEFAULT_MAX_STEPS = 100;

/** Timeout of one `kustomer.rest-api.json` call. Kustomer's own value is not documented. */
export const DEFAULT_HTTP_TIMEOUT_MS = 30_000;

/**
 * A find action's output when nothing matches. Kustomer's real "not found" output is not documented;
 * what IS documented is how workflows test it: "check if the previous step's ID exists" (seed 001).
 * An empty object makes `/#steps.<id>.id` missing, so `dne` holds and `exists` does not.
 */
export function notFoundOutput(): Record<string, never> {
  return {};
}

/**
 * `exists` / `dne`. A value is present unless it is undefined (a missing path), null, or the empty
 * string: form hooks post unfilled fields as "", and a blank field is what authors mean by "does not
 * exist". Empty arrays, empty objects, 0 and false ARE present (they are values someone set).
 */
export function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

/**
 * `eq` / `neq`. Exports compare numbers with strings (`gt statusCode "200"`) and the builder stores
 * every typed-in operand as a string, so equality is loose the way the builder's operands need:
 * - identical values are equal; missing (undefined) and null are equal to each other only;
 * - two primitives are equal when their strings are equal ("200" = 200, "true" = true), or when both
 *   read as finite numbers that are equal ("1.0" = 1);
 * - objects and arrays are equal when their JSON (keys sorted) is equal.
 * Strings compare case-sensitively.
 */
export function looseEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || a === null || b === undefined || b === null) return (a ?? null) === (b ?? null);
  if (typeof a === 'object' || typeof b === 'object') {
    if (typeof a !== 'object' || typeof b !== 'object') return false;
    return stableJson(a) === stableJson(b);
  }
  if (String(a) === String(b)) return true;
  const x = toNumber(a);
  const y = toNumber(b);
  return x !== undefined && y !== undefined && x === y;
}

/**
 * The number a comparison operand reads as: numbers, numeric strings ("200", " 4.5 ") and nothing
 * else (no null → 0, no "" → 0, no booleans), so `gt` on a missing value is false, never 0 > x.
 */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * `gt` / `gte` / `lt` / `lte` operands: numbers (see toNumber); failing that, two ISO 8601 dates
 * compare by time, since `At` attributes and `{{date}}` are ISO strings. Anything else is not
 * comparable and the condition is false.
 */
export function toComparable(value: unknown): number | undefined {
  const n = toNumber(value);
  if (n !== undefined) return n;
  if (typeof value === 'string' && ISO_DATE.test(value)) {
    const t = Date.parse(value);
    return Number.isNaN(t) ? undefined : t;
  }
  return undefined;
}

/**
 * `contains`. Exports write `[path, [value]]`: the right side is a list of candidates, any of which
 * may match. A string left side contains a candidate when it includes the candidate's text; an array
 * left side contains it when one of its items loosely equals it. Numbers are read as their text.
 * Anything else (missing, objects) contains nothing.
 */
export function containsAny(haystack: unknown, needle: unknown): boolean {
  const candidates = Array.isArray(needle) ? needle : [needle];
  if (typeof haystack === 'string' || typeof haystack === 'number') {
    const text = String(haystack);
    return candidates.some(
      (c) => isPresent(c) && (typeof c === 'string' || typeof c === 'number') && text.includes(String(c)),
    );
  }
  if (Array.isArray(haystack)) return candidates.some((c) => haystack.some((item) => looseEquals(item, c)));
  return false;
}

/** `kustomer.regex-match.generic`: `regex` is a pattern, or `/pattern/flags`; `match` is the whole
 * first match, or null. (Only `{testString, regex}` → `match` is seen in exports.) */
export function parseRegex(regex: string): RegExp {
  const literal = /^\/(.*)\/([dgimsuy]*)$/s.exec(regex);
  return literal ? new RegExp(literal[1] ?? '', literal[2]) : new RegExp(regex);
}

/** The KObject fields `kustomer.kobject.create-with-customer` copies from its params into the API body
 * (Kustomer's system-app action definition, §3.4); `customer` and `company` are added for the
 * plain create and update actions, whose bodies follow `POST /v1/klasses/{name}` (§2). */
export const KOBJECT_BODY_FIELDS = [
  'externalId',
  'parent',
  'title',
  'description',
  'images',
  'icon',
  'data',
  'tags',
  'custom',
  'importedAt',
] as const;

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)),
        )
      : v,
  );
}

// --- events, callable and scheduled workflows (issue 10) ---

/**
 * How many events deep one chain may go before its workflows are not run: an API change is depth 0,
 * a workflow it triggers writes at depth 1, and so on; a call adds one too. Kustomer rejects cycles
 * inside one workflow at save time but does not document what stops two workflows triggering each
 * other (customer.update → update customer → ...); the local org stops at this depth and records
 * each workflow it did not run as a failed run that says why.
 */
export const MAX_EVENT_DEPTH = 8;

/**
 * `.update` events fire only when a field actually changed: an update that sends what is stored
 * raises nothing (Kustomer's conversation.update "fires on every new message", which the local org
 * does not model). Without this, any workflow that writes the object it was triggered by would loop.
 */
export const UPDATE_EVENTS_ONLY_ON_CHANGE = true;

/**
 * `kustomer.workflow.<id>.call` params: the callee's inputs (its trigger schema's properties), which
 * the callee reads as `/#steps.1.<input>` (§3.3). A params object that is exactly `{ inputs: {...} }`
 * is read as the body of `POST /v1/workflows/{id}/call` [R] instead.
 */
export function callInputs(params: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(params);
  const inputs = params.inputs;
  if (keys.length === 1 && inputs !== null && typeof inputs === 'object' && !Array.isArray(inputs))
    return inputs as Record<string, unknown>;
  return params;
}

/**
 * A callable workflow's response. Kustomer has a response action whose JSON was not captured; the
 * local org takes the output of the callee's last step, keeping only the properties of the workflow's
 * `response.schema` when it declares one (so a callee ends with a `kustomer.transform.generic` step
 * that shapes its answer). A callee that ran no step answers `{}`.
 */
export function calleeResponse(workflow: Record<string, unknown>, lastOutput: unknown): Record<string, unknown> {
  const output =
    lastOutput !== null && typeof lastOutput === 'object' && !Array.isArray(lastOutput)
      ? (lastOutput as Record<string, unknown>)
      : {};
  const schema = (workflow.response as { schema?: { properties?: Record<string, unknown> } } | undefined)?.schema;
  if (!schema?.properties) return structuredClone(output);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(schema.properties))
    if (output[key] !== undefined) out[key] = structuredClone(output[key]);
  return out;
}

/** A workflow is callable when its trigger says `callable: true` or its event is its own `.call`. */
export function isCallable(workflowId: string, workflow: Record<string, unknown>): boolean {
  const trigger = workflow.trigger as { callable?: unknown; eventName?: unknown } | undefined;
  return trigger?.callable === true || trigger?.eventName === `kustomer.workflow.${workflowId}.call`;
}

/**
 * The scheduler's `runAt`: `{ value: 10, type: "relative" }` is seen in exports [R] without its unit;
 * the local org reads relative values as MINUTES from now. `{ type: "absolute", value }` takes an ISO
 * date or epoch milliseconds. Anything else fails the step.
 */
export const SCHEDULER_RELATIVE_UNIT_MS = 60_000;

export function scheduledTime(runAt: unknown, now: Date, action: string): Date {
  const spec = runAt as { value?: unknown; type?: unknown } | undefined;
  const type = spec?.type ?? 'relative';
  const value = spec?.value;
  if (type === 'relative') {
    const n = toNumber(value);
    if (n === undefined || n < 0)
      throw new WorkflowRunError(
        `${action}: runAt.value must be a non-negative number of minutes, got ${JSON.stringify(value)}`,
      );
    return new Date(now.getTime() + n * SCHEDULER_RELATIVE_UNIT_MS);
  }
  if (type === 'absolute') {
    const t = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : Number.NaN;
    if (!Number.isFinite(t))
      throw new WorkflowRunError(
        `${action}: runAt.value must be an ISO date or epoch milliseconds, got ${JSON.stringify(value)}`,
      );
    return new Date(t);
  }
  throw new WorkflowRunError(`${action}: runAt.type must be "relative" or "absolute", got ${JSON.stringify(type)}`);
}

/**
 * `kustomer.transform.generic`: its params (already resolved: references and templates) are its
 * output, so later steps read `/#steps.<id>.<key>`. The action's own definition was not captured.
 */
export function transformOutput(params: Record<string, unknown>): Record<string, unknown> {
  return structuredClone(params);
}

/**
 * Value functions, written `/#fn:<name>,<arg>,<arg>` (the `/#fn:ifExists,steps.1.x` form in exports).
 * An argument starting `steps.` is a reference, anything else a literal.
 * - `parseInt,<value>[,<radix>]`: JavaScript's parseInt; a value that is not a number gives undefined
 *   (the param is left out), never NaN.
 * - `dateFormat,<date>[,<format>]`: the date (ISO or epoch ms) in UTC, formatted with moment-style
 *   tokens YYYY YY MM M DD D HH H hh h mm ss SSS A; no format gives the ISO string. An unreadable
 *   date gives undefined.
 */
export const VALUE_FUNCTIONS = ['parseInt', 'dateFormat'] as const;

export function parseIntValue(value: unknown, radix: unknown): number | undefined {
  const base = radix === undefined ? 10 : Number(radix);
  const n = Number.parseInt(String(value ?? ''), base);
  return Number.isNaN(n) ? undefined : n;
}

export function formatDate(value: unknown, format: unknown): string | undefined {
  const t =
    typeof value === 'number'
      ? value
      : typeof value === 'string'
        ? /^\d+$/.test(value)
          ? Number(value)
          : Date.parse(value)
        : Number.NaN;
  if (!Number.isFinite(t)) return undefined;
  const d = new Date(t);
  if (format === undefined || format === '') return d.toISOString();
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const h12 = d.getUTCHours() % 12 || 12;
  const tokens: Record<string, string> = {
    YYYY: String(d.getUTCFullYear()),
    YY: pad(d.getUTCFullYear() % 100),
    MM: pad(d.getUTCMonth() + 1),
    M: String(d.getUTCMonth() + 1),
    DD: pad(d.getUTCDate()),
    D: String(d.getUTCDate()),
    HH: pad(d.getUTCHours()),
    H: String(d.getUTCHours()),
    hh: pad(h12),
    h: String(h12),
    mm: pad(d.getUTCMinutes()),
    ss: pad(d.getUTCSeconds()),
    SSS: pad(d.getUTCMilliseconds(), 3),
    A: d.getUTCHours() < 12 ? 'AM' : 'PM',
  };
  return String(format).replace(/YYYY|YY|SSS|MM|M|DD|D|HH|H|hh|h|mm|ss|A/g, (token) => tokens[token] ?? token);
}
