/**
 * Saved plans: read a `plan.json` back (shape-checked with zod), identify it by hash, and decide
 * whether it is stale: every live object it read must still carry the same fingerprint, and nothing
 * new may have appeared in the namespace. Changes an interrupted apply of this same plan already
 * made are not staleness.
 */
import { z } from 'zod';
import { resourceId, RESOURCE_KINDS } from '../../compiler/resource.js';
import { DiagnosticsError } from '../errors.js';
import type { LiveResource } from '../providers/provider.js';
import { hashJson } from './hash.js';
import { isManagedResource } from './ownership.js';
import { PLAN_VERSION, type Plan } from './types.js';

const RefSchema = z.object({ kind: z.enum(RESOURCE_KINDS), key: z.string() });
const LiveRefSchema = z.object({ key: z.string(), id: z.string(), fingerprint: z.string() });
const ChangeSchema = z.looseObject({
  kind: z.enum(['create', 'update', 'disable', 'delete', 'manual', 'noop']),
  resource: RefSchema,
  summary: z.array(z.looseObject({ code: z.string(), message: z.string() })),
  diff: z.string(),
});
const PlanSchema = z.looseObject({
  version: z.literal(PLAN_VERSION),
  createdAt: z.string(),
  namespace: z.string(),
  environment: z.object({ name: z.string(), target: z.string() }),
  allowDestroy: z.boolean(),
  desired: z.array(z.looseObject({ kind: z.enum(RESOURCE_KINDS), key: z.string(), body: z.record(z.string(), z.unknown()), dependsOn: z.array(RefSchema), sensitive: z.array(z.array(z.union([z.string(), z.number()]))) })),
  changes: z.array(ChangeSchema),
  fingerprints: z.record(z.string(), LiveRefSchema),
  manualKinds: z.array(z.enum(RESOURCE_KINDS)),
  outsideNamespace: z.record(z.string(), z.number()),
  findings: z.array(z.unknown()),
  diagnostics: z.array(z.unknown()),
});

export function parsePlanFile(text: string, file: string): Plan {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new DiagnosticsError([{ code: 'plan/invalid-file', severity: 'error', message: `${file} is not JSON: ${(error as Error).message}`, location: { file, line: 1, column: 1 } }]);
  }
  const parsed = PlanSchema.safeParse(raw);
  if (!parsed.success) {
    const version = (raw as { version?: unknown } | null)?.version;
    const hint = version !== PLAN_VERSION ? `this kac reads plan version ${PLAN_VERSION}; make the plan again with kac plan --out` : undefined;
    throw new DiagnosticsError(
      parsed.error.issues.slice(0, 5).map((i) => ({
        code: 'plan/invalid-file',
        severity: 'error' as const,
        message: `${file}: ${i.path.join('.') || '(root)'}: ${i.message}`,
        location: { file, line: 1, column: 1 },
        ...(hint ? { hint } : {}),
      })),
    );
  }
  return parsed.data as unknown as Plan;
}

/** Identity of a plan: what it would change and what it read (not when it was made). */
export function planHash(plan: Plan): string {
  return hashJson(JSON.parse(JSON.stringify({ namespace: plan.namespace, environment: plan.environment.name, changes: plan.changes, fingerprints: plan.fingerprints })));
}

export interface StalenessOptions {
  /** `kind:key` of objects this plan's own (journaled) changes touched: their live state moved on purpose. */
  touched?: ReadonlySet<string>;
}

/** What changed in the org since the plan was made; empty when the plan is still current. */
export function findStaleness(plan: Plan, current: readonly LiveResource[], options: StalenessOptions = {}): string[] {
  // A Klass's attribute metadata exists as soon as the Klass does: creating one touches both.
  const touched = new Set(options.touched ?? []);
  for (const id of [...touched]) if (id.startsWith('kustomer.klass:')) touched.add(id.replace('kustomer.klass:', 'kustomer.klass-attributes:'));
  const manualKinds = new Set(plan.manualKinds);
  const inNamespace = (l: LiveResource) => manualKinds.has(l.kind) || isManagedResource(l, plan.namespace);
  const now = new Map(current.filter(inNamespace).map((l) => [resourceId(l), l]));
  const problems: string[] = [];
  for (const [id, recorded] of Object.entries(plan.fingerprints)) {
    if (touched.has(id)) continue;
    const l = now.get(id);
    if (!l) problems.push(`${id} was removed from the org`);
    else if (l.fingerprint !== recorded.fingerprint) problems.push(`${id} changed in the org`);
  }
  for (const id of now.keys()) {
    if (!(id in plan.fingerprints) && !touched.has(id)) problems.push(`${id} was created in the org`);
  }
  return problems.sort();
}

/**
 * On resuming an interrupted apply of `plan`: the objects whose planned change is already true in the
 * org (`fresh` = the same desired resources planned against the org now). They count as touched by the
 * interrupted apply even when its journal missed them.
 */
export function doneInOrg(plan: Plan, fresh: Plan): Set<string> {
  const now = new Map(fresh.changes.map((c) => [resourceId(c.resource), c]));
  const done = new Set<string>();
  for (const c of plan.changes) {
    if (c.kind === 'noop' || c.kind === 'manual') continue;
    const id = resourceId(c.resource);
    const f = now.get(id);
    const finished = c.kind === 'disable' || c.kind === 'delete' ? !f || f.kind === 'noop' : f?.kind === 'noop';
    if (!finished) continue;
    done.add(id);
    if ('live' in c && c.live) done.add(resourceId({ kind: c.resource.kind, key: c.live.key }));
  }
  return done;
}
