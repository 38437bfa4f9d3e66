/**
 * The adopt operation (`kac drift --adopt`): keep what was changed in the UI. Plan git against the
 * org, turn the drift into regenerated definition files (sync/drift/adopt.ts, pure), then hand them to
 * the caller's sink: written locally, or a pull request on `kac/adopt-<env>`.
 */
import type { ProjectBuild } from '../../compiler/build.js';
import { planAdoption, type Adoption } from '../drift/adopt.js';
import { buildDriftReport } from '../drift/report.js';
import { existingFilesOf, writeImport } from '../import/import-org.js';
import type { OperationContext, Target } from './context.js';
import { KAC_ROOT } from './import.js';
import { runPlan } from './plan.js';

export interface AdoptOptions {
  build: Pick<ProjectBuild, 'config' | 'model' | 'resources'>;
  /** The project root: where the files are rewritten. */
  root: string;
  kacRoot?: string;
}

export interface AdoptResult<P> {
  adoption: Adoption;
  /** Files written locally (the default sink). */
  written: string[];
  /** What a `publish` sink returned (e.g. the pull request). */
  published?: P;
}

export async function runAdopt<P = never>(
  target: Target,
  options: AdoptOptions,
  context: OperationContext & { publish?: (adoption: Adoption) => Promise<P> },
): Promise<AdoptResult<P>> {
  const { config, model, resources } = options.build;
  const { plan, live } = await runPlan(
    target,
    { namespace: config.namespace, desired: resources, inspect: false },
    context,
  );
  const adoption = planAdoption({
    namespace: config.namespace,
    environment: target.name,
    drift: buildDriftReport(plan).items,
    desired: resources,
    live,
    existingFiles: existingFilesOf(model),
    outDir: options.root,
    kacRoot: options.kacRoot ?? KAC_ROOT,
  });
  if (context.publish) return { adoption, written: [], published: await context.publish(adoption) };
  const { written } = await writeImport(adoption.files, options.root, true);
  return { adoption, written };
}
