/** Unified diffs of normalised JSON (live → desired) through the `diff` library. Inputs are already masked. */
import { createTwoFilesPatch } from 'diff';
import { canonicalJson, type JsonObject } from '../../compiler/json.js';
import type { ResourceRef } from '../../compiler/resource.js';

export function unifiedDiff(ref: ResourceRef, live: JsonObject | undefined, desired: JsonObject | undefined): string {
  const before = live ? canonicalJson(live) + '\n' : '';
  const after = desired ? canonicalJson(desired) + '\n' : '';
  if (before === after) return '';
  const name = `${ref.kind}/${ref.key}.json`;
  // A whole file added or removed: the patch is every line, no diffing needed (plans of thousands of creates).
  if (!live || !desired)
    return wholeFile(
      live ? `live/${name}` : '/dev/null',
      desired ? `desired/${name}` : '/dev/null',
      live ? before : after,
      live ? '-' : '+',
    );
  const patch = createTwoFilesPatch(
    live ? `live/${name}` : '/dev/null',
    desired ? `desired/${name}` : '/dev/null',
    before,
    after,
    undefined,
    undefined,
    {
      context: 3,
    },
  );
  // Drop the "Index:" / "=====" banner: the file names already say which is which.
  return patch
    .split('\n')
    .filter((line) => !/^(Index: |={10,})/.test(line))
    .join('\n')
    .trimEnd();
}

function wholeFile(from: string, to: string, text: string, sign: '+' | '-'): string {
  const lines = text.trimEnd().split('\n');
  const range = sign === '+' ? `-0,0 +1,${lines.length}` : `-1,${lines.length} +0,0`;
  return [`--- ${from}`, `+++ ${to}`, `@@ ${range} @@`, ...lines.map((l) => sign + l)].join('\n');
}
