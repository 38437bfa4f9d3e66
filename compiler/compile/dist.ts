/**
 * Pure. Resources → the files of `dist/`: one canonical JSON per resource (keys sorted, arrays in
 * order, trailing newline) and `manifest.json` listing each with its body's sha256, dependencies,
 * source file, references and sensitive paths.
 */
import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from '../json.js';
import { findRefs, mapStrings, type ReferencePlaceholder } from '../placeholders.js';
import { compareResources, type Resource, type ResourceKind } from '../resource.js';

export interface DistFile {
  /** Relative to the out dir, `/`-separated. */
  path: string;
  content: string;
}

/** The folder of each kind inside dist/. Compile owns these folders: stale files in them are removed. */
export const DIST_FOLDERS: Record<ResourceKind, string> = {
  'kustomer.hook': 'kustomer/hooks',
  'kustomer.klass': 'kustomer/klasses',
  'kustomer.klass-attributes': 'kustomer/klass-attributes',
  'kustomer.standard-attributes': 'kustomer/standard-attributes',
  'kustomer.workflow': 'kustomer/workflows',
  'kustomer.outbound-webhook': 'kustomer/outbound-webhooks',
  'iterable.journey-webhook': 'iterable',
};

export const MANIFEST_FILE = 'manifest.json';

export function renderDist(resources: readonly Resource[]): DistFile[] {
  const sorted = [...resources].sort(compareResources);
  const files: DistFile[] = sorted.map((r) => ({ path: distPath(r), content: canonicalJson(r.body) + '\n' }));
  const manifest = {
    resources: sorted.map((r) => ({
      kind: r.kind,
      key: r.key,
      sha256: bodyHash(r.body),
      dependsOn: [...r.dependsOn].sort(compareResources).map((d) => ({ kind: d.kind, key: d.key })),
      source: r.source?.file ?? null,
      refs: refsOf(r.body).map((ref) => ({ kind: ref.kind, key: ref.key, field: ref.field })),
      sensitive: r.sensitive,
    })),
  };
  files.push({ path: MANIFEST_FILE, content: canonicalJson(manifest as unknown as JsonValue) + '\n' });
  return files;
}

/** Keys are system names; encoded so that no name can leave its folder. */
export function distPath(r: { kind: ResourceKind; key: string }): string {
  return `${DIST_FOLDERS[r.kind]}/${encodeURIComponent(r.key)}.json`;
}

export function bodyHash(body: JsonValue): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

/** Every `<ref:...>` placeholder in a body, unique, sorted. */
export function refsOf(body: JsonValue): ReferencePlaceholder[] {
  const found = new Map<string, ReferencePlaceholder>();
  mapStrings(body, (s) => {
    for (const ref of findRefs(s)) found.set(`${ref.kind}:${ref.key}:${ref.field}`, ref);
    return s;
  });
  return [...found.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, ref]) => ref);
}
