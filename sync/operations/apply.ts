/**
 * The apply operation: plan (or take a saved plan and refuse it when the org moved on), ask, execute
 * with a journal, then verify with a fresh plan. `kac apply`, the demo and GitHub mode apply through
 * `runApply`; drift healing and the bench use its steps (`executePlan`, `verifyApply`). Every
 * dependency (journal, confirmation, output sinks, clock, signal) comes from the caller.
 */
import { resourceId, type ResourceKind } from '../../compiler/resource.js';
import { applyPlan, type ApplyEvent, type ApplyResult } from '../apply/apply-plan.js';
import { Journal } from '../apply/journal.js';
import { ExitError } from '../errors.js';
import { readSecret } from '../logger.js';
import { executableChanges } from '../plan/impact.js';
import { planChanges } from '../plan/plan-changes.js';
import { doneInOrg, findStaleness, planHash } from '../plan/saved-plan.js';
import type { Change, Plan } from '../plan/types.js';
import type { LiveResource, Provider } from '../providers/provider.js';
import { signalOf, systemClock, type DesiredState, type OperationContext, type Target } from './context.js';
import { readLive, runPlan, type Planned } from './plan.js';

export interface ApplyOptions extends DesiredState {
  allowDestroy: boolean;
  /** A saved plan to apply exactly (refused when stale), with the file it came from. */
  saved?: { plan: Plan; file: string };
}

export interface ApplySinks {
  /** The journal for this plan (a file per org, or memory). Default: in memory. */
  openJournal?: (planHash: string) => Promise<Journal>;
  /** Asked once the plan is known and has something to run; undefined means approved (CI, demo). */
  confirm?: (executable: readonly Change[], plan: Plan) => Promise<boolean>;
  /** The plan about to be applied (shown before asking). */
  onPlan?: (plan: Plan) => void;
  /** One-line notes: a resumed apply, an earlier interrupted one. */
  notice?: (message: string) => void;
  onEvent?: (event: ApplyEvent) => void;
  concurrency?: number;
}

export type ApplyOutcome =
  | { status: 'nothing-to-apply'; plan: Plan }
  | {
      status: 'applied';
      plan: Plan;
      result: ApplyResult;
      /** The fresh plan after applying; absent when interrupted (nothing to verify yet). */
      verification?: Plan;
      /** True when every change ran and a fresh plan has nothing executable left. */
      complete: boolean;
    };

export async function runApply(
  target: Target,
  options: ApplyOptions,
  context: OperationContext & ApplySinks,
): Promise<ApplyOutcome> {
  const openJournal = context.openJournal ?? ((hash: string) => Promise.resolve(Journal.memory(target.name, hash)));
  let planned: Planned;
  let journal: Journal;
  if (options.saved) {
    journal = await openJournal(planHash(options.saved.plan));
    planned = await checkSavedPlan(target, options.saved, journal, context);
    if (journal.resumed) context.notice?.(`Resuming the interrupted apply of ${options.saved.file}.`);
  } else {
    planned = await runPlan(target, options, context);
    journal = await openJournal(planHash(planned.plan));
    if (journal.previous)
      context.notice?.(
        'An earlier apply was interrupted; this plan was made from the org as it is now, so nothing is repeated.',
      );
  }
  const { plan, live } = planned;
  context.onPlan?.(plan);
  const errors = plan.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length)
    throw new ExitError(
      `the plan has ${errors.length} error(s); nothing was applied`,
      1,
      'fix them in git (see above), then plan again',
    );
  const executable = executableChanges(plan, options.allowDestroy);
  if (executable.length === 0) return { status: 'nothing-to-apply', plan };
  if (context.confirm && !(await context.confirm(executable, plan)))
    throw new ExitError('Apply cancelled; nothing was changed.');

  const result = await executePlan(target, planned, { allowDestroy: options.allowDestroy, journal }, context);
  if (context.signal?.aborted) return { status: 'applied', plan, result, complete: false };
  const verification = await verifyApply(
    target,
    { namespace: plan.namespace, desired: plan.desired, allowDestroy: options.allowDestroy },
    context,
  );
  const incomplete = result.counts.failed + result.counts['skipped-dependency-failed'] + result.counts.interrupted;
  const ambiguous = (verification.duplicates ?? []).some((d) => d.ambiguous);
  const complete = incomplete === 0 && executableChanges(verification, options.allowDestroy).length === 0 && !ambiguous;
  return { status: 'applied', plan, result, verification, complete };
}

