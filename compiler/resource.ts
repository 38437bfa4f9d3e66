/**
 * The one vocabulary both sides of a diff speak. Desired resources come from the compiler, live ones
 * from providers; plan compares them by (kind, key).
 */
import type { JsonObject, JsonPath } from './json.js';

export const RESOURCE_KINDS = [
  'kustomer.hook',
  'kustomer.klass',
  'kustomer.klass-attributes',
  'kustomer.standard-attributes',
  'kustomer.workflow',
  'kustomer.outbound-webhook',
  'iterable.journey-webhook',
] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** Apply order: a resource is created after everything of an earlier kind (removals run in reverse). */
export const KIND_ORDER: Record<ResourceKind, number> = {
  'kustomer.hook': 0,
  'kustomer.klass': 1,
  'kustomer.klass-attributes': 2,
  'kustomer.standard-attributes': 3,
  'kustomer.workflow': 4,
  'kustomer.outbound-webhook': 5,
  'iterable.journey-webhook': 6,
};

export interface ResourceRef {
  kind: ResourceKind;
  key: string;
}

/** Where an authored value was defined, repo-relative, 1-based. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

export interface Resource {
  kind: ResourceKind;
  /** Stable identity inside its kind: the system name (klass name, workflow name, hook name ...). */
  key: string;
  /** Exactly the body the system's API takes, with `<ref:...>` and `<secret:...>` placeholders. */
  body: JsonObject;
  dependsOn: ResourceRef[];
  /** Paths inside `body` whose values are secrets: redacted in every rendering. */
  sensitive: JsonPath[];
  source?: SourceLocation;
  /** An explicit rename hint: the key this resource had before. Never guessed. */
  renamedFrom?: string;
}

export function resourceId(ref: ResourceRef): string {
  return `${ref.kind}:${ref.key}`;
}

export function compareResources(a: ResourceRef, b: ResourceRef): number {
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}
