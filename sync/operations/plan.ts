/**
 * The plan operation: read every provider's live objects (list endpoints, in parallel), run the
 * read-only inspections, then the pure planner. `kac plan`, the first and last steps of apply, drift,
 * adopt, the demo and the bench all plan through here.
 */
import type { ResourceKind } from '../../compiler/resource.js';
import { readSecret, type Logger } from '../logger.js';
import type { Finding, LiveResource, Provider } from '../providers/provider.js';
import { planChanges } from '../plan/plan-changes.js';
import type { Plan } from '../plan/types.js';
import { signalOf, systemClock, type DesiredState, type OperationContext, type Target } from './context.js';

export interface PlanOptions extends DesiredState {
  allowDestroy?: boolean;
  /** Skip the read-only inspections (verification re-plans). */
  inspect?: boolean;
}

export interface Planned {
  plan: Plan;
  /** The live objects the plan was made from (what apply acts on). */
  live: LiveResource[];
}

export async function readLive(
  providers: readonly Provider[],
  ctx: { logger: Logger; signal?: AbortSignal },
): Promise<LiveResource[]> {
  const all = await Promise.all(providers.map((p) => p.fetchLive(ctx)));
  return all.flat();
}

export async function runPlan(target: Target, options: PlanOptions, context: OperationContext): Promise<Planned> {
  const ctx = { logger: context.logger, ...signalOf(context) };
  const providers = target.providers;
  const [live, findings] = await Promise.all([
    readLive(providers, ctx),
    options.inspect === false
      ? Promise.resolve([] as Finding[])
      : Promise.all(
          providers.map((p) =>
            p.inspect
              ? p.inspect(
                  options.desired.filter((r) => p.kinds.includes(r.kind)),
                  ctx,
                )
              : Promise.resolve([]),
          ),
        ).then((f) => f.flat()),
  ]);
  const providedKinds = new Set<ResourceKind>(providers.flatMap((p) => p.kinds));
  const manualKinds = new Set<ResourceKind>(providers.filter((p) => p.manual).flatMap((p) => p.kinds));
  const now = (context.now ?? systemClock)();
  const plan = (liveNow: LiveResource[]) =>
    planChanges({
      namespace: options.namespace,
      environment: { name: target.name, target: target.target },
      desired: options.desired,
      live: liveNow,
      providedKinds,
      manualKinds,
      ...(target.manualInstructions ? { manualInstructions: target.manualInstructions } : {}),
      findings,
      secret: target.secret ?? ((name) => readSecret(name, context.env)),
      allowDestroy: options.allowDestroy ?? false,
      now,
    });
  const first = plan(live);
  // Safety facts (a Klass's KObjects) are read for removal candidates only, then the plan is redone
  // with them: an ordinary plan costs no extra request.
  const withFacts = await addRemovalFacts(first, live, providers, ctx);
  return withFacts === live ? { plan: first, live } : { plan: plan(withFacts), live: withFacts };
}

async function addRemovalFacts(
  plan: Plan,
  live: LiveResource[],
  providers: readonly Provider[],
  ctx: { logger: Logger; signal?: AbortSignal },
): Promise<LiveResource[]> {
  const removals = new Set(
    plan.changes.filter((c) => c.kind === 'delete').map((c) => `${c.resource.kind}:${c.resource.key}`),
  );
  if (removals.size === 0) return live;
  let changed = false;
  const updated = await Promise.all(
    live.map(async (l) => {
      const provider = providers.find((p) => p.kinds.includes(l.kind));
      if (!provider?.removalFacts || !removals.has(`${l.kind}:${l.key}`)) return l;
      const facts = await provider.removalFacts(l, ctx);
      if (Object.keys(facts).length === 0) return l;
      changed = true;
      return { ...l, facts: { ...l.facts, ...facts } };
    }),
  );
  return changed ? updated : live;
}
