/**
 * Pure. A Klass's two live bodies (`kustomer.klass`, `kustomer.klass-attributes`) → `defineKlass(...)`.
 * An attribute's API name is its key plus its kind's suffix, so the suffix is stripped to get the key
 * and decides the kind (Str → string, or dropdown with an enumeration; Id → reference(target) ...).
 */
import { isJsonObject, type JsonObject } from '../../compiler/json.js';
import { defaultDisplayName } from '../../compiler/model/klass.js';
import { call, obj, quote, raw, arr, jsonExpr, writeExpr, type Expr } from './code.js';
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

/** `raw: { … }` holding the keys of `value` not in `known` (undefined when there are none). */
function rawOf(
  value: JsonObject,
  known: readonly string[],
  extra: JsonObject = {},
): { key: string; value: Expr } | undefined {
  const rest: JsonObject = { ...extra };
  for (const [k, v] of Object.entries(value)) if (!known.includes(k)) rest[k] = v;
  return Object.keys(rest).length > 0 ? { key: 'raw', value: jsonExpr(rest) } : undefined;
}

export interface ParsedAttribute {
  apiName: string;
  key: string;
  expr: Expr;
  scope: { expect: 'string' | 'number' | 'boolean' | 'dropdown'; options?: readonly string[] };
}

/**
 * Reads one property; undefined (with a note) when the authoring API cannot express it. `fullKey`:
 * the key is the API name itself (another attribute differs from it only by its suffix).
 */
export function parseAttribute(
  apiName: string,
  prop: JsonObject,
  notes: string[],
  fullKey = false,
): ParsedAttribute | undefined {
  const rule = SUFFIXES.find((s) => apiName.endsWith(s.suffix) && apiName.length > s.suffix.length);
  if (!rule)
    return void notes.push(`attribute ${apiName}: its name has no type suffix (Str, Txt, Num, At, Bool, Url, Id)`);
  if (prop.type !== rule.type)
    return void notes.push(
      `attribute ${apiName}: type "${String(prop.type)}" does not match its suffix ${rule.suffix}`,
    );
  const key = fullKey ? apiName : apiName.slice(0, -rule.suffix.length);
  const options: { key: string; value: Expr }[] = [];
  if (typeof prop.displayName === 'string' && prop.displayName !== defaultDisplayName(key))
    options.push({ key: 'displayName', value: raw(quote(prop.displayName)) });
  if (prop.displayName === undefined) options.push({ key: 'displayName', value: raw('null') });
  if (typeof prop.description === 'string') options.push({ key: 'description', value: raw(quote(prop.description)) });
  // Anything kac does not model (and a non-string displayName/description) is kept verbatim.
  const odd: JsonObject = {};
  for (const k of ['displayName', 'description'] as const)
    if (prop[k] !== undefined && typeof prop[k] !== 'string') odd[k] = prop[k]!;
  const rawEntry = rawOf(prop, ATTRIBUTE_KEYS, odd);
  if (rawEntry) options.push(rawEntry);
  const enumeration = prop.enumeration;
  if (
    enumeration !== undefined &&
    (rule.kind !== 'string' || !Array.isArray(enumeration) || !enumeration.every((o) => typeof o === 'string'))
  )
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
  if (prop.target !== undefined || prop.multi !== undefined)
    notes.push(`attribute ${apiName}: target/multi on a non-reference attribute would be lost`);
  return {
    apiName,
    key,
    expr: call(`attribute.${rule.kind}`, ...(options.length > 0 ? [obj(options)] : [])),
    scope: { expect: rule.expect },
  };
}

export interface KlassImport {
  plan: SourcePlan;
  /** Attributes by API name, for typed KObject steps in workflows. */
  attributes: KlassInScope['attributes'];
}

export function klassPlan(
  name: string,
  klass: JsonObject | undefined,
  attributes: JsonObject | undefined,
): KlassImport {
  const notes: string[] = [];
  const fields: { key: string; value: Expr }[] = [{ key: 'name', value: raw(quote(name)) }];
  let klassRaw: { key: string; value: Expr } | undefined;
  if (klass) {
    // The compiler writes a displayName only when given, so it is written whenever live has one.
    if (typeof klass.displayName === 'string')
      fields.push({ key: 'displayName', value: raw(quote(klass.displayName)) });
    for (const key of ['icon', 'color'] as const)
      if (typeof klass[key] === 'string') fields.push({ key, value: raw(quote(klass[key])) });
    // Everything else (status other than "enabled", mixins, klassSchema …, odd types) is kept verbatim.
    const odd: JsonObject = {};
    if (klass.status !== 'enabled') odd.status = klass.status ?? null;
    for (const key of ['displayName', 'icon', 'color'] as const)
      if (klass[key] !== undefined && typeof klass[key] !== 'string') odd[key] = klass[key]!;
    const rawEntry = rawOf(klass, KLASS_KEYS, odd);
    if (rawEntry) klassRaw = rawEntry;
  }
  const parsed: ParsedAttribute[] = [];
  const props = attributes && isJsonObject(attributes.properties) ? attributes.properties : {};
  if (attributes) {
    const extra = Object.keys(attributes).filter((k) => k !== 'properties');
    if (extra.length > 0) notes.push(`klass metadata: ${extra.join(', ')} would be lost`);
  }
  // Attributes that differ only by suffix (`orderStatusStr`, `orderStatusUrl`) keep their whole API name as key.
  const stems = new Map<string, number>();
  const stemOf = (apiName: string) =>
    SUFFIXES.find((s) => apiName.endsWith(s.suffix) && apiName.length > s.suffix.length)?.suffix;
  for (const apiName of Object.keys(props)) {
    const suffix = stemOf(apiName);
    if (suffix) stems.set(apiName.slice(0, -suffix.length), (stems.get(apiName.slice(0, -suffix.length)) ?? 0) + 1);
  }
  for (const [apiName, prop] of Object.entries(props)) {
    if (!isJsonObject(prop)) {
      notes.push(`attribute ${apiName}: not an object`);
      continue;
    }
    const suffix = stemOf(apiName);
    const attr = parseAttribute(
      apiName,
      prop,
      notes,
      suffix !== undefined && (stems.get(apiName.slice(0, -suffix.length)) ?? 0) > 1,
    );
    if (attr) parsed.push(attr);
  }
  fields.push({ key: 'attributes', value: obj(parsed.map((a) => ({ key: a.key, value: a.expr }))) });
  if (klassRaw) fields.push(klassRaw);
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
