/**
 * The I/O around the pure planner: read every provider's live objects (list endpoints, in parallel),
 * run the read-only inspections, then planChanges. Used by `kac plan`, `kac apply` (fresh plans and
 * the verification re-plan), the demo and the bench.
 */
import type { Resource, ResourceKind } from '../../compiler/resource.js';
import type { Logger } from '../logger.js';
import { readSecret } from '../logger.js';
import type { Finding, LiveResource, Provider } from '../providers/provider.js';
import { planChanges } from './plan-changes.js';
import type { Plan } from './types.js';

export interface PlanTarget {
  name: string;
  target: string;
  providers: readonly Provider[];
  manualInstructions?: (resource: Resource) => string;
  /** Secret values for comparison; default: the process environment given in `env`. */
  secret?: (envVar: string) => string | undefined;
}

export interface MakePlanOptions {
  namespace: string;
  desired: readonly Resource[];
  environment: PlanTarget;
  env: NodeJS.ProcessEnv;
  logger: Logger;
  allowDestroy?: boolean;
  signal?: AbortSignal;
  /** Skip the read-only inspections (verification re-plans). */
  inspect?: boolean;
}

export async function readLive(providers: readonly Provider[], ctx: { logger: Logger; signal?: AbortSignal }): Promise<LiveResource[]> {
  const all = await Promise.all(providers.map((p) => p.fetchLive(ctx)));
  return all.flat();
}

export async function makePlan(options: MakePlanOptions): Promise<{ plan: Plan; live: LiveResource[] }> {
  const ctx = { logger: options.logger, ...(options.signal ? { signal: options.signal } : {}) };
  const providers = options.environment.providers;
  const [live, findings] = await Promise.all([
    readLive(providers, ctx),
    options.inspect === false
      ? Promise.resolve([] as Finding[])
      : Promise.all(providers.map((p) => (p.inspect ? p.inspect(options.desired.filter((r) => p.kinds.includes(r.kind)), ctx) : Promise.resolve([])))).then((f) => f.flat()),
  ]);
  const providedKinds = new Set<ResourceKind>(providers.flatMap((p) => p.kinds));
  const manualKinds = new Set<ResourceKind>(providers.filter((p) => p.manual).flatMap((p) => p.kinds));
  const plan = (liveNow: LiveResource[]) => planChanges({
    namespace: options.namespace,
    environment: { name: options.environment.name, target: options.environment.target },
    desired: options.desired,
    live: liveNow,
    providedKinds,
    manualKinds,
    ...(options.environment.manualInstructions ? { manualInstructions: options.environment.manualInstructions } : {}),
    findings,
    secret: options.environment.secret ?? ((name) => readSecret(name, options.env)),
    allowDestroy: options.allowDestroy ?? false,
  });
  const first = plan(live);
  // Safety facts (a Klass's KObjects) are read for removal candidates only, then the plan is redone
  // with them: an ordinary plan costs no extra request.
  const withFacts = await addRemovalFacts(first, live, providers, ctx);
  return withFacts === live ? { plan: first, live } : { plan: plan(withFacts), live: withFacts };
}

async function addRemovalFacts(plan: Plan, live: LiveResource[], providers: readonly Provider[], ctx: { logger: Logger; signal?: AbortSignal }): Promise<LiveResource[]> {
  const removals = new Set(plan.changes.filter((c) => c.kind === 'delete').map((c) => `${c.resource.kind}:${c.resource.key}`));
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
