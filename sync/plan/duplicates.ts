/**
 * Pure. Managed names that exist more than once live. Kustomer does not stop two hooks, webhooks or
 * workflows sharing a name, and kac matches by name, so a duplicate is a finding: which copy is
 * referenced where, which one kac keeps, and how to remove the others. Nothing ambiguous is updated or
 * re-targeted while it lasts.
 */
import { canonicalJson } from '../../compiler/json.js';
import { resourceId, type ResourceKind } from '../../compiler/resource.js';
import type { LiveResource } from '../providers/provider.js';

export interface LiveCopy {
  id: string;
  /** Live objects whose body holds this copy's id (`kustomer.workflow "x"`). */
  referencedBy: string[];
  /** False for a disabled workflow copy. */
  enabled: boolean;
}

export interface LiveDuplicate {
  kind: ResourceKind;
  key: string;
  /** Every copy, ordered by id. */
  copies: LiveCopy[];
  /** The copy kac matches the name to: the most referenced (then the enabled, then the lowest id). */
  kept: string;
  /**
   * True when more than one copy is live in effect: for workflows only enabled copies count (a disabled
   * extra copy, which is all kac can make of it, is reported but no longer ambiguous).
   */
  ambiguous: boolean;
}

/** Kinds whose copies can be told apart and removed; a Klass's attributes follow their Klass. */
const DUPLICABLE: ReadonlySet<ResourceKind> = new Set([
  'kustomer.hook',
  'kustomer.klass',
  'kustomer.workflow',
  'kustomer.outbound-webhook',
]);

export function findDuplicates(managed: readonly LiveResource[], all: readonly LiveResource[]): LiveDuplicate[] {
  const groups = new Map<string, LiveResource[]>();
  for (const l of managed) {
    if (!DUPLICABLE.has(l.kind)) continue;
    const id = resourceId(l);
    groups.set(id, [...(groups.get(id) ?? []), l]);
  }
  const duplicates: LiveDuplicate[] = [];
  for (const copies of groups.values()) {
    if (copies.length < 2) continue;
    const texts = all.map((o) => ({ label: `${o.kind} "${o.key}"`, id: o.id, text: canonicalJson(o.body, 0) }));
    const described = copies
      .map((c) => ({
        id: c.id,
        referencedBy: texts
          .filter((t) => t.id !== c.id && t.text.includes(c.id))
          .map((t) => t.label)
          .sort(),
        enabled: c.body.enabled !== false,
      }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const kept = [...described].sort(
      (a, b) =>
        b.referencedBy.length - a.referencedBy.length ||
        Number(b.enabled) - Number(a.enabled) ||
        (a.id < b.id ? -1 : 1),
    )[0]!;
    const first = copies[0]!;
    const ambiguous = first.kind === 'kustomer.workflow' ? described.filter((c) => c.enabled).length > 1 : true;
    duplicates.push({ kind: first.kind, key: first.key, copies: described, kept: kept.id, ambiguous });
  }
  return duplicates.sort((a, b) => (resourceId(a) < resourceId(b) ? -1 : 1));
}

/** One paragraph for the plan, drift and verification: every copy, where it is used, how to resolve. */
export function describeDuplicate(d: LiveDuplicate, environment: string): string {
  const copies = d.copies
    .map(
      (c) =>
        `${c.id}${c.id === d.kept ? ' (kept)' : ''}${c.enabled ? '' : ' (disabled)'}: ${c.referencedBy.length ? `referenced by ${c.referencedBy.join(', ')}` : 'referenced by nothing'}`,
    )
    .join('; ');
  const env = environment === 'direct' ? '' : ` --env ${environment}`;
  const resolve =
    d.kind === 'kustomer.workflow'
      ? d.ambiguous
        ? `\`kac apply${env} --allow-destroy\` disables the extra copies (Kustomer has no workflow delete); rename them in Kustomer to clear this note`
        : 'the extra copies are disabled; rename them in Kustomer to clear this note'
      : `\`kac apply${env} --allow-destroy\` deletes the extra ${d.copies.length - 1 === 1 ? 'copy' : 'copies'} (everything but ${d.kept}); or delete the one you do not want in Kustomer`;
  return `${d.kind} "${d.key}" exists ${d.copies.length} times in the org: ${copies}. ${d.ambiguous ? 'kac will not update it or re-target anything to it while this lasts. ' : ''}To resolve: ${resolve}.`;
}
