/**
 * Refines a diagnostic's location to the node it is about (a custom-mapping key, a step id literal)
 * with ts-morph: each file is parsed once, and only when a diagnostic needs it. A call site gives
 * the line of the authoring call; the node is the first matching string literal or property name at
 * or after it.
 */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Node, Project, SourceFile } from 'ts-morph';
import type { SourceLocation } from '../resource.js';

export interface Locator {
  /** The first string literal or property name whose text is `text`, at or after `from`; undefined when none. */
  find(from: SourceLocation, text: string, options?: FindOptions): SourceLocation | undefined;
}

export interface FindOptions {
  /** Also match a property read, `event.emial`'s `emial` (a reference's path segment). */
  access?: boolean;
  /** When nothing matches at or after `from`, the last match before it (an object built before the call that uses it). */
  orBefore?: boolean;
}

/** ts-morph pulls in the TypeScript compiler: loaded on the first lookup, not on every validate. */
const requireFromHere = createRequire(import.meta.url);

export function createLocator(root: string): Locator {
  let project: Project | undefined;
  const files = new Map<string, SourceFile | undefined>();

  const sourceFile = (file: string): SourceFile | undefined => {
    if (files.has(file)) return files.get(file);
    if (!project) {
      const { Project } = requireFromHere('ts-morph') as typeof import('ts-morph');
      project = new Project({
        skipAddingFilesFromTsConfig: true,
        skipFileDependencyResolution: true,
        skipLoadingLibFiles: true,
      });
    }
    let sf: SourceFile | undefined;
    try {
      sf = project.addSourceFileAtPathIfExists(resolve(root, file));
    } catch {
      sf = undefined;
    }
    files.set(file, sf);
    return sf;
  };

  return {
    find(from, text, options = {}) {
      const sf = sourceFile(from.file);
      if (!sf) return undefined;
      const { SyntaxKind } = requireFromHere('ts-morph') as typeof import('ts-morph');
      let start: number;
      try {
        start = sf.compilerNode.getPositionOfLineAndCharacter(from.line - 1, Math.max(0, from.column - 1));
      } catch {
        return undefined;
      }
      const matches = (node: Node): boolean => {
        const kind = node.getKind();
        return (
          ((kind === SyntaxKind.StringLiteral || kind === SyntaxKind.NoSubstitutionTemplateLiteral) &&
            (node.compilerNode as unknown as { text: string }).text === text) ||
          (kind === SyntaxKind.Identifier &&
            node.getText() === text &&
            (isPropertyName(node, SyntaxKind) || (options.access === true && isPropertyRead(node, SyntaxKind))))
        );
      };
      let best: number | undefined;
      let before: number | undefined;
      sf.forEachDescendant((node, traversal) => {
        // The callback's return value stops the walk when defined: skip() is called, never returned.
        const pos = node.getStart();
        if ((node.getEnd() < start && !options.orBefore) || (best !== undefined && pos >= best)) {
          traversal.skip();
          return undefined;
        }
        if (pos < start) {
          if (options.orBefore && matches(node)) before = pos;
          return undefined;
        }
        if (matches(node)) best = pos;
        return undefined;
      });
      best ??= before;
      if (best === undefined) return undefined;
      const { line, column } = sf.getLineAndColumnAtPos(best);
      return { file: from.file, line, column };
    },
  };
}

/** `emial` in `event.emial`. */
function isPropertyRead(node: Node, kinds: typeof import('ts-morph').SyntaxKind): boolean {
  const parent = node.getParent();
  return (
    parent?.getKind() === kinds.PropertyAccessExpression &&
    (parent.compilerNode as unknown as { name: unknown }).name === node.compilerNode
  );
}

/** `name` in `{ name: value }`, `{ name }` or `{ name: Type }`, not an identifier used as a value. */
function isPropertyName(node: Node, kinds: typeof import('ts-morph').SyntaxKind): boolean {
  const parent = node.getParent();
  const kind = parent?.getKind();
  if (kind === kinds.ShorthandPropertyAssignment) return true;
  if (kind !== kinds.PropertyAssignment && kind !== kinds.PropertySignature) return false;
  return (parent!.compilerNode as unknown as { name: unknown }).name === node.compilerNode;
}
