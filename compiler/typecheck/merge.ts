/**
 * Pure. The type check's diagnostics merged with kac's own, one per mistake:
 * - a kac error and a `ts/` error on the same file and line are one mistake seen twice (a misspelt
 *   attribute, a string into a …Num attribute): kac's stays, in the author's terms with a hint (a kac
 *   warning never hides a type error);
 * - a file tsc reports an error in and that failed to load (`load/import-failed`: a syntax error, a
 *   wrong import path) is one mistake: tsc's stays, at the exact token.
 */
import { compareDiagnostics, type Diagnostic } from '../diagnostics.js';

export function mergeTypecheckDiagnostics(kac: readonly Diagnostic[], ts: readonly Diagnostic[]): Diagnostic[] {
  const tsErrorFiles = new Set(ts.filter((d) => d.severity === 'error' && d.location).map((d) => d.location!.file));
  const kacLines = new Set(
    kac.filter((d) => d.severity === 'error' && d.location && d.code !== 'load/import-failed').map((d) => lineKey(d)),
  );
  const keptKac = kac.filter(
    (d) => !(d.code === 'load/import-failed' && d.location && tsErrorFiles.has(d.location.file)),
  );
  const keptTs = ts.filter((d) => !(d.location && kacLines.has(lineKey(d))));
  return [...keptKac, ...keptTs].sort(compareDiagnostics);
}

function lineKey(d: Diagnostic): string {
  return `${d.location!.file}:${d.location!.line}`;
}
