/** What every per-kind compiler needs besides its definitions. */
import type { Model } from '../model/project.js';
import type { CallSite } from '../model/site.js';
import type { SourceLocation } from '../resource.js';

export interface CompileContext {
  root: string;
  namespace: string;
  /** The definition's source: its call site, else the top of the file that exported it. */
  sourceOf(site: CallSite | undefined, file: string): SourceLocation;
}

export function createCompileContext(model: Model): CompileContext {
  return {
    root: model.root,
    namespace: model.namespace,
    sourceOf(site, file) {
      const resolved = site?.resolve(model.root, file);
      return resolved ?? { file, line: 1, column: 1 };
    },
  };
}

/**
 * The description as compiled, or undefined to leave the field out: `managedMarker: false` (objects
 * `kac import` adopted) keeps the author's text exactly.
 */
export function compiledDescription(
  description: string | undefined,
  namespace: string,
  managedMarker: boolean | undefined,
): string | undefined {
  return managedMarker === false ? description : withManagedMarker(description, namespace);
}

/** Hooks' and workflows' descriptions end with the ownership marker (informational: the name decides). */
export function withManagedMarker(description: string | undefined, namespace: string): string {
  const marker = `[managed by kac: ${namespace}]`;
  const text = (description ?? '').trim();
  return text === '' ? marker : `${text} ${marker}`;
}
