/**
 * Pure and deterministic: Model → Desired (Resource[], sorted by kind then key). One compiler per
 * definition kind; a new kind adds one entry to COMPILERS.
 */
import type { Model } from '../model/project.js';
import { compareResources, type Resource } from '../resource.js';
import { createCompileContext, type CompileContext } from './context.js';
import { compileHooks } from './hook.js';
import { compileKlasses } from './klass.js';
import { compileOutboundWebhooks } from './outbound-webhook.js';
import { compileWorkflows } from './workflow.js';
import { compileIterableWebhooks } from './iterable.js';
import { compileStandardAttributes } from './standard-attributes.js';

export type KindCompiler = (model: Model, ctx: CompileContext) => Resource[];

/** One compiler per kind; the resources are sorted afterwards, so the order here does not show in dist/. */
export const COMPILERS: KindCompiler[] = [
  compileHooks,
  compileKlasses,
  compileWorkflows,
  compileOutboundWebhooks,
  compileIterableWebhooks,
  compileStandardAttributes,
];

export function compileProject(model: Model): Resource[] {
  const ctx = createCompileContext(model);
  return COMPILERS.flatMap((compile) => compile(model, ctx)).sort(compareResources);
}
