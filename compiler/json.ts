/** Plain JSON values: what every stage boundary carries. */
export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** A path into a JSON value, as keys and array indexes. */
export type JsonPath = (string | number)[];

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Serialises with object keys sorted at every depth, so the same value always gives the same bytes.
 * Arrays keep their order: in Kustomer JSON, order is meaning (steps, transitions: first match wins).
 */
export function canonicalJson(value: JsonValue, indent = 2): string {
  return JSON.stringify(sortKeys(value), null, indent);
}

export function sortKeys(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (isJsonObject(value)) {
    const out: JsonObject = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys(value[key] as JsonValue);
    return out;
  }
  return value;
}

export function getAtPath(value: JsonValue, path: JsonPath): JsonValue | undefined {
  let cur: JsonValue | undefined = value;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = Array.isArray(cur) ? cur[key as number] : (cur as JsonObject)[key as string];
  }
  return cur;
}

export function formatJsonPath(path: JsonPath): string {
  return path
    .map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`))
    .join('')
    .replace(/^\./, '');
}
