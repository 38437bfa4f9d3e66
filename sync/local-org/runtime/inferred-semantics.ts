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
    return candidates.some((c) => isPresent(c) && (typeof c === 'string' || typeof c === 'number') && text.includes(String(c)));
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
export const KOBJECT_BODY_FIELDS = ['externalId', 'parent', 'title', 'description', 'images', 'icon', 'data', 'tags', 'custom', 'importedAt'] as const;

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  );
}
