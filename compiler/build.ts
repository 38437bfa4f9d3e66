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
import type { KacConfig } from './model/config.js';
import type { Model } from './model/project.js';
import type { Resource } from './resource.js';
import { validateProject } from './validate/index.js';

export interface ProjectBuild {
  config: KacConfig;
  model: Model;
  /** Load and validation diagnostics, sorted. */
  diagnostics: Diagnostic[];
  /** Empty when `diagnostics` hold an error. */
  resources: Resource[];
}

export async function buildProject(root: string): Promise<ProjectBuild> {
  const absRoot = resolve(root);
  const config = await loadConfig(absRoot);
  const { model, diagnostics: loadDiagnostics } = await loadProject(absRoot, config);
  const locator = createCachedLocator(absRoot);
  const diagnostics = [...loadDiagnostics, ...validateProject(model, { locator })].sort(compareDiagnostics);
  await locator.persist();
  const resources = hasErrors(diagnostics) ? [] : compileProject(model);
  return { config, model, diagnostics, resources };
}
