/**
 * `kac import [--env E] [--only kind,...] [--match <pattern>] [--out <dir>] [--force]`: the live org
 * → typed definition files (one per object). Never overwrites a file without --force; says which
 * files it wrote, left alone, and which secrets to set.
 */
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../../../compiler/load/config.js';
import { loadProject } from '../../../compiler/load/project.js';
import type { KacConfig } from '../../../compiler/model/config.js';
import { DiagnosticsError } from '../../errors.js';
import { existingFilesOf, planImport, selectLive, writeImport } from '../../import/import-org.js';
import { isManaged } from '../../plan/ownership.js';
import { readLive } from '../../plan/make-plan.js';
import type { CliIo } from '../io.js';
import type { RegisterCommand } from './index.js';
import { withEnvironment } from './plan.js';

/** The kac checkout generated files import the authoring API from. */
const KAC_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export interface ImportCommandOptions {
  env?: string;
  only?: string;
  match?: string;
  out?: string;
  force?: boolean;
  root?: string;
}

export async function loadConfigForCli(root: string): Promise<KacConfig> {
  try {
    return await loadConfig(root);
  } catch (error) {
    if (error instanceof ConfigError) throw new DiagnosticsError(error.diagnostics);
    throw error;
  }
}

export async function runImport(options: ImportCommandOptions, io: CliIo): Promise<void> {
  const root = resolve(io.cwd, options.root ?? '.');
  const outDir = resolve(io.cwd, options.out ?? root);
  const config = await loadConfigForCli(root);
  // Definitions the project already has are regenerated in their own files, never duplicated.
  const existingFiles = outDir === root ? existingFilesOf((await loadProject(root, config)).model) : {};
  let source = '';
  const live = await withEnvironment({ config, resources: [] }, options.env, root, io, (env) => {
    source = `${env.name} (${env.target})`;
    return readLive(
      env.providers.filter((p) => p.system === 'kustomer'),
      { logger: io.logger },
    );
  });
  const only = options.only?.split(',').map((k) => k.trim()).filter(Boolean);
  const selected = selectLive(live, { namespace: config.namespace, ...(only ? { only } : {}), ...(options.match ? { match: options.match } : {}) });
  if (selected.length === 0) {
    io.err(
      options.match
        ? `Nothing in the org matches "${options.match}".`
        : `Nothing in the org is in the namespace "${config.namespace}"; use --match '<pattern>' to import other objects.`,
    );
    return;
  }
  const files = planImport({ namespace: config.namespace, live, selected, existingFiles, outDir, kacRoot: KAC_ROOT });
  const result = await writeImport(files, outDir, options.force ?? false);
  const shown = (path: string) => relative(io.cwd, resolve(outDir, path)) || path;
  for (const path of result.written) io.out(`wrote     ${shown(path)}`);
  for (const path of result.unchanged) io.out(`unchanged ${shown(path)}`);
  for (const path of result.skipped) io.err(`skipped   ${shown(path)}: the file exists and differs (--force overwrites it)`);
  for (const f of files) for (const note of f.notes) io.logger.warn(`${shown(f.path)}: ${note}`);
  const envVars = [...new Set(files.flatMap((f) => f.envVars))].sort();
  if (envVars.length > 0) {
    io.err(`Secrets are never written to files. Set these before plan/apply (the live values, which kac did not print):`);
    for (const name of envVars) io.err(`  ${name}`);
  }
  const outside = [...new Set(selected.filter((r) => !isManaged(r.key, config.namespace)).map((r) => r.key))];
  if (outside.length > 0) {
    io.logger.warn(
      `${outside.join(', ')} ${outside.length === 1 ? 'is' : 'are'} outside the namespace "${config.namespace}": kac manages only names starting with "${config.namespace}-". ` +
        `Rename a workflow, hook or webhook with renamedFrom: '<old name>' to adopt it (Klass names cannot change).`,
    );
  }
  // The count is what was written: a skipped file holds something else, an unchanged one held this already.
  const counts = [`${result.written.length} written`, ...(result.unchanged.length ? [`${result.unchanged.length} unchanged`] : []), ...(result.skipped.length ? [`${result.skipped.length} skipped`] : [])];
  io.err(`Imported ${files.length} definition file(s) from ${source}: ${counts.join(', ')}.${result.skipped.length ? '' : ` Next: kac plan${options.env ? ` --env ${options.env}` : ''} should show nothing to do.`}`);
}

export const registerImport: RegisterCommand = (program, io) => {
  program
    .command('import')
    .description('write typed definition files for the objects in a live org (the round trip plans to nothing)')
    .option('--env <name>', 'environment from kac.config.ts (default: defaultEnvironment, else local)')
    .option('--only <kinds>', 'comma-separated: hook, klass, workflow, outbound-webhook (default: all)')
    .option('--match <pattern>', "names to import, '*' and '?' wildcards (default: the namespace's objects)")
    .option('--out <dir>', 'where to write (default: the project root)')
    .option('--force', 'overwrite existing files that differ')
    .option('--root <dir>', 'project root with kac.config.ts (default: the current directory)')
    .action((options: ImportCommandOptions) => runImport(options, io));
};
