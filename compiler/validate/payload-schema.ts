/**
 * Pure. Where a reference's path leads in a payload's JSON Schema, read as kac's generated types read
 * it: an object that lists its `properties` is closed (a workflow may only reference a documented
 * field, although the schema accepts more), `anyOf`/`oneOf`/`allOf` are alternatives (a field of any
 * one of them exists), branches that only say what is `required` add nothing, `$ref` follows local
 * definitions. An object or value of unknown shape is open: any path under it is accepted.
 */
import type { JsonSchema } from '../model/payload.js';

export type SchemaLookup =
  /** `types`: the JSON types the value can have (`null` included); undefined when the schema does not say. */
  | { kind: 'found'; types: string[] | undefined }
  /** Segment `index` is not in the schema; `known` are the fields at that level, for a did-you-mean. */
  | { kind: 'unknown'; index: number; known: string[] }
  | { kind: 'open' };

type SchemaObject = { readonly [keyword: string]: unknown };

const STRUCTURE = [
  'type',
  'properties',
  'items',
  '$ref',
  'anyOf',
  'oneOf',
  'allOf',
  'const',
  'enum',
  'additionalProperties',
];

export function lookupSchemaPath(root: JsonSchema, segments: readonly string[]): SchemaLookup {
  let current = alternatives(root, root);
  for (let i = 0; i < segments.length; i++) {
    if (current === 'open') return { kind: 'open' };
    const segment = segments[i]!;
    const next: SchemaObject[] = [];
    const known = new Set<string>();
    for (const schema of current) {
      const child = childSchema(schema, segment, known);
      if (child === 'open') return { kind: 'open' };
      if (child === undefined) continue;
      const expanded = alternatives(child, root);
      if (expanded === 'open') return { kind: 'open' };
      next.push(...expanded);
    }
    if (next.length === 0) return { kind: 'unknown', index: i, known: [...known].sort() };
    current = next;
  }
  if (current === 'open') return { kind: 'open' };
  const types = new Set<string>();
  for (const schema of current) {
    const own = typesOf(schema);
    if (own === undefined) return { kind: 'found', types: undefined };
    for (const t of own) types.add(t);
  }
  return { kind: 'found', types: [...types].sort() };
}

/** The schema's own shape plus its structural branches, $refs resolved; 'open' when nothing constrains it. */
function alternatives(schema: JsonSchema | unknown, root: JsonSchema, depth = 0): SchemaObject[] | 'open' {
  if (schema === true || typeof schema !== 'object' || schema === null || depth > 32) return 'open';
  const s = schema as SchemaObject;
  if (typeof s.$ref === 'string') {
    const target = resolveRef(root, s.$ref);
    return target === undefined ? 'open' : alternatives(target, root, depth + 1);
  }
  const out: SchemaObject[] = [];
  const own = ['type', 'properties', 'items', 'const', 'enum', 'additionalProperties'].some((k) => k in s);
  if (own) out.push(s);
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    const branches = s[key];
    if (!Array.isArray(branches)) continue;
    for (const branch of branches) {
      if (typeof branch === 'object' && branch !== null && !STRUCTURE.some((k) => k in branch)) continue; // `{ required: [...] }`
      const expanded = alternatives(branch, root, depth + 1);
      if (expanded === 'open') return 'open';
      out.push(...expanded);
    }
  }
  return out.length === 0 ? 'open' : out;
}

function childSchema(schema: SchemaObject, segment: string, known: Set<string>): unknown {
  const properties = schema.properties;
  if (typeof properties === 'object' && properties !== null) {
    for (const name of Object.keys(properties)) known.add(name);
    if (Object.hasOwn(properties, segment)) return (properties as SchemaObject)[segment];
    return undefined;
  }
  const types = typesOf(schema);
  if (types?.includes('array') || 'items' in schema) {
    if (!/^\d+$/.test(segment)) return undefined;
    const items = schema.items;
    return Array.isArray(items) ? (items[Number(segment)] ?? 'open') : (items ?? 'open');
  }
  if (types === undefined || types.includes('object')) {
    const extra = schema.additionalProperties;
    return typeof extra === 'object' && extra !== null ? extra : 'open';
  }
  return undefined; // a field of a string, number, boolean or null
}

function typesOf(schema: SchemaObject): string[] | undefined {
  const { type } = schema;
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string');
  const values = 'const' in schema ? [schema.const] : Array.isArray(schema.enum) ? schema.enum : undefined;
  if (values) return [...new Set(values.map(jsonTypeOf))];
  if (typeof schema.properties === 'object') return ['object'];
  return undefined;
}

function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'number') : typeof value;
}

function resolveRef(root: JsonSchema, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined; // another file: not followed
  let node: unknown = root;
  for (const raw of ref.slice(1).split('/').filter(Boolean)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return undefined;
    node = (node as SchemaObject)[key];
  }
  return node;
}
