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

/** Anything other than noop: what `--detailed-exitcode` and verification count. */
export function isPending(change: Change): boolean {
  return change.kind !== 'noop';
}

export function pendingChanges(plan: Plan): Change[] {
  return plan.changes.filter(isPending);
}

/**
 * What apply executes, decided here and nowhere else: a change that calls the system's API. A delete
 * needs `allowDestroy` at apply time whatever the plan was made with; a refused or manual change never runs.
 */
export function isExecutable(change: Change, allowDestroy: boolean): boolean {
  const impact = impactOf(change, { allowDestroy });
  if (change.kind === 'delete') return allowDestroy && impact === 'destroy';
  return impact === 'safe' || impact === 'destroy';
}

export function executableChanges(plan: Pick<Plan, 'changes'>, allowDestroy: boolean): Change[] {
  return plan.changes.filter((c) => isExecutable(c, allowDestroy));
}
