/**
 * Impact of a change, computed in one place: renderers, apply and exit codes all ask here.
 * `allowDestroy` lifts the `allow-destroy` refusal only; a Klass with KObjects stays refused.
 */
import { assertNever, type Change, type Impact, type Plan } from './types.js';

export interface ImpactOptions {
  allowDestroy?: boolean;
}

export function impactOf(change: Change, options: ImpactOptions = {}): Impact {
  switch (change.kind) {
    case 'noop':
      return 'none';
    case 'create':
      return change.refusal ? 'refused' : 'safe';
    case 'disable':
      return 'safe';
    case 'update':
      return change.refusal ? 'refused' : 'safe';
    case 'delete':
      if (!change.refusal) return 'destroy';
      return change.refusal.reason === 'allow-destroy' && options.allowDestroy ? 'destroy' : 'refused';
    case 'manual':
      return 'manual';
    default:
      return assertNever(change);
  }
}

/** Changes that would call the system's API (what apply executes). */
export function isExecutable(change: Change, options: ImpactOptions = {}): boolean {
  const impact = impactOf(change, options);
  return impact === 'safe' || impact === 'destroy';
}

/** Anything other than noop: what `--detailed-exitcode` and verification count. */
export function isPending(change: Change): boolean {
  return change.kind !== 'noop';
}

export function pendingChanges(plan: Plan): Change[] {
  return plan.changes.filter(isPending);
}

/** At apply time a delete needs `--allow-destroy` again, whatever the plan was made with. */
export function isExecutableAtApply(change: Change, allowDestroy: boolean): boolean {
  if (change.kind === 'delete') return allowDestroy && impactOf(change, { allowDestroy }) === 'destroy';
  return isExecutable(change, { allowDestroy });
}
