/**
 * Opening what an operation works on: the compiled project (the one build for the sync side, which
 * refuses definitions with errors and hands warnings to the caller) and an environment of
 * kac.config.ts (closed, with its local org, whatever happens).
 */
import { buildProject, type BuildOptions, type ProjectBuild } from '../../compiler/build.js';
import { hasErrors, type Diagnostic } from '../../compiler/diagnostics.js';
import type { KacConfig } from '../../compiler/model/config.js';
import type { Resource } from '../../compiler/resource.js';
import { resolveEnvironment, type Environment } from '../env/resolve-environment.js';
import { DiagnosticsError } from '../errors.js';
import type { Logger } from '../logger.js';

/**
 * Config → load → (type check) → validate → compile; throws DiagnosticsError on any error, passes each
 * warning to `onWarning`. `options.typecheck`: the CLI's validate, compile, plan and apply pass it.
 */
export async function buildValidProject(
  root: string,
  onWarning?: (warning: Diagnostic) => void,
  options: BuildOptions = {},
): Promise<ProjectBuild> {
  const build = await buildProject(root, options);
  if (hasErrors(build.diagnostics)) throw new DiagnosticsError(build.diagnostics);
  if (onWarning) for (const d of build.diagnostics) onWarning(d);
  return build;
}

export interface EnvironmentRequest {
  config: KacConfig;
  /** Desired resources (the Iterable provider builds confirmed live bodies from them). */
  desired: readonly Resource[];
  /** `--env`; undefined = the config's default (or KUSTOMER_BASE_URL + KUSTOMER_API_KEY). */
  name?: string | undefined;
  root: string;
  env: NodeJS.ProcessEnv;
  logger: Logger;
  /** Standard objects whose metadata to read (import: all); default those `desired` defines attributes for. */
  standardObjects?: readonly string[];
}

/** Runs `fn` with the environment open, closing it (and the local org) whatever happens. */
export async function withEnvironment<T>(
  request: EnvironmentRequest,
  fn: (environment: Environment) => Promise<T>,
): Promise<T> {
  const { name, ...rest } = request;
  const environment = await resolveEnvironment({ ...rest, ...(name ? { name } : {}) });
  try {
    return await fn(environment);
  } finally {
    await environment.close();
  }
}

/** Build the project, then run `fn` with its environment open. */
export async function withProject<T>(
  request: Omit<EnvironmentRequest, 'config' | 'desired'> & {
    onWarning?: (warning: Diagnostic) => void;
    typecheck?: boolean;
  },
  fn: (build: ProjectBuild, environment: Environment) => Promise<T>,
): Promise<T> {
  const { typecheck, ...rest } = request;
  const build = await buildValidProject(request.root, request.onWarning, typecheck === undefined ? {} : { typecheck });
  return withEnvironment({ ...rest, config: build.config, desired: build.resources }, (environment) =>
    fn(build, environment),
  );
}
