/**
 * The whole compiler in one call, for the CLI, plan and bench: config → load → validate → compile.
 * Resources are compiled only when there is no error (warnings allow it). A missing or invalid
 * config throws ConfigError (compiler/load/config.ts).
 */
import { resolve } from 'node:path';
import { compileProject } from './compile/index.js';
import { compareDiagnostics, hasErrors, type Diagnostic } from './diagnostics.js';
import { loadConfig } from './load/config.js';
import { createCachedLocator } from './load/locate-cache.js';
import { loadProject } from './load/project.js';
import { typecheckSkipped } from './typecheck/skipped.js';
import type { KacConfig } from './model/config.js';
import type { Model } from './model/project.js';
import type { Resource } from './resource.js';
import { validateProject } from './validate/index.js';

export interface ProjectBuild {
  config: KacConfig;
  model: Model;
  /** Load, type-check and validation diagnostics, sorted, one per mistake. */
  diagnostics: Diagnostic[];
  /** Empty when `diagnostics` hold an error. */
  resources: Resource[];
}

export interface BuildOptions {
  /**
   * Type-check the authored files with tsc (compiler/typecheck/), in parallel with loading them.
   * Default false here (library callers and tests that build fixtures); the CLI's validate, compile,
   * plan and apply pass true unless `--no-typecheck`, and `false` adds a warning saying what was skipped.
   */
  typecheck?: boolean;
}

export async function buildProject(root: string, options: BuildOptions = {}): Promise<ProjectBuild> {
  const absRoot = resolve(root);
  // tsc runs as a child process: start it first so it overlaps the loader's work.
  const typecheck = options.typecheck
    ? import('./typecheck/index.js').then((m) => m.typecheckProject(absRoot))
    : undefined;
  // Handled from the start: a failure is reported where it is awaited, never as an unhandled rejection.
  typecheck?.catch(() => undefined);
  try {
    return await buildWith(absRoot, options, typecheck);
  } catch (error) {
    // A failing config (or loader) throws: let the type check's process end before the caller goes
    // on, so nothing still writes under .kac/ once the command has returned.
    await typecheck?.catch(() => undefined);
    throw error;
  }
}

async function buildWith(
  absRoot: string,
  options: BuildOptions,
  typecheck: Promise<{ diagnostics: Diagnostic[] }> | undefined,
): Promise<ProjectBuild> {
  const config = await loadConfig(absRoot);
  const { model, diagnostics: loadDiagnostics } = await loadProject(absRoot, config);
  const locator = createCachedLocator(absRoot);
  const kac = [...loadDiagnostics, ...validateProject(model, { locator })];
  await locator.persist();
  const diagnostics = typecheck
    ? (await import('./typecheck/merge.js')).mergeTypecheckDiagnostics(kac, (await typecheck).diagnostics)
    : [...kac, ...(options.typecheck === false ? [typecheckSkipped()] : [])].sort(compareDiagnostics);
  const resources = hasErrors(diagnostics) ? [] : compileProject(model);
  return { config, model, diagnostics, resources };
}
