/** What every validator shares: the model, and where to point a diagnostic in the author's file. */
import type { Diagnostic, Severity } from '../diagnostics.js';
import type { Locator } from '../load/locate.js';
import type { Model } from '../model/project.js';
import type { CallSite } from '../model/site.js';
import type { SourceLocation } from '../resource.js';

export interface ValidationContext {
  model: Model;
  /** The call's location, else the top of `file` (the file that exported the definition). */
  at(site: CallSite | undefined, file: string): SourceLocation;
  /** The first literal or property name `text` at or after the call: the exact node the rule is about. */
  atText(site: CallSite | undefined, file: string, text: string): SourceLocation;
  /** The first literal or property name `text` at or after `from`, else `from`. */
  refine(from: SourceLocation, text: string): SourceLocation;
}

export function createValidationContext(model: Model, locator: Locator): ValidationContext {
  const at = (site: CallSite | undefined, file: string): SourceLocation => site?.resolve(model.root) ?? { file, line: 1, column: 1 };
  const refine = (from: SourceLocation, text: string): SourceLocation => locator.find(from, text) ?? from;
  return { model, at, refine, atText: (site, file, text) => refine(at(site, file), text) };
}

export function diagnostic(
  code: string,
  severity: Severity,
  message: string,
  location: SourceLocation,
  hint?: string,
): Diagnostic {
  return hint === undefined ? { code, severity, message, location } : { code, severity, message, location, hint };
}

/** `"a", "b" or "c"`: a list of names in a message. */
export function quotedList(names: readonly string[]): string {
  const quoted = names.map((n) => `"${n}"`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}

export function didYouMean(suggestion: string | undefined): string | undefined {
  return suggestion === undefined ? undefined : `did you mean "${suggestion}"?`;
}
