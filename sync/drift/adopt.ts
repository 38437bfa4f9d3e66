/**
 * `kac drift --adopt`: keep what was changed in the UI by rewriting the changed objects' definition
 * files from live state (the same generator as `kac import`). `planAdoption` is pure; `adoptDrift`
 * reads the org, then writes the files locally or, with `github`, opens or updates a pull request.
 */
import { fileURLToPath } from 'node:url';
import { getAtPath, isJsonObject, type JsonObject, type JsonPath } from '../../compiler/json.js';
import { mapStrings, secretPaths } from '../../compiler/placeholders.js';
import { resourceId, type Resource } from '../../compiler/resource.js';
import { buildDriftReport, type DriftItem } from './report.js';
import { resolveEnvironment } from '../env/resolve-environment.js';
import { buildValidProject } from '../build.js';
import type { Logger } from '../logger.js';
import { makePlan } from '../plan/make-plan.js';
import type { LiveResource } from '../providers/provider.js';
import { openAdoptPullRequest, type AdoptPullRequest, type GitHubTarget } from './adopt-github.js';
import type { GeneratedFile } from '../import/generate.js';
import { existingFilesOf, planImport, writeImport } from '../import/import-org.js';

const KAC_ROOT = fileURLToPath(new URL('../..', import.meta.url));

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
  /** Where the project's files are (for the generated imports); default the kac checkout itself. */
  outDir: string;
  kacRoot?: string;
}

/** Pure. Drift items → the files that make git match the org again. */
export function planAdoption(input: AdoptionInput): Adoption {
  const wanted = input.drift.filter((d) => d.bucket === 'changed-in-ui' || d.bucket === 'created-in-ui');
  // A Klass is one file for two resources: either one drifting rewrites both from live.
  const keys = new Set(wanted.flatMap((d) => (d.kind === 'kustomer.klass' || d.kind === 'kustomer.klass-attributes' ? [`kustomer.klass:${d.key}`, `kustomer.klass-attributes:${d.key}`] : [`${d.kind}:${d.key}`])));
  const desired = new Map(input.desired.map((r) => [resourceId(r), r]));
  const selected = input.live.filter((l) => keys.has(resourceId(l))).map((l) => keepDesiredSecrets(l, desired.get(resourceId(l))));
  const files = planImport({
    namespace: input.namespace,
    live: input.live,
    selected,
    existingFiles: input.existingFiles,
    outDir: input.outDir,
    kacRoot: input.kacRoot ?? KAC_ROOT,
  });
  const fileOf = (kind: Resource['kind'], key: string) => files.find((f) => f.resources.some((r) => r.kind === kind && r.key === key))?.path;
  const adopted: AdoptedObject[] = wanted
    .map((d) => ({ kind: d.kind, key: d.key, bucket: d.bucket as AdoptedObject['bucket'], path: fileOf(d.kind, d.key) ?? '', notes: d.notes }))
    .filter((a) => a.path !== '');
  const deletedInUi = input.drift.filter((d) => d.bucket === 'deleted-in-ui').map((d) => ({ kind: d.kind, key: d.key }));
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

export interface AdoptOptions {
  root: string;
  /** `--env`; undefined = the config's default. */
  environment?: string;
  env: NodeJS.ProcessEnv;
  logger: Logger;
  /** Open or update a pull request instead of writing files locally. */
  github?: GitHubTarget;
}

export interface AdoptResult {
  adoption: Adoption;
  /** Files written locally (without `github`). */
  written: string[];
  pullRequest?: AdoptPullRequest;
}

export async function adoptDrift(options: AdoptOptions): Promise<AdoptResult> {
  const build = await buildValidProject(options.root);
  const environment = await resolveEnvironment({
    config: build.config,
    ...(options.environment ? { name: options.environment } : {}),
    root: options.root,
    env: options.env,
    logger: options.logger,
    desired: build.resources,
  });
  try {
    const { plan, live } = await makePlan({
      namespace: build.config.namespace,
      desired: build.resources,
      environment,
      env: options.env,
      logger: options.logger,
      inspect: false,
    });
    const adoption = planAdoption({
      namespace: build.config.namespace,
      environment: environment.name,
      drift: buildDriftReport(plan).items,
      desired: build.resources,
      live,
      existingFiles: existingFilesOf(build.model),
      outDir: options.root,
    });
    if (options.github) {
      const pullRequest = await openAdoptPullRequest(options.github, adoption, options.logger);
      return { adoption, written: [], ...(pullRequest ? { pullRequest } : {}) };
    }
    const { written } = await writeImport(adoption.files, options.root, true);
    return { adoption, written };
  } finally {
    await environment.close();
  }
}
