/**
 * Injective names → files for import. Two live names that kebab-case to one file (`regal-a/b`,
 * `regal-a b`, `regal-a-b`) must never share it: the second would overwrite the first and a later
 * plan would disable the lost workflow. A name already safe as a file name keeps it; a name that had
 * to be changed keeps the plain stem only when nothing else claims it (case-insensitively, for macOS
 * and Windows); every other claimant gets `-<6 hex of sha256(name)>`, which depends on the name alone.
 */
import { createHash } from 'node:crypto';
import { resourceId, type ResourceKind } from '../../compiler/resource.js';
import { definitionPath, fileStem } from './generate.js';

interface Keyed {
  kind: ResourceKind;
  key: string;
}

/** A Klass is two resources in one file: they share a slot. */
const slotOf = (r: Keyed) => (r.kind === 'kustomer.klass-attributes' ? `kustomer.klass:${r.key}` : resourceId(r));

export function allocateImportPaths(
  selected: readonly Keyed[],
  existingFiles: Readonly<Record<string, string>>,
): (kind: ResourceKind, key: string) => string | undefined {
  const assigned = new Map<string, string>();
  const claimed = new Set(Object.values(existingFiles).map((f) => f.toLowerCase()));
  const fresh = new Map<string, Keyed>();
  for (const r of selected) {
    const slot = slotOf(r);
    if (existingFiles[resourceId(r)]) assigned.set(slot, existingFiles[resourceId(r)]!);
    else if (!fresh.has(slot)) fresh.set(slot, r);
  }
  const groups = new Map<string, [string, Keyed][]>();
  for (const entry of [...fresh].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const k = definitionPath(entry[1].kind, entry[1].key)!.toLowerCase();
    groups.set(k, [...(groups.get(k) ?? []), entry]);
  }
  for (const [lower, members] of groups) {
    // A file the project already has for another definition is never taken over.
    const owned = claimed.has(lower);
    const winner = owned
      ? undefined
      : members.length === 1
        ? members[0]
        : members.find(([, r]) => fileStem(r.key) === r.key);
    for (const [slot, r] of members) {
      const plain = definitionPath(r.kind, r.key)!;
      assigned.set(
        slot,
        winner?.[0] === slot
          ? plain
          : plain.replace(/\.ts$/, `-${createHash('sha256').update(r.key).digest('hex').slice(0, 6)}.ts`),
      );
    }
  }
  return (kind, key) => assigned.get(slotOf({ kind, key }));
}
