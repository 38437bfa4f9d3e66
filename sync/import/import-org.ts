/**
 * `kac import`'s work: choose live objects (the namespace's by default; `--match` and `--only`
 * narrow or widen), generate their files, and write them under the out dir. An existing file is
 * never overwritten without `force`; a definition the project already has is regenerated in place.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { Model } from '../../compiler/model/project.js';
import { resourceId, type ResourceKind } from '../../compiler/resource.js';
import { ExitError } from '../errors.js';
import { isManagedResource } from '../plan/ownership.js';
import type { LiveResource } from '../providers/provider.js';
import { allocateImportPaths } from './file-names.js';
import { authoringSpecifierFor, generateSources, type GeneratedFile } from './generate.js';

/** `--only` names → resource kinds (a Klass is its two resources). */
export const IMPORT_KINDS: Record<string, ResourceKind[]> = {
  hook: ['kustomer.hook'],
  klass: ['kustomer.klass', 'kustomer.klass-attributes'],
  workflow: ['kustomer.workflow'],
  'outbound-webhook': ['kustomer.outbound-webhook'],
  'standard-attributes': ['kustomer.standard-attributes'],
};

export interface SelectOptions {
  namespace: string;
  /** Kind names from IMPORT_KINDS; default all. */
  only?: readonly string[];
  /** A name pattern (`*` and `?` wildcards); selects objects outside the namespace too. */
  match?: string;
}

export function selectLive(live: readonly LiveResource[], options: SelectOptions): LiveResource[] {
  const unknown = (options.only ?? []).filter((k) => !(k in IMPORT_KINDS));
  if (unknown.length > 0)
    throw new ExitError(
      `unknown kind ${unknown.map((k) => `"${k}"`).join(', ')} in --only`,
      1,
      `use ${Object.keys(IMPORT_KINDS).join(', ')}`,
    );
  const kinds = new Set(
    (options.only?.length ? options.only : Object.keys(IMPORT_KINDS)).flatMap((k) => IMPORT_KINDS[k]!),
  );
  const pattern = options.match === undefined ? undefined : globToRegExp(options.match);
  // A standard object is selected when it holds attributes kac owns (the live body holds only those).
  const worthAFile = (r: LiveResource) =>
    r.kind !== 'kustomer.standard-attributes' || Object.keys((r.body.properties ?? {}) as object).length > 0;
  return live.filter(
    (r) =>
      kinds.has(r.kind) && worthAFile(r) && (pattern ? pattern.test(r.key) : isManagedResource(r, options.namespace)),
  );
}

export function globToRegExp(glob: string): RegExp {
  const source = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`);
}

/** `kind:key` → the repo-relative file defining it, from a loaded project (hooks, Klasses, workflows, webhooks). */
export function existingFilesOf(
  model: Pick<Model, 'hooks' | 'klasses' | 'workflows' | 'outboundWebhooks' | 'standardAttributes'> | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (!model) return out;
  for (const { definition, file } of model.hooks) out[`kustomer.hook:${definition.name}`] = file;
  for (const { definition, file } of model.klasses) {
    out[`kustomer.klass:${definition.name}`] = file;
    out[`kustomer.klass-attributes:${definition.name}`] = file;
  }
  for (const { definition, file } of model.workflows) out[`kustomer.workflow:${definition.name}`] = file;
  for (const { definition, file } of model.outboundWebhooks) out[`kustomer.outbound-webhook:${definition.name}`] = file;
  for (const { definition, file } of model.standardAttributes ?? [])
    out[`kustomer.standard-attributes:${definition.object}`] = file;
  return out;
}

export interface ImportPlanOptions {
  namespace: string;
  /** Everything the org holds (context for ids and attributes). */
  live: readonly LiveResource[];
  /** The objects to write files for. */
  selected: readonly LiveResource[];
  /** From existingFilesOf(project model). */
  existingFiles: Record<string, string>;
  /** Where the files go, and the kac checkout their imports point at. */
  outDir: string;
  kacRoot: string;
}

/**
 * The files to write, each at the path of the definition the project already has (so importing
 * twice never makes a duplicate), else at its kind's default path.
 */
export function planImport(options: ImportPlanOptions): GeneratedFile[] {
  const selectedIds = new Set(options.selected.map(resourceId));
  return generateSources(options.selected, {
    namespace: options.namespace,
    context: options.live.filter((r) => !selectedIds.has(resourceId(r))),
    existingFiles: options.existingFiles,
    authoringSpecifier: authoringSpecifierFor(options.outDir, options.kacRoot),
    paths: allocateImportPaths(options.selected, options.existingFiles),
  });
}

export interface WriteResult {
  written: string[];
  /** Existing files with other content, left alone (no `force`). */
  skipped: string[];
  /** Existing files that already hold exactly the generated content. */
  unchanged: string[];
}

export async function writeImport(
  files: readonly GeneratedFile[],
  outDir: string,
  force: boolean,
): Promise<WriteResult> {
  const result: WriteResult = { written: [], skipped: [], unchanged: [] };
  const paths = new Set<string>();
  for (const f of files) {
    // Injective by construction (file-names.ts); a repeat here would silently lose an object.
    if (paths.has(f.path.toLowerCase()))
      throw new Error(`internal: two imported definitions were given the file ${f.path}`);
    paths.add(f.path.toLowerCase());
  }
  for (const f of files) {
    const path = join(outDir, f.path);
    if (existsSync(path)) {
      const current = await readFile(path, 'utf8');
      if (current === f.content) {
        result.unchanged.push(f.path);
        continue;
      }
      if (!force) {
        result.skipped.push(f.path);
        continue;
      }
    }
    await mkdir(dirname(path), { recursive: true });
    await writeFileAtomic(path, f.content);
    result.written.push(f.path);
  }
  return result;
}
