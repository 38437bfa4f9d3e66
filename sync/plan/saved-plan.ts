/**
 * Saved plans: read a `plan.json` back (checked against the plan's own zod schema, every change kind
 * with its fields), identify it by hash, and decide
 * whether it is stale: every live object it read must still carry the same fingerprint, and nothing
 * new may have appeared in the namespace. Changes an interrupted apply of this same plan already
 * made are not staleness.
 */
import { resourceId } from '../../compiler/resource.js';
import { parseJsonFile } from '../json-file.js';
import type { LiveResource } from '../providers/provider.js';
import { hashJson } from './hash.js';
import { isManagedResource } from './ownership.js';
import { PLAN_VERSION, PlanSchema } from './schema.js';
import type { Plan } from './types.js';

export function parsePlanFile(text: string, file: string): Plan {
  const version = (() => {
    try {
      return (JSON.parse(text) as { version?: unknown } | null)?.version;
    } catch {
      return undefined;
    }
  })();
  const hint =
    version !== undefined && version !== PLAN_VERSION
      ? `this kac reads plan version ${PLAN_VERSION}; make the plan again with kac plan --out`
      : 'make the plan again with kac plan --out';
  return parseJsonFile(text, file, PlanSchema, { code: 'plan/invalid-file', hint });
}

/** Identity of a plan: what it would change and what it read (not when it was made). */
export function planHash(plan: Plan): string {
  return hashJson(
    JSON.parse(
      JSON.stringify({
        namespace: plan.namespace,
        environment: plan.environment.name,
        changes: plan.changes,
        fingerprints: plan.fingerprints,
      }),
    ),
  );
}

export interface StalenessOptions {
  /** `kind:key` of objects this plan's own (journaled) changes touched: their live state moved on purpose. */
  touched?: ReadonlySet<string>;
}

/** What changed in the org since the plan was made; empty when the plan is still current. */
export function findStaleness(plan: Plan, current: readonly LiveResource[], options: StalenessOptions = {}): string[] {
  // A Klass's attribute metadata exists as soon as the Klass does: creating one touches both.
  const touched = new Set(options.touched ?? []);
  for (const id of [...touched])
    if (id.startsWith('kustomer.klass:')) touched.add(id.replace('kustomer.klass:', 'kustomer.klass-attributes:'));
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