/** Runs a plan's executable changes through the target's providers (see sync/apply/apply-plan.ts). */
export function executePlan(
  target: Target,
  planned: Planned,
  options: { allowDestroy: boolean; journal?: Journal },
  context: OperationContext & Pick<ApplySinks, 'onEvent' | 'concurrency'>,
): Promise<ApplyResult> {
  return applyPlan(planned.plan, {
    providers: providersByKind(target.providers),
    live: planned.live,
    refetchLive: () => readLive(target.providers, { logger: context.logger, ...signalOf(context) }),
    listKind: async (kind) =>
      target.providers
        .find((p) => p.kinds.includes(kind))
        ?.listKind?.(kind, { logger: context.logger, ...signalOf(context) }),
    secret: target.secret ?? ((name) => readSecret(name, context.env)),
    allowDestroy: options.allowDestroy,
    logger: context.logger,
    ...(options.journal ? { journal: options.journal } : {}),
    ...signalOf(context),
    ...(context.onEvent ? { onEvent: context.onEvent } : {}),
    ...(context.concurrency ? { concurrency: context.concurrency } : {}),
  });
}

/** After applying: a fresh plan, without the read-only inspections. Verified when nothing executable is left. */
export async function verifyApply(
  target: Target,
  options: DesiredState & { allowDestroy: boolean },
  context: OperationContext,
): Promise<Plan> {
  const { plan } = await runPlan(target, { ...options, inspect: false }, context);
  return plan;
}

/**
 * A saved plan is applied only if the org is as it was read: the changes an interrupted apply of the
 * same plan already made (journaled, or found done in the org) are not staleness.
 */
async function checkSavedPlan(
  target: Target,
  saved: { plan: Plan; file: string },
  journal: Journal,
  context: OperationContext,
): Promise<Planned> {
  const { plan, file } = saved;
  const live = await readLive(target.providers, { logger: context.logger, ...signalOf(context) });
  const touched = new Set<string>();
  for (const c of plan.changes) {
    if (!journal.entry(resourceId(c.resource))) continue;
    touched.add(resourceId(c.resource));
    if ('live' in c && c.live) touched.add(resourceId({ kind: c.resource.kind, key: c.live.key }));
  }
  if (journal.resumed) {
    const fresh = planChanges({
      namespace: plan.namespace,
      environment: plan.environment,
      desired: plan.desired,
      live,
      providedKinds: new Set(target.providers.flatMap((p) => p.kinds)),
      manualKinds: new Set(plan.manualKinds),
      secret: target.secret ?? ((name) => readSecret(name, context.env)),
      allowDestroy: plan.allowDestroy,
      now: (context.now ?? systemClock)(),
    });
    for (const id of doneInOrg(plan, fresh)) touched.add(id);
  }
  const stale = findStaleness(plan, live, { touched });
  if (stale.length) {
    throw new ExitError(
      `${file} is stale: the org changed since it was made, so nothing was applied.\n  ${stale.join('\n  ')}`,
      1,
      `make a new plan: kac plan${target.name === 'direct' ? '' : ` --env ${target.name}`} --out ${file}`,
    );
  }
  return { plan, live };
}

function providersByKind(providers: readonly Provider[]): ReadonlyMap<ResourceKind, Provider> {
  const byKind = new Map<ResourceKind, Provider>();
  for (const p of providers) for (const k of p.kinds) byKind.set(k, p);
  return byKind;
}
