/** What every validator shares: the model, and where to point a diagnostic in the author's file. */
import { compileValue } from '../compile/value.js';
import type { Diagnostic, Severity } from '../diagnostics.js';
import type { JsonObject, JsonPath } from '../json.js';
import type { FindOptions, Locator } from '../load/locate.js';
import type { Model } from '../model/project.js';
import type { CallSite } from '../model/site.js';
import type { StepModel } from '../model/workflow.js';
import type { SourceLocation } from '../resource.js';

export interface ValidationContext {
  model: Model;
  /** The call's location, else the top of `file` (the file that exported the definition). */
  at(site: CallSite | undefined, file: string): SourceLocation;
  /** The first literal or property name `text` at or after the call: the exact node the rule is about. */
  atText(site: CallSite | undefined, file: string, text: string, options?: FindOptions): SourceLocation;
  /**
   * Where `text` is written: after the call's location in `file` (the author's) when it is there, else
   * after the call itself when that is in another file (a mistake inside a shared recipe); undefined when neither has it.
   */
  findText(site: CallSite | undefined, file: string, text: string, options?: FindOptions): SourceLocation | undefined;
  /** The first literal or property name `text` at or after `from`, else `from`. */
  refine(from: SourceLocation, text: string, options?: FindOptions): SourceLocation;
  /** A step's params as compiled, and what JSON could not carry; computed once per step. */
  params(step: StepModel): CompiledParams;
}

export interface CompiledParams {
  value: JsonObject;
  issues: { path: JsonPath; problem: string }[];
}

export function createValidationContext(model: Model, locator: Locator): ValidationContext {
  // Prefer the exporting file: a workflow built by a shared recipe is reported where its author wrote it.
  const at = (site: CallSite | undefined, file: string): SourceLocation =>
    site?.resolve(model.root, file) ?? { file, line: 1, column: 1 };
  const refine = (from: SourceLocation, text: string, options?: FindOptions): SourceLocation =>
    locator.find(from, text, options) ?? from;
  const findText = (
    site: CallSite | undefined,
    file: string,
    text: string,
    options?: FindOptions,
  ): SourceLocation | undefined => {
    const found = locator.find(at(site, file), text, options);
    if (found) return found;
    const own = site?.resolve(model.root);
    return own && own.file !== file ? locator.find(own, text, options) : undefined;
  };
  const compiled = new WeakMap<StepModel, CompiledParams>();
  const params = (step: StepModel): CompiledParams => {
    let entry = compiled.get(step);
    if (!entry) {
      const issues: CompiledParams['issues'] = [];
      const value = compileValue(step.action?.params ?? {}, (path, problem) => issues.push({ path, problem }));
      entry = { value: (value ?? {}) as JsonObject, issues };
      compiled.set(step, entry);
    }
    return entry;
  };
  return {
    model,
    at,
    refine,
    params,
    findText,
    atText: (site, file, text, options) => findText(site, file, text, options) ?? at(site, file),
  };
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
