/**
 * Diagnostics: every problem found in the author's definitions, in the author's terms, with where.
 * Validation collects all of them; nothing here throws.
 */
import { closest as closestMatch, distance } from 'fastest-levenshtein';
import type { SourceLocation } from './resource.js';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** `area/rule`, e.g. `workflow/unknown-attribute`. */
  code: string;
  severity: Severity;
  message: string;
  location?: SourceLocation;
  hint?: string;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Printed the way tsc prints: `file:line:col - error code` then the message and hint, indented. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.location ? `${d.location.file}:${d.location.line}:${d.location.column} - ` : '';
  const lines = [`${where}${d.severity} ${d.code}`, `  ${d.message}`];
  if (d.hint) lines.push(`  hint: ${d.hint}`);
  return lines.join('\n');
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const fa = a.location?.file ?? '';
  const fb = b.location?.file ?? '';
  if (fa !== fb) return fa < fb ? -1 : 1;
  const la = a.location?.line ?? 0;
  const lb = b.location?.line ?? 0;
  if (la !== lb) return la - lb;
  return (a.location?.column ?? 0) - (b.location?.column ?? 0) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/** The closest candidate by edit distance, for "did you mean" hints; undefined when nothing is close. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  if (list.length === 0) return undefined;
  const best = closestMatch(word, list);
  return distance(word.toLowerCase(), best.toLowerCase()) <= Math.max(2, Math.floor(word.length / 3))
    ? best
    : undefined;
}
