/**
 * `kac import [--env E] [--only kind,...] [--match <pattern>] [--out <dir>] [--force]`: the live org
 * → typed definition files (one per object), through sync/operations/import.ts. Never overwrites a
 * file without --force; says which files it wrote, left alone, and which secrets to set.
 */
import { relative, resolve } from 'node:path';
import { STANDARD_OBJECTS } from '../../../compiler/model/standard-attributes.js';
import { DiagnosticsError } from '../../errors.js';
import type { CliIo } from '../io.js';
import { cliContext, projectRoot } from '../shared.js';
import type { RegisterCommand } from './index.js';

export interface ImportCommandOptions {
  env?: string;
  only?: string;
  match?: string;
  out?: string;
  force?: boolean;
  root?: string;
}

async function runImportCommand(options: ImportCommandOptions, io: CliIo): Promise<void> {
  const root = projectRoot(io, options.root);
  const outDir = resolve(io.cwd, options.out ?? root);
  const [{ ConfigError, loadConfig }, { loadProject }, { existingFilesOf }, { withEnvironment }, { runImport }] =
    await Promise.all([
      import('../../../compiler/load/config.js'),
      import('../../../compiler/load/project.js'),
      import('../../import/import-org.js'),
      import('../../operations/project.js'),
      import('../../operations/import.js'),
    ]);
  const config = await loadConfig(root).catch((error: unknown) => {
    throw error instanceof ConfigError ? new DiagnosticsError(error.diagnostics) : error;
  });
  // Definitions the project already has are regenerated in their own files, never duplicated.
  const existingFiles = outDir === root ? existingFilesOf((await loadProject(root, config)).model) : {};
  const only = options.only
    ?.split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  let source = '';
  const outcome = await withEnvironment(
    { config, desired: [], standardObjects: STANDARD_OBJECTS, name: options.env, root, ...cliContext(io) },
    (env) => {
      source = `${env.name} (${env.target})`;
      return runImport(
        env,
        {
          namespace: config.namespace,
          ...(only ? { only } : {}),
          ...(options.match ? { match: options.match } : {}),
          existingFiles,
          outDir,
          force: options.force ?? false,
        },
        cliContext(io),
      );
    },
  );
  if (outcome.selected.length === 0) {
    io.err(
      options.match
        ? `Nothing in the org matches "${options.match}".`
        : `Nothing in the org is in the namespace "${config.namespace}"; use --match '<pattern>' to import other objects.`,
    );
    return;
  }
  const shown = (path: string) => relative(io.cwd, resolve(outDir, path)) || path;
  for (const path of outcome.write.written) io.out(`wrote     ${shown(path)}`);
  for (const path of outcome.write.unchanged) io.out(`unchanged ${shown(path)}`);
  for (const path of outcome.write.skipped)
    io.err(`skipped   ${shown(path)}: the file exists and differs (--force overwrites it)`);
  for (const f of outcome.files) for (const note of f.notes) io.logger.warn(`${shown(f.path)}: ${note}`);
  if (outcome.envVars.length > 0) {
    io.err(
      `Secrets are never written to files. Set these before plan/apply (the live values, which kac did not print):`,
    );
    for (const name of outcome.envVars) io.err(`  ${name}`);
  }
  const outside = outcome.outsideNamespace;
  if (outside.length > 0) {
    io.logger.warn(
      `${outside.join(', ')} ${outside.length === 1 ? 'is' : 'are'} outside the namespace "${config.namespace}": kac manages only names starting with "${config.namespace}-". ` +
        `Rename a workflow, hook or webhook with renamedFrom: '<old name>' to adopt it (Klass names cannot change).`,
    );
  }
  // The count is what was written: a skipped file holds something else, an unchanged one held this already.
  const { written, unchanged, skipped } = outcome.write;
  const counts = [
    `${written.length} written`,
    ...(unchanged.length ? [`${unchanged.length} unchanged`] : []),
    ...(skipped.length ? [`${skipped.length} skipped`] : []),
  ];
  io.err(
    `Imported ${outcome.files.length} definition file(s) from ${source}: ${counts.join(', ')}.${skipped.length ? '' : ` Next: kac plan${options.env ? ` --env ${options.env}` : ''} should show nothing to do.`}`,
  );
}

export const registerImport: RegisterCommand = (program, io) => {
  program
    .command('import')
    .description('write typed definition files for the objects in a live org (the round trip plans to nothing)')
    .option('--env <name>', 'environment from kac.config.ts (default: defaultEnvironment, else local)')
    .option(
      '--only <kinds>',
      'comma-separated: hook, klass, workflow, outbound-webhook, standard-attributes (default: all)',
    )
    .option('--match <pattern>', "names to import, '*' and '?' wildcards (default: the namespace's objects)")
    .option('--out <dir>', 'where to write (default: the project root)')
    .option('--force', 'overwrite existing files that differ')
    .option('--root <dir>', 'project root with kac.config.ts (default: the current directory)')
    .action((options: ImportCommandOptions) => runImportCommand(options, io));
};
