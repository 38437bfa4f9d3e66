/**
 * The import operation: read the org's Kustomer objects, choose some (the namespace's by default;
 * `match` and `only` narrow or widen), generate one typed file per object and write them. An existing
 * file is never overwritten without `force`; a definition the project already has is regenerated in
 * its own file.
 */
import { fileURLToPath } from 'node:url';
import type { GeneratedFile } from '../import/generate.js';
import { planImport, selectLive, writeImport, type WriteResult } from '../import/import-org.js';
import { isManagedResource } from '../plan/ownership.js';
import type { LiveResource } from '../providers/provider.js';
import { signalOf, type OperationContext, type Target } from './context.js';
import { readLive } from './plan.js';

/** The kac checkout generated files import the authoring API from. */
export const KAC_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ImportOptions {
  namespace: string;
  /** Kind names (hook, klass, workflow, outbound-webhook, standard-attributes); default all. */
  only?: readonly string[];
  /** A name pattern (`*`, `?`); selects objects outside the namespace too. */
  match?: string;
  /** `kind:key` → the file the project already defines it in (existingFilesOf). */
  existingFiles: Record<string, string>;
  outDir: string;
  force: boolean;
  kacRoot?: string;
}

export interface ImportOutcome {
  selected: LiveResource[];
  files: GeneratedFile[];
  write: WriteResult;
  /** Selected names outside the namespace (kac will not manage them as they are). */
  outsideNamespace: string[];
  /** Environment variables to set: header values are never written to files. */
  envVars: string[];
}

export async function runImport(
  target: Target,
  options: ImportOptions,
  context: OperationContext & { write?: typeof writeImport },
): Promise<ImportOutcome> {
  const live = await readLive(
    target.providers.filter((p) => p.system === 'kustomer'),
    { logger: context.logger, ...signalOf(context) },
  );
  const selected = selectLive(live, {
    namespace: options.namespace,
    ...(options.only ? { only: options.only } : {}),
    ...(options.match !== undefined ? { match: options.match } : {}),
  });
  if (selected.length === 0)
    return {
      selected,
      files: [],
      write: { written: [], skipped: [], unchanged: [] },
      outsideNamespace: [],
      envVars: [],
    };
  const files = planImport({
    namespace: options.namespace,
    live,
    selected,
    existingFiles: options.existingFiles,
    outDir: options.outDir,
    kacRoot: options.kacRoot ?? KAC_ROOT,
  });
  const write = await (context.write ?? writeImport)(files, options.outDir, options.force);
  return {
    selected,
    files,
    write,
    outsideNamespace: [...new Set(selected.filter((r) => !isManagedResource(r, options.namespace)).map((r) => r.key))],
    envVars: [...new Set(files.flatMap((f) => f.envVars))].sort(),
  };
}
