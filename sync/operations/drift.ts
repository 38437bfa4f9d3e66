/**
 * The drift operation: plan git against the live org (the planner is the only differ), read it as a
 * drift report, and with `heal` apply what is safe (deletes only with `allowDestroy`), then re-check.
 * Used by `kac drift` and by each daemon run.
 */
import type { ApplyResult } from '../apply/apply-plan.js';
import { buildDriftReport, type DriftReport } from '../drift/report.js';
import { executableChanges } from '../plan/impact.js';
import type { DesiredState, OperationContext, Target } from './context.js';
import { executePlan, verifyApply } from './apply.js';
import { runPlan } from './plan.js';

export interface DriftOptions extends DesiredState {
  /** Apply main to undo drift (daemon `--apply`). */
  heal?: boolean;
  /** With heal: also delete objects created in the UI inside the namespace. */
  allowDestroy?: boolean;
}

export interface DriftCheck {
  /** The drift found (before healing). */
  report: DriftReport;
  /** With heal and drift: what apply did, and the drift left afterwards. */
  healed?: { result: ApplyResult; after: DriftReport };
}

export async function runDrift(target: Target, options: DriftOptions, context: OperationContext): Promise<DriftCheck> {
  const allowDestroy = options.allowDestroy ?? false;
  const planned = await runPlan(target, { ...options, allowDestroy }, context);
  const report = buildDriftReport(planned.plan);
  context.signal?.throwIfAborted();
  if (!options.heal || !report.hasDrift) return { report };

  const executable = executableChanges(planned.plan, allowDestroy);
  context.logger.info(
    `healing ${target.name}: applying ${executable.length} change(s)${allowDestroy ? '' : ' (deletes refused without --allow-destroy)'}`,
  );
  const result = await executePlan(target, planned, { allowDestroy }, context);
  const after = await verifyApply(
    target,
    { namespace: options.namespace, desired: options.desired, allowDestroy },
    context,
  );
  return { report, healed: { result, after: buildDriftReport(after) } };
}
