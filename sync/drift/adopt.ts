/**
 * `kac drift --adopt`: keep what was changed in the UI by rewriting the changed objects' definition
 * files from live state (the same generator as `kac import`). Pure; the operation that reads the org
 * and writes the files or opens the pull request is sync/operations/adopt.ts.
 */
import { getAtPath, isJsonObject, type JsonObject, type JsonPath } from '../../compiler/json.js';
import { mapStrings, secretPaths } from '../../compiler/placeholders.js';
import { resourceId, type Resource } from '../../compiler/resource.js';
import { buildDriftReport, type DriftItem } from './report.js';
import type { LiveResource } from '../providers/provider.js';
import type { GeneratedFile } from '../import/generate.js';
import { planImport } from '../import/import-org.js';

export interface AdoptedObject {
  kind: Resource['kind'];
  key: string;
  bucket: 'changed-in-ui' | 'created-in-ui';
  /** The file rewritten (or written) from live state. */
  path: string;
  /** What changed, in the planner's words. */
  notes: string[];
}

export interface Adoption {
  environment: string;
  adopted: AdoptedObject[];
  files: GeneratedFile[];
  /** Deleted in the UI: not adopted (apply main to recreate them, or delete their files by hand). */
  deletedInUi: { kind: Resource['kind']; key: string }[];
}

export interface AdoptionInput {
  namespace: string;
  environment: string;
  drift: readonly DriftItem[];
  desired: readonly Resource[];
  live: readonly LiveResource[];
  existingFiles: Record<string, string>;
  /** Where the project's files are. */
  outDir: string;
  /** The kac checkout the generated files import the authoring API from. */
  kacRoot: string;
}

/** Pure. Drift items → the files that make git match the org again. */
export function planAdoption(input: AdoptionInput): Adoption {
  const wanted = input.drift.filter((d) => d.bucket === 'changed-in-ui' || d.bucket === 'created-in-ui');
  // A Klass is one file for two resources: either one drifting rewrites both from live.
  const keys = new Set(
    wanted.flatMap((d) =>
      d.kind === 'kustomer.klass' || d.kind === 'kustomer.klass-attributes'
        ? [`kustomer.klass:${d.key}`, `kustomer.klass-attributes:${d.key}`]
        : [`${d.kind}:${d.key}`],
    ),
  );
  const desired = new Map(input.desired.map((r) => [resourceId(r), r]));
  const selected = input.live
    .filter((l) => keys.has(resourceId(l)))
    .map((l) => keepDesiredSecrets(l, desired.get(resourceId(l))));
  const files = planImport({
    namespace: input.namespace,
    live: input.live,
    selected,
    existingFiles: input.existingFiles,
    outDir: input.outDir,
    kacRoot: input.kacRoot,
  });
  const fileOf = (kind: Resource['kind'], key: string) =>
    files.find((f) => f.resources.some((r) => r.kind === kind && r.key === key))?.path;
  const adopted: AdoptedObject[] = wanted
    .map((d) => ({
      kind: d.kind,
      key: d.key,
      bucket: d.bucket as AdoptedObject['bucket'],
      path: fileOf(d.kind, d.key) ?? '',
      notes: d.notes,
    }))
    .filter((a) => a.path !== '');
  const deletedInUi = input.drift
    .filter((d) => d.bucket === 'deleted-in-ui')
    .map((d) => ({ kind: d.kind, key: d.key }));
  return { environment: input.environment, adopted, files, deletedInUi };
}

/**
 * Where main holds a secret placeholder, the regenerated file keeps it (same env var name), instead
 * of writing the live value or inventing a new variable: secrets stay where the team put them.
 */
export function keepDesiredSecrets(live: LiveResource, desired: Resource | undefined): LiveResource {
  if (!desired) return live;
  const paths = secretPaths(desired.body);
  if (paths.length === 0) return live;
  const same = (a: JsonPath, b: JsonPath) => a.length === b.length && a.every((k, i) => k === b[i]);
  const body = mapStrings(live.body, (value, path) => {
    const match = paths.find((p) => same(p, path));
    if (!match || !sameOwner(live.body, desired.body, path)) return value;
    return getAtPath(desired.body, match) as string;
  }) as JsonObject;
  return { ...live, body };
}

/** The objects holding the value have the same `name` (a header) or `id` (a step), if they have one. */
function sameOwner(a: JsonObject, b: JsonObject, path: JsonPath): boolean {
  for (let i = path.length - 1; i > 0; i--) {
    const pa = getAtPath(a, path.slice(0, i));
    const pb = getAtPath(b, path.slice(0, i));
    if (isJsonObject(pa) && isJsonObject(pb) && (pa.name !== pb.name || pa.id !== pb.id)) return false;
  }
  return true;
}
