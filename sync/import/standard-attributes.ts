/**
 * Pure. kac's attributes on a standard object (the live `kustomer.standard-attributes` body holds
 * only the owned ones) → `defineAttributes('<object>', { … })`, one file per object under
 * `klasses/standard/`. Each attribute is read as a Klass attribute is (suffix → kind).
 */
import { isJsonObject, type JsonObject } from '../../compiler/json.js';
import { call, obj, quote, raw, writeExpr } from './code.js';
import { parseAttribute, type ParsedAttribute } from './klass.js';
import type { SourcePlan } from './source-plan.js';

export const STANDARD_ATTRIBUTES_DIR = 'klasses/standard';

export function standardAttributesPlan(object: string, body: JsonObject): SourcePlan {
  const notes: string[] = [];
  const extra = Object.keys(body).filter((k) => k !== 'properties');
  if (extra.length > 0) notes.push(`${object} metadata: ${extra.join(', ')} would be lost`);
  const props = isJsonObject(body.properties) ? body.properties : {};
  const parsed: ParsedAttribute[] = [];
  for (const apiName of Object.keys(props).sort()) {
    const prop = props[apiName];
    if (!isJsonObject(prop)) {
      notes.push(`attribute ${apiName}: not an object`);
      continue;
    }
    const attr = parseAttribute(apiName, prop, notes);
    if (attr && parsed.some((p) => p.key === attr.key))
      notes.push(`attribute ${apiName}: its key "${attr.key}" is taken by another attribute`);
    else if (attr) parsed.push(attr);
  }
  const attributes = obj(parsed.map((a) => ({ key: a.key, value: a.expr })));
  return {
    imports: new Set(['defineAttributes', ...(parsed.length > 0 ? ['attribute'] : [])]),
    defaults: [],
    envVars: new Set(),
    notes,
    write: (w) => writeExpr(w, call('defineAttributes', raw(quote(object)), attributes)),
  };
}
