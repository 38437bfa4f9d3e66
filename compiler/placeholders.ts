/**
 * Values that only exist later, written into compiled bodies as visible placeholders:
 * - `<ref:kustomer.hook:regal-events:id>`: a field of another resource, known after it is created
 *   (the hook id inside a workflow trigger's eventName). Resolved by the sync at plan/apply time.
 * - `<secret:REGAL_API_KEY>`: an environment variable's value, substituted only when a request is
 *   sent. The value never reaches dist/, plans, logs or comments.
 */
import type { JsonValue, JsonPath } from './json.js';
import { RESOURCE_KINDS, type ResourceKind, type ResourceRef } from './resource.js';

export interface ReferencePlaceholder extends ResourceRef {
  field: string;
}

const REF_PATTERN = /<ref:([a-z.-]+):([A-Za-z0-9_.-]+):([A-Za-z]+)>/g;
const SECRET_PATTERN = /<secret:([A-Z_][A-Z0-9_]*)>/g;

export function refPlaceholder(ref: ReferencePlaceholder): string {
  return `<ref:${ref.kind}:${ref.key}:${ref.field}>`;
}

export function secretPlaceholder(envVar: string): string {
  return `<secret:${envVar}>`;
}

export function findRefs(text: string): ReferencePlaceholder[] {
  return [...text.matchAll(REF_PATTERN)]
    .filter((m) => (RESOURCE_KINDS as readonly string[]).includes(m[1]!))
    .map((m) => ({ kind: m[1] as ResourceKind, key: m[2]!, field: m[3]! }));
}

export function findSecrets(text: string): string[] {
  return [...text.matchAll(SECRET_PATTERN)].map((m) => m[1]!);
}

/** Replaces every ref placeholder in a string through `resolve`; unresolved ones stay as they are. */
export function replaceRefs(text: string, resolve: (ref: ReferencePlaceholder) => string | undefined): string {
  return text.replace(
    REF_PATTERN,
    (whole, kind: string, key: string, field: string) => resolve({ kind: kind as ResourceKind, key, field }) ?? whole,
  );
}

export function replaceSecrets(text: string, resolve: (envVar: string) => string | undefined): string {
  return text.replace(SECRET_PATTERN, (whole, name: string) => resolve(name) ?? whole);
}

/** Maps every string inside a JSON value, keeping structure. */
export function mapStrings(
  value: JsonValue,
  fn: (s: string, path: JsonPath) => string,
  path: JsonPath = [],
): JsonValue {
  if (typeof value === 'string') return fn(value, path);
  if (Array.isArray(value)) return value.map((v, i) => mapStrings(v, fn, [...path, i]));
  if (value !== null && typeof value === 'object') {
    const out: { [k: string]: JsonValue } = {};
    for (const [k, v] of Object.entries(value)) out[k] = mapStrings(v, fn, [...path, k]);
    return out;
  }
  return value;
}

/** Every path whose string holds a secret placeholder. */
export function secretPaths(value: JsonValue): JsonPath[] {
  const paths: JsonPath[] = [];
  mapStrings(value, (s, path) => {
    if (findSecrets(s).length > 0) paths.push(path);
    return s;
  });
  return paths;
}
