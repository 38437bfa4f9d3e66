/** Counts and the one-line headline every rendering of a plan starts from. Pure. */
import { impactOf } from '../plan/impact.js';
import { assertNever, type Change, type Plan } from '../plan/types.js';

export interface PlanSummary {
  create: number;
  update: number;
  disable: number;
  delete: number;
  manual: number;
  unchanged: number;
  /** Changes kac will not make as planned (they are also counted under their kind). */
  refused: number;
  /** Deletes that will run. */
  destroy: number;
  /** Everything but unchanged. */
  pending: number;
  errors: number;
  headline: string;
}

export function summarizePlan(plan: Plan): PlanSummary {
  const s = { create: 0, update: 0, disable: 0, delete: 0, manual: 0, unchanged: 0, refused: 0, destroy: 0 };
  for (const c of plan.changes) {
    count(s, c);
    const impact = impactOf(c, { allowDestroy: plan.allowDestroy });
    if (impact === 'refused') s.refused++;
    if (impact === 'destroy') s.destroy++;
  }
  const pending = s.create + s.update + s.disable + s.delete + s.manual;
  const errors = plan.diagnostics.filter((d) => d.severity === 'error').length;
  const parts = [`${s.create} to create`, `${s.update} to update`, `${s.disable} to disable`, `${s.delete} to delete`];
  if (s.manual) parts.push(`${s.manual} manual`);
  const tail = [s.refused ? `${s.refused} refused` : '', errors ? `${errors} error(s)` : ''].filter(Boolean).join(', ');
  const headline =
    pending === 0 && errors === 0
      ? `No changes: the org matches git (${s.unchanged} resource(s) unchanged).`
      : `Plan: ${parts.join(', ')}${tail ? ` (${tail})` : ''}; ${s.unchanged} unchanged.`;
  return { ...s, pending, errors, headline };
}

function count(
  s: Record<'create' | 'update' | 'disable' | 'delete' | 'manual' | 'unchanged', number>,
  c: Change,
): void {
  switch (c.kind) {
    case 'create':
    case 'update':
    case 'disable':
    case 'delete':
    case 'manual':
      s[c.kind]++;
      return;
    case 'noop':
      s.unchanged++;
      return;
    default:
      assertNever(c);
  }
}

/** The symbol and verb of a change, shared by the text and markdown renderers. */
export function changeLabel(c: Change): { symbol: string; verb: string } {
  switch (c.kind) {
    case 'create':
      return { symbol: '+', verb: 'create' };
    case 'update':
      return { symbol: '~', verb: c.renamedFrom ? 'rename' : 'update' };
    case 'disable':
      return { symbol: '-', verb: 'disable' };
    case 'delete':
      return { symbol: '-', verb: 'delete' };
    case 'manual':
      return { symbol: '!', verb: 'manual' };
    case 'noop':
      return { symbol: ' ', verb: 'unchanged' };
    default:
      return assertNever(c);
  }
}

/** The refusal of a change, if any, in a form every renderer can print. */
export function refusalOf(c: Change, allowDestroy: boolean): { message: string; hint?: string } | undefined {
  if (
    (c.kind === 'create' || c.kind === 'update' || c.kind === 'delete') &&
    c.refusal &&
    impactOf(c, { allowDestroy }) === 'refused'
  )
    return c.refusal;
  return undefined;
}

export function outsideNamespaceLine(plan: Plan): string | undefined {
  const parts = Object.entries(plan.outsideNamespace).map(([kind, n]) => `${n} ${kind}`);
  return parts.length ? `Outside namespace "${plan.namespace}" (never touched): ${parts.join(', ')}.` : undefined;
}
