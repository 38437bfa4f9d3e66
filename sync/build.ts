/** The compiler's build for the sync stages: refuses definitions with errors, as plan/apply/drift must. */
import { buildProject, type ProjectBuild } from '../compiler/build.js';
import { hasErrors } from '../compiler/diagnostics.js';
import { DiagnosticsError } from './errors.js';

export async function buildValidProject(root: string): Promise<ProjectBuild> {
  const build = await buildProject(root);
  if (hasErrors(build.diagnostics)) throw new DiagnosticsError(build.diagnostics);
  return build;
}
