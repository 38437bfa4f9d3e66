/**
 * Pure. The `raw` escape hatch: keys kac does not model, merged verbatim into the compiled JSON.
 * Objects merge key by key (so `raw: { meta: { x } }` adds to the compiled meta); anything else in
 * raw is taken as is. A raw value wins over a modelled one.
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../json.js';
import { compileValue } from './value.js';

export function mergeRaw(compiled: JsonObject, raw: JsonObject | undefined): JsonObject {
  if (raw === undefined) return compiled;
  const out: JsonObject = { ...compiled };
  for (const [key, value] of Object.entries(raw)) {
    const given = compileValue(value) as JsonValue;
    const had = out[key];
    out[key] = isJsonObject(had) && isJsonObject(given) ? mergeRaw(had, given) : given;
  }
  return out;
}
