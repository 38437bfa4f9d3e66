/**
 * Executes a Plan through the providers and returns a result per change; never throws for one item.
 * Dependencies first, removals last, bounded concurrency, references and secrets substituted right
 * before a request, every step journaled. Retryable failures (network, 429, 5xx) get further rounds;
 * before a round, the org is re-read so a create whose response was lost is adopted, not repeated.
 */
import pLimit from 'p-limit';
import {
  resourceId,
  type Resource,
  type ResourceKind,
  type ResourceRef,
  type SourceLocation,
} from '../../compiler/resource.js';
import { ApiError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { LiveResource, Provider } from '../providers/provider.js';
import { impactOf, isExecutable } from '../plan/impact.js';
import { resolveRefs, resolveSecretsForSend, type OutputsByResource } from '../plan/resolve.js';
import { assertNever, type Change, type ChangeKind, type Plan } from '../plan/types.js';
import { Journal } from './journal.js';
import { adoptIfDone, confirmedInOrg, indexLive, liveFor } from './in-org.js';
import { changeId, scheduleChanges, type ScheduledChange } from './order.js';

export type ApplyStatus = 'applied' | 'failed' | 'skipped-dependency-failed' | 'refused' | 'manual' | 'interrupted';

export interface ChangeResult {
  resource: ResourceRef;
  change: ChangeKind;
  status: ApplyStatus;
  message?: string;
  source?: SourceLocation;
  /** The live object's id after the change. */
  id?: string;
  attempts: number;
}

export interface ApplyResult {
  results: ChangeResult[];
  counts: Record<ApplyStatus, number>;
  /** True when the journal of an interrupted apply of this same plan was picked up. */
  resumed: boolean;
}

export type ApplyEvent =
  { type: 'start'; total: Partial<Record<ResourceKind, number>> } | { type: 'done'; result: ChangeResult };

export interface ApplyOptions {
  providers: ReadonlyMap<ResourceKind, Provider>;
  /** Live objects as read for (or since) the plan: what updates and removals act on. */
  live: readonly LiveResource[];
  /** Re-reads the org between retry rounds. */
  refetchLive?: () => Promise<LiveResource[]>;
  /** One kind's live objects (one list read); re-read before the first create of that kind in each round. */
  listKind?: (kind: ResourceKind) => Promise<LiveResource[] | undefined>;
  secret: (envVar: string) => string | undefined;
  allowDestroy: boolean;
  logger: Logger;
  journal?: Journal;
  concurrency?: number;
  /** Rounds after the first for retryable failures. Default 3. */
  retryRounds?: number;
  signal?: AbortSignal;
  onEvent?: (event: ApplyEvent) => void;
}

function isRetryable(error: unknown): boolean {
  if (error instanceof ApiError)
    return (
      error.details.status === undefined ||
      error.details.status === 429 ||
      error.details.status === 408 ||
      error.details.status >= 500
    );
  return !(error instanceof TypeError || error instanceof RangeError);
}

const emptyCounts = (): Record<ApplyStatus, number> => ({
  applied: 0,
  failed: 0,
  'skipped-dependency-failed': 0,
  refused: 0,
  manual: 0,
  interrupted: 0,
});

export async function applyPlan(plan: Plan, options: ApplyOptions): Promise<ApplyResult> {
  const journal = options.journal ?? Journal.memory(plan.environment.name, 'memory');
  const results = new Map<string, ChangeResult>();
  const base = (c: Change) => ({
    resource: c.resource,
    change: c.kind,
    ...(c.source ? { source: c.source } : {}),
    attempts: 0,
  });
  for (const c of plan.changes) {
    if (c.kind === 'noop' || isExecutable(c, options.allowDestroy)) continue;
    if (c.kind === 'manual') {
      results.set(changeId(c), { ...base(c), status: 'manual', message: 'to be done by hand (see the plan)' });
      continue;
    }
    const refusal = c.kind === 'create' || c.kind === 'update' || c.kind === 'delete' ? c.refusal : undefined;
    const message =
      refusal && impactOf(c, { allowDestroy: options.allowDestroy }) === 'refused'
        ? refusal.message
        : 'deleting needs --allow-destroy';
    results.set(changeId(c), { ...base(c), status: 'refused', message });
  }

  const scheduled = scheduleChanges(plan, { allowDestroy: options.allowDestroy });
  const total: Partial<Record<ResourceKind, number>> = {};
  for (const s of scheduled) total[s.change.resource.kind] = (total[s.change.resource.kind] ?? 0) + 1;
  options.onEvent?.({ type: 'start', total });

  // Outputs every reference may resolve against: live objects, then this plan's earlier (journaled) work.
  const outputs: OutputsByResource = new Map();
  const desiredByLiveKey = new Map<string, string>();
  for (const c of plan.changes)
    if ('live' in c && c.live)
      desiredByLiveKey.set(resourceId({ kind: c.resource.kind, key: c.live.key }), changeId(c));
  for (const l of options.live) outputs.set(desiredByLiveKey.get(resourceId(l)) ?? resourceId(l), l.outputs);
  let live = indexLive(options.live);

  // The signal stops scheduling; requests already sent finish, so their outcome is known and journaled.
  const ctx = { logger: options.logger };
  const limit = pLimit(Math.max(1, options.concurrency ?? 8));
  // A journal entry is a claim, not a fact: it is skipped only when the org (just read) confirms it,
  // and references resolve from the object found live, never from ids the journal remembers.
  let pending = scheduled.filter((s) => {
    const entry = journal.entry(s.id);
    if (entry?.status !== 'applied') return true;
    const confirmed = confirmedInOrg(s, entry.id, live);
    if (!confirmed) {
      options.logger.debug(`apply: ${s.id} is journaled as applied but the org does not show it; doing it again`);
      return true;
    }
    if (confirmed.outputs) outputs.set(s.id, confirmed.outputs);
    results.set(s.id, {
      ...base(s.change),
      status: 'applied',
      ...(confirmed.id ? { id: confirmed.id } : {}),
      message: 'done by the interrupted apply this one resumes (confirmed in the org)',
    });
    return false;
  });
  const attempts = new Map<string, number>();
  const rounds = 1 + (options.retryRounds ?? 3);

  for (let round = 0; round < rounds && pending.length > 0; round++) {
    if (round > 0 || journal.resumed) {
      // Ambiguous outcomes (a lost response, or an interrupted apply whose last entries never reached the
      // journal): look at the org first. On resume `options.live` was just read; later rounds re-read.
      if (round > 0 && options.refetchLive) live = indexLive(await options.refetchLive());
      pending = pending.filter((s) => !adoptIfDone(s, live, results, outputs, base));
    }
    const failedNow = new Set<string>();
    // Names of a kind are re-read once per round, just before its first create: another run may have
    // created one since the plan was read (a concurrent apply on another machine).
    const listed = new Map<ResourceKind, Promise<LiveResource[] | undefined>>();
    const listedOnce = (kind: ResourceKind) => {
      let p = listed.get(kind);
      if (!p)
        listed.set(
          kind,
          (p = options.listKind ? options.listKind(kind).catch(() => undefined) : Promise.resolve(undefined)),
        );
      return p;
    };
    const byId = new Map(pending.map((t) => [t.id, t]));
    const promises = new Map<string, Promise<boolean>>();
    const run = (s: ScheduledChange): Promise<boolean> => {
      let p = promises.get(s.id);
      if (p) return p;
      p = (async () => {
        const deps = await Promise.all(
          s.after.map((d) => {
            const dep = byId.get(d);
            return dep ? run(dep) : Promise.resolve(results.get(d)?.status === 'applied');
          }),
        );
        if (deps.some((ok) => !ok)) {
          if (options.signal?.aborted) {
            results.set(s.id, { ...base(s.change), status: 'interrupted', attempts: attempts.get(s.id) ?? 0 });
            return false;
          }
          results.set(s.id, {
            ...base(s.change),
            status: 'skipped-dependency-failed',
            attempts: attempts.get(s.id) ?? 0,
            message: `waits for ${s.after.filter((d) => results.get(d)?.status !== 'applied').join(', ')}`,
          });
          return false;
        }
        return limit(async () => {
          if (options.signal?.aborted) {
            results.set(s.id, { ...base(s.change), status: 'interrupted', attempts: attempts.get(s.id) ?? 0 });
            return false;
          }
          if (s.change.kind === 'create') {
            const found = (await listedOnce(s.change.resource.kind))?.find((l) => l.key === s.change.resource.key);
            if (found) {
              outputs.set(s.id, found.outputs);
              journal.record(s.id, { status: 'applied', id: found.id, outputs: found.outputs });
              const adopted: ChangeResult = {
                ...base(s.change),
                status: 'applied',
                id: found.id,
                attempts: attempts.get(s.id) ?? 0,
                message: 'created meanwhile by another run: adopted, not created again',
              };
              results.set(s.id, adopted);
              options.onEvent?.({ type: 'done', result: adopted });
              return true;
            }
          }
          attempts.set(s.id, (attempts.get(s.id) ?? 0) + 1);
          const result = await execute(s, { live, outputs, journal, options, ctx });
          const full: ChangeResult = { ...base(s.change), ...result, attempts: attempts.get(s.id)! };
          results.set(s.id, full);
          if (result.status === 'failed' && result.retryable) failedNow.add(s.id);
          if (result.status === 'applied' || round === rounds - 1 || !result.retryable)
            options.onEvent?.({ type: 'done', result: full });
          return result.status === 'applied';
        });
      })();
      promises.set(s.id, p);
      return p;
    };
    const writes = pending.filter((s) => s.phase === 'write');
    await Promise.all(writes.map(run));
    await Promise.all(pending.filter((s) => s.phase === 'remove').map(run));
    if (options.signal?.aborted) break;
    // Next round: retryable failures and whatever was skipped because of them.
    pending = pending.filter(
      (s) =>
        failedNow.has(s.id) ||
        (results.get(s.id)?.status === 'skipped-dependency-failed' && dependsOnRetry(s, byId, failedNow)),
    );
    if (pending.length)
      options.logger.debug(`apply: retrying ${pending.length} change(s) after retryable failures (round ${round + 2})`);
  }

  const counts = emptyCounts();
  const ordered = plan.changes.filter((c) => results.has(changeId(c))).map((c) => results.get(changeId(c))!);
  for (const r of ordered) counts[r.status]++;
  if (!options.signal?.aborted && counts.failed === 0 && counts['skipped-dependency-failed'] === 0)
    await journal.finish().catch(() => undefined);
  else await journal.flush().catch(() => undefined);
  return { results: ordered, counts, resumed: journal.resumed };
}

function dependsOnRetry(s: ScheduledChange, byId: ReadonlyMap<string, ScheduledChange>, retry: Set<string>): boolean {
  const seen = new Set<string>();
  const visit = (id: string): boolean => {
    if (retry.has(id)) return true;
    if (seen.has(id)) return false;
    seen.add(id);
    return (byId.get(id)?.after ?? []).some(visit);
  };
  return s.after.some(visit);
}

interface ExecuteContext {
  live: Map<string, LiveResource>;
  outputs: OutputsByResource;
  journal: Journal;
  options: ApplyOptions;
  ctx: { logger: Logger; signal?: AbortSignal };
}

type Executed =
  | { status: 'applied'; id?: string; message?: string; retryable?: false }
  | { status: 'failed'; message: string; retryable: boolean };

async function execute(s: ScheduledChange, x: ExecuteContext): Promise<Executed> {
  const c = s.change;
  const provider = x.options.providers.get(c.resource.kind);
  if (!provider || provider.manual)
    return {
      status: 'failed',
      message: `no provider can write ${c.resource.kind} in this environment`,
      retryable: false,
    };
  try {
    switch (c.kind) {
      case 'create':
      case 'update': {
        const resource = prepare(s, c.body, x);
        if ('failure' in resource) return resource.failure;
        const current = c.kind === 'update' ? liveFor(x.live, c.resource.kind, c.live) : undefined;
        if (c.kind === 'update' && !current)
          return { status: 'failed', message: `${c.live.key} is no longer in the org; plan again`, retryable: false };
        x.journal.record(s.id, { status: 'started' });
        const after = current
          ? await provider.update(resource.ok, current, x.ctx)
          : await provider.create(resource.ok, x.ctx);
        x.outputs.set(s.id, after.outputs);
        x.journal.record(s.id, { status: 'applied', id: after.id, outputs: after.outputs });
        return { status: 'applied', id: after.id };
      }
      case 'disable':
      case 'delete': {
        // Only the very object the plan read: another one of the same name is not "it".
        const current = liveFor(x.live, c.resource.kind, c.live, false);
        if (!current) return { status: 'applied', message: 'already gone from the org' };
        x.journal.record(s.id, { status: 'started' });
        await provider.remove(current, x.ctx);
        x.journal.record(s.id, { status: 'applied', id: current.id });
        return { status: 'applied', id: current.id };
      }
      case 'manual':
      case 'noop':
        return { status: 'failed', message: `a ${c.kind} change is not executable`, retryable: false };
      default:
        return assertNever(c);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    x.journal.record(s.id, { status: 'failed', message });
    return { status: 'failed', message, retryable: isRetryable(error) };
  }
}

/** The resource exactly as sent: references from outputs known now, secrets from the environment. */
function prepare(
  s: ScheduledChange,
  body: Resource['body'],
  x: ExecuteContext,
): { ok: Resource } | { failure: Executed } {
  const { body: withRefs, pending } = resolveRefs(body, x.outputs);
  if (pending.length)
    return {
      failure: { status: 'failed', message: `unresolved reference(s): ${pending.join(', ')}`, retryable: false },
    };
  const { body: sent, missing } = resolveSecretsForSend(withRefs, x.options.secret);
  if (missing.length)
    return {
      failure: {
        status: 'failed',
        message: `secret(s) not set in this environment: ${missing.join(', ')}`,
        retryable: false,
      },
    };
  const r = s.resource;
  const resource: Resource = {
    kind: s.change.resource.kind,
    key: s.change.resource.key,
    body: sent,
    dependsOn: r?.dependsOn ?? [],
    sensitive: r?.sensitive ?? [],
    ...(r?.source ? { source: r.source } : {}),
    ...(r?.renamedFrom ? { renamedFrom: r.renamedFrom } : {}),
  };
  return { ok: resource };
}
