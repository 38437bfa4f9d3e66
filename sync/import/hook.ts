/** Pure. A live inbound hook body `{ name, description, type }` → `defineHook(...)`. */
import type { JsonObject } from '../../compiler/json.js';
import { call, jsonExpr, obj, quote, raw, writeExpr, type Expr } from './code.js';
import { descriptionFields, type SourcePlan } from './source-plan.js';

export function hookPlan(body: JsonObject, namespace: string): SourcePlan {
  const notes: string[] = [];
  const extra = Object.fromEntries(Object.entries(body).filter(([k]) => !['name', 'description', 'type'].includes(k)));
  const fields: { key: string; value: Expr }[] = [{ key: 'name', value: raw(quote(String(body.name))) }];
  fields.push(...descriptionFields(body.description, namespace));
  // `web` is defineHook's default; anything else is said explicitly.
  if (body.type !== undefined && body.type !== 'web')
    fields.push({ key: 'type', value: raw(quote(String(body.type))) });
  if (Object.keys(extra).length > 0) fields.push({ key: 'raw', value: jsonExpr(extra) }); // kept verbatim
  if (body.type !== undefined && body.type !== 'web' && body.type !== 'form')
    notes.push(`hook: type "${String(body.type)}" is not one kac manages`);
  return {
    imports: new Set(['defineHook']),
    defaults: [],
    envVars: new Set(),
    notes,
    write: (w) => writeExpr(w, call('defineHook', obj(fields))),
  };
}
