/**
 * Pure. A Klass's two live bodies (`kustomer.klass`, `kustomer.klass-attributes`) → `defineKlass(...)`.
 * An attribute's API name is its key plus its kind's suffix, so the suffix is stripped to get the key
 * and decides the kind (Str → string, or dropdown with an enumeration; Id → reference(target) ...).
 */
import { isJsonObject, type JsonObject } from '../../compiler/json.js';
import { defaultDisplayName } from '../../compiler/model/klass.js';
import { call, obj, quote, raw, arr, writeExpr, type Expr } from './code.js';
import type { SourcePlan } from './source-plan.js';
import type { KlassInScope } from './workflow-actions.js';

/** Suffix → the attribute builder, the metadata `type` it compiles to, and what a mapping value must be. */
const SUFFIXES = [
  { suffix: 'Bool', kind: 'boolean', type: 'boolean', expect: 'boolean' },
  { suffix: 'Str', kind: 'string', type: 'string', expect: 'string' },
  { suffix: 'Txt', kind: 'text', type: 'text', expect: 'string' },
  { suffix: 'Num', kind: 'number', type: 'number', expect: 'number' },
  { suffix: 'Url', kind: 'url', type: 'url', expect: 'string' },
  { suffix: 'At', kind: 'date', type: 'date', expect: 'string' },
  { suffix: 'Id', kind: 'reference', type: 'id', expect: 'string' },
] as const;

const ATTRIBUTE_KEYS = ['type', 'displayName', 'description', 'enumeration', 'target', 'multi'];
const KLASS_KEYS = ['name', 'displayName', 'icon', 'color', 'status'];

export interface ParsedAttribute {
  apiName: string;
  key: string;
  expr: Expr;
  scope: { expect: 'string' | 'number' | 'boolean' | 'dropdown'; options?: readonly string[] };
}

/** Reads one property; undefined (with a note) when the authoring API cannot express it. Shared with standard objects. */
export function parseAttribute(apiName: string, prop: JsonObject, notes: string[]): ParsedAttribute | undefined {
  const rule = SUFFIXES.find((s) => apiName.endsWith(s.suffix) && apiName.length > s.suffix.length);
  if (!rule) return void notes.push(`attribute ${apiName}: its name has no type suffix (Str, Txt, Num, At, Bool, Url, Id)`);
  if (prop.type !== rule.type) return void notes.push(`attribute ${apiName}: type "${String(prop.type)}" does not match its suffix ${rule.suffix}`);
  const extra = Object.keys(prop).filter((k) => !ATTRIBUTE_KEYS.includes(k));
  if (extra.length > 0) notes.push(`attribute ${apiName}: ${extra.join(', ')} would be lost`);
  const key = apiName.slice(0, -rule.suffix.length);
  const options: { key: string; value: Expr }[] = [];
  if (typeof prop.displayName === 'string' && prop.displayName !== defaultDisplayName(key))
    options.push({ key: 'displayName', value: raw(quote(prop.displayName)) });
  if (prop.displayName === undefined) notes.push(`attribute ${apiName}: has no displayName; kac sets "${defaultDisplayName(key)}"`);
  if (typeof prop.description === 'string') options.push({ key: 'description', value: raw(quote(prop.description)) });
  const enumeration = prop.enumeration;
  if (enumeration !== undefined && (rule.kind !== 'string' || !Array.isArray(enumeration) || !enumeration.every((o) => typeof o === 'string')))
    return void notes.push(`attribute ${apiName}: an enumeration on a non-string attribute or with non-string options`);
  if (Array.isArray(enumeration)) {
    const list = enumeration as string[];
    const args = [arr(list.map((o) => raw(quote(o)))), ...(options.length > 0 ? [obj(options)] : [])];
    return { apiName, key, expr: call('attribute.dropdown', ...args), scope: { expect: 'dropdown', options: list } };
  }
  if (rule.kind === 'reference') {
    if (typeof prop.target !== 'string') return void notes.push(`attribute ${apiName}: a reference without a target`);
    if (typeof prop.multi === 'boolean') options.push({ key: 'multi', value: raw(String(prop.multi)) });
    const args = [raw(quote(prop.target)), ...(options.length > 0 ? [obj(options)] : [])];
    return { apiName, key, expr: call('attribute.reference', ...args), scope: { expect: 'string' } };
  }
  if (prop.target !== undefined || prop.multi !== undefined) notes.push(`attribute ${apiName}: target/multi on a non-reference attribute would be lost`);
  return { apiName, key, expr: call(`attribute.${rule.kind}`, ...(options.length > 0 ? [obj(options)] : [])), scope: { expect: rule.expect } };
}

export interface KlassImport {
  plan: SourcePlan;
  /** Attributes by API name, for typed KObject steps in workflows. */
  attributes: KlassInScope['attributes'];
}

export function klassPlan(name: string, klass: JsonObject | undefined, attributes: JsonObject | undefined): KlassImport {
  const notes: string[] = [];
  const fields: { key: string; value: Expr }[] = [{ key: 'name', value: raw(quote(name)) }];
  if (klass) {
    const extra = Object.keys(klass).filter((k) => !KLASS_KEYS.includes(k));
    if (extra.length > 0) notes.push(`klass: ${extra.join(', ')} would be lost`);
    if (klass.status !== 'enabled') notes.push(`klass: status "${String(klass.status)}" (kac always writes "enabled")`);
    // The compiler's default display name is the name title-cased: written only when it differs.
    if (typeof klass.displayName === 'string' && klass.displayName !== defaultDisplayName(name))
      fields.push({ key: 'displayName', value: raw(quote(klass.displayName)) });
    if (typeof klass.displayName !== 'string') notes.push(`klass: has no displayName; kac sets "${defaultDisplayName(name)}"`);
    for (const key of ['icon', 'color'] as const) if (typeof klass[key] === 'string') fields.push({ key, value: raw(quote(klass[key])) });
  }
  const parsed: ParsedAttribute[] = [];
  const props = attributes && isJsonObject(attributes.properties) ? attributes.properties : {};
  if (attributes) {
    const extra = Object.keys(attributes).filter((k) => k !== 'properties');
    if (extra.length > 0) notes.push(`klass metadata: ${extra.join(', ')} would be lost`);
  }
  for (const [apiName, prop] of Object.entries(props)) {
    if (!isJsonObject(prop)) {
      notes.push(`attribute ${apiName}: not an object`);
      continue;
    }
    const attr = parseAttribute(apiName, prop, notes);
    if (attr && parsed.some((p) => p.key === attr.key)) notes.push(`attribute ${apiName}: its key "${attr.key}" is taken by another attribute`);
    else if (attr) parsed.push(attr);
  }
  fields.push({ key: 'attributes', value: obj(parsed.map((a) => ({ key: a.key, value: a.expr }))) });
  const imports = new Set(['defineKlass', ...(parsed.length > 0 ? ['attribute'] : [])]);
  return {
    attributes: new Map(parsed.map((a) => [a.apiName, a.scope])),
    plan: {
      imports,
      defaults: [],
      envVars: new Set(),
      notes,
      write: (w) => writeExpr(w, call('defineKlass', obj(fields))),
    },
  };
}
