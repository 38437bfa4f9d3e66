/**
 * What the org shows of a change, for apply: the live copy a change acts on (by id, never another of
 * the same name), whether a journaled change is confirmed there before a resume skips it, and whether
 * a change whose request failed ambiguously is already done (then it is adopted, not repeated).
 */
import { resourceId, type Resource, type ResourceKind } from '../../compiler/resource.js';
import type { LiveResource } from '../providers/provider.js';
import type { OutputsByResource } from '../plan/resolve.js';
import { assertNever, type Change } from '../plan/types.js';
import type { ChangeResult } from './apply-plan.js';
import type { ScheduledChange } from './order.js';

/** After an ambiguous failure: is the change already true in the org? Then record it as applied. */
export function adoptIfDone(
  s: ScheduledChange,
  live: Map<string, LiveResource>,
  results: Map<string, ChangeResult>,
  outputs: OutputsByResource,
  base: (c: Change) => Omit<ChangeResult, 'status'>,
): boolean {
  const c = s.change;
  const now = live.get(s.id);
  const adopted = (id: string | undefined) => {
    results.set(s.id, {
      ...base(c),
      status: 'applied',
      ...(id ? { id } : {}),
      message: 'found done in the org after an interrupted or failed request',
    });
    return true;
  };
  if (
    c.kind === 'create' &&
    now &&
    (c.resource.kind !== 'kustomer.klass-attributes' || attributesPresent(c.body, now.body))
  ) {
    outputs.set(s.id, now.outputs);
    return adopted(now.id);
  }
  if (c.kind === 'delete' && !liveFor(live, c.resource.kind, c.live, false)) return adopted(undefined);
  if (c.kind === 'disable' && liveFor(live, c.resource.kind, c.live, false)?.body.enabled === false)
    return adopted(c.live.id);
  return false;
}

/** A Klass's metadata exists as soon as the Klass does: it is done only when every planned attribute is there. */
function attributesPresent(desired: Resource['body'], live: Resource['body']): boolean {
  const want = desired.properties;
  const have = live.properties;
  if (typeof want !== 'object' || want === null || Array.isArray(want)) return true;
  if (typeof have !== 'object' || have === null || Array.isArray(have)) return Object.keys(want).length === 0;
  return Object.keys(want).every((name) => name in have);
}

/** What the org shows of a journaled change: the object (by the id the journal recorded) or its absence. */
export function confirmedInOrg(
  s: ScheduledChange,
  journaledId: string | undefined,
  live: Map<string, LiveResource>,
): { id?: string; outputs?: Record<string, string> } | undefined {
  const c = s.change;
  switch (c.kind) {
    case 'create':
    case 'update': {
      const kind = c.resource.kind;
      // Metadata has no id of its own worth trusting: the Klass's name and the attributes decide.
      const now =
        kind === 'kustomer.klass-attributes'
          ? live.get(s.id)
          : journaledId !== undefined
            ? liveFor(live, kind, { key: c.resource.key, id: journaledId }, false)
            : undefined;
      if (!now) return undefined;
      if (kind === 'kustomer.klass-attributes' && !attributesPresent(c.body, now.body)) return undefined;
      return { id: now.id, outputs: now.outputs };
    }
    case 'disable': {
      const now = liveFor(live, c.resource.kind, c.live, false);
      return !now || now.body.enabled === false ? { id: c.live.id } : undefined;
    }
    case 'delete':
      return liveFor(live, c.resource.kind, c.live, false) ? undefined : {};
    case 'manual':
    case 'noop':
      return undefined;
    default:
      return assertNever(c);
  }
}

/**
 * The live object a change acts on: the very copy the plan read (by id), so an update or removal never
 * lands on another object that shares the name; else, by name, the object that took its place.
 */
export function liveFor(
  live: Map<string, LiveResource>,
  kind: ResourceKind,
  ref: { key: string; id: string },
  byName = true,
): LiveResource | undefined {
  for (const l of live.values()) if (l.kind === kind && l.id === ref.id) return l;
  return byName ? live.get(resourceId({ kind, key: ref.key })) : undefined;
}

/** By `kind:key`; a second object of the same name (a duplicate) under `kind:key#id`, never dropped. */
export function indexLive(list: readonly LiveResource[]): Map<string, LiveResource> {
  const out = new Map<string, LiveResource>();
  for (const l of list) out.set(out.has(resourceId(l)) ? `${resourceId(l)}#${l.id}` : resourceId(l), l);
  return out;
}
