/**
 * Pure. Which planned changes apply runs, and what each waits for: creates and updates wait for the
 * changes of the resources they depend on (hooks and Klasses before workflows); removals run after
 * all of them, in reverse kind order (outbound webhooks, workflows, Klasses, hooks).
 */
import { KIND_ORDER, resourceId, type Resource } from '../../compiler/resource.js';
import { isExecutable } from '../plan/impact.js';
import type { Change, Plan } from '../plan/types.js';

export interface ScheduledChange {
  id: string;
  change: Change;
  /** The desired resource (creates and updates). */
  resource?: Resource;
  /** Ids of scheduled changes that must succeed first. */
  after: string[];
  phase: 'write' | 'remove';
}

export function changeId(change: Change): string {
  // The extra copies of a duplicated name share its kind and key: their id tells them apart.
  if ((change.kind === 'delete' || change.kind === 'disable') && change.extraCopy)
    return `${resourceId(change.resource)}#${change.live.id}`;
  return resourceId(change.resource);
}

export function scheduleChanges(plan: Plan, options: { allowDestroy: boolean }): ScheduledChange[] {
  const desired = new Map(plan.desired.map((r) => [resourceId(r), r]));
  const runs = plan.changes.filter((c) => isExecutable(c, options.allowDestroy));
  const writes = new Set(runs.filter((c) => c.kind === 'create' || c.kind === 'update').map(changeId));
  const refused = new Set(
    plan.changes.filter((c) => !isExecutable(c, options.allowDestroy) && c.kind !== 'noop').map(changeId),
  );

  const scheduled: ScheduledChange[] = [];
  for (const change of runs) {
    const id = changeId(change);
    if (change.kind === 'create' || change.kind === 'update') {
      const resource = desired.get(id);
      const deps = (resource?.dependsOn ?? []).map(resourceId);
      // A dependency that is refused or manual can never be satisfied by this apply; wait on it anyway so
      // the change is skipped rather than sent against a missing object.
      const after = deps.filter((d) => writes.has(d) || refused.has(d));
      scheduled.push({ id, change, ...(resource ? { resource } : {}), after, phase: 'write' });
    }
  }
  const removals = runs
    .filter((c) => c.kind === 'disable' || c.kind === 'delete')
    .sort(
      (a, b) => KIND_ORDER[b.resource.kind] - KIND_ORDER[a.resource.kind] || (a.resource.key < b.resource.key ? -1 : 1),
    );
  // Removals of a later kind wait for every removal of an earlier (higher-order) kind.
  for (const change of removals) {
    const after = removals.filter((o) => KIND_ORDER[o.resource.kind] > KIND_ORDER[change.resource.kind]).map(changeId);
    scheduled.push({ id: changeId(change), change, after, phase: 'remove' });
  }
  return scheduled;
}
