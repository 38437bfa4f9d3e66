/**
 * Pure. Desired resources + live objects → Plan. Only objects named inside the namespace are looked
 * at; everything else is counted and left alone. Never throws for one resource: problems become
 * refusals and diagnostics on the plan.
 */
import { canonicalJson, isJsonObject } from '../../compiler/json.js';
import type { Diagnostic } from '../../compiler/diagnostics.js';
import { compareResources, resourceId, type Resource, type ResourceKind } from '../../compiler/resource.js';
import type { Finding, LiveResource } from '../providers/provider.js';
import { compareResource } from './compare.js';
import { hashJson } from './hash.js';
import { isManaged, isManagedResource } from './ownership.js';
import type { OutputsByResource } from './resolve.js';
import { describeDuplicate, findDuplicates, type LiveDuplicate } from './duplicates.js';
import {
  assertNever,
  PLAN_VERSION,
  type Change,
  type LiveRef,
  type Plan,
  type PlanEnvironment,
  type Refusal,
} from './types.js';

export interface PlanInput {
  namespace: string;
  environment: PlanEnvironment;
  desired: readonly Resource[];
  live: readonly LiveResource[];
  /** Kinds some provider of this environment reads; desired resources of other kinds are not planned. */
  providedKinds: ReadonlySet<ResourceKind>;
  /** Kinds whose provider is manual (no write API): live = the recorded confirmation. */
  manualKinds?: ReadonlySet<ResourceKind>;
  /** Paste-ready instructions for a manual resource; default: its canonical JSON. */
  manualInstructions?: (resource: Resource) => string;
  findings?: readonly Finding[];
  /** Secret values for comparison only; never stored. */
  secret: (envVar: string) => string | undefined;
  allowDestroy?: boolean;
  /** When the plan is made (its `createdAt`): passed in, so planning stays pure. */
  now: Date;
}

const liveRef = (l: LiveResource): LiveRef => ({ key: l.key, id: l.id, fingerprint: l.fingerprint });

export function planChanges(input: PlanInput): Plan {
  const manualKinds = input.manualKinds ?? new Set<ResourceKind>();
  const inNamespace = (l: LiveResource) => manualKinds.has(l.kind) || isManagedResource(l, input.namespace);
  const outsideNamespace: Plan['outsideNamespace'] = {};
  const managed = input.live.filter((l) => inNamespace(l));
  for (const l of input.live) if (!inNamespace(l)) outsideNamespace[l.kind] = (outsideNamespace[l.kind] ?? 0) + 1;
  // A name that exists more than once live maps to the copy kac keeps; the others are extra copies.
  const duplicates = findDuplicates(managed, input.live);
  const duplicateOf = new Map(duplicates.map((d) => [resourceId(d), d]));
  const live = new Map<string, LiveResource>();
  const extras: LiveResource[] = [];
  for (const l of managed) {
    const d = duplicateOf.get(resourceId(l));
    if (d && l.id !== d.kept) extras.push(l);
    else live.set(resourceId(l), l);
  }

  const diagnostics: Diagnostic[] = duplicates.map((d) => ({
    code: 'plan/duplicate-live-name',
    severity: 'warning',
    message: describeDuplicate(d, input.environment.name),
  }));
  const allowDestroy = input.allowDestroy ?? false;
  const ambiguous = (id: string) => !allowDestroy && duplicateOf.get(id)?.ambiguous === true;
  const desired = [...input.desired].sort(compareResources);
  const matched = new Map<string, LiveResource | undefined>();
  const claimed = new Set<string>();
  for (const r of desired) {
    let found = live.get(resourceId(r));
    if (!found && r.renamedFrom) {
      if (!isManaged(r.renamedFrom, input.namespace)) {
        diagnostics.push({
          code: 'plan/rename-outside-namespace',
          severity: 'warning',
          message: `${r.kind} "${r.key}" names "${r.renamedFrom}" in renamedFrom, which is outside the namespace "${input.namespace}": kac never touches it, so "${r.key}" is created instead.`,
          location: r.source,
        });
      } else found = live.get(resourceId({ kind: r.kind, key: r.renamedFrom }));
    }
    matched.set(resourceId(r), found);
    if (found) claimed.add(resourceId(found));
  }

  // References resolve against the live object each desired resource maps to (a renamed hook keeps its id).
  const outputs: OutputsByResource = new Map();
  for (const l of live.values()) outputs.set(resourceId(l), l.outputs);
  for (const r of desired) {
    const found = matched.get(resourceId(r));
    if (found) outputs.set(resourceId(r), found.outputs);
    else outputs.delete(resourceId(r));
  }

  const changes: Change[] = [];
  const unprovided = new Map<ResourceKind, number>();
  for (const r of desired) {
    if (!input.providedKinds.has(r.kind)) {
      unprovided.set(r.kind, (unprovided.get(r.kind) ?? 0) + 1);
      continue;
    }
    const found = matched.get(resourceId(r));
    if (manualKinds.has(r.kind)) {
      changes.push(manualChange(r, found, input.manualInstructions));
      continue;
    }
    const refs = pinnedReferences(r, found, duplicateOf, outputs, input.live);
    const compared = compareResource(r, found, { outputs: refs.outputs, secret: input.secret });
    diagnostics.push(...compared.diagnostics);
    const unsure = refs.ambiguous.filter(ambiguous);
    if (ambiguous(resourceId(r))) {
      changes.push(
        refusedForDuplicate(
          r,
          compared.change,
          found!,
          `${r.kind} "${r.key}" exists ${duplicateOf.get(resourceId(r))!.copies.length} times in the org; kac will not update either copy while the name is ambiguous.`,
        ),
      );
    } else if (unsure.length > 0 && compared.change.kind !== 'noop') {
      changes.push(
        refusedForDuplicate(
          r,
          compared.change,
          found,
          `${r.kind} "${r.key}" references ${unsure.map((id) => `"${id}"`).join(', ')}, which exists more than once in the org; kac will not choose a copy for it.`,
        ),
      );
    } else changes.push(compared.change);
  }
  for (const [kind, count] of unprovided) {
    diagnostics.push({
      code: 'plan/no-provider',
      severity: 'warning',
      message: `${count} ${kind} resource(s) not planned: environment "${input.environment.name}" has no provider for ${kind}.`,
    });
  }

  const desiredIds = new Set(desired.map(resourceId));
  for (const l of live.values()) {
    const id = resourceId(l);
    if (desiredIds.has(id) || claimed.has(id)) continue;
    const change = removalChange(l, manualKinds.has(l.kind), input.allowDestroy ?? false, desiredIds);
    if (change) changes.push(change);
  }
  for (const l of extras) {
    const id = resourceId(l);
    const d = duplicateOf.get(id)!;
    if (!d.ambiguous) continue;
    if (desiredIds.has(id) || claimed.has(id)) {
      // The name is in git: with --allow-destroy the extra copies go; without, the refusal above says how.
      if (!allowDestroy) continue;
      const base = { resource: { kind: l.kind, key: l.key }, live: liveRef(l), diff: '', extraCopy: true as const };
      const note = {
        code: 'field-changed' as const,
        message: `an extra copy (${l.id}) of a name that exists ${d.copies.length} times; ${d.kept} is kept`,
      };
      if (l.kind === 'kustomer.workflow') {
        if (l.body.enabled !== false) changes.push({ kind: 'disable', ...base, summary: [note] });
      } else changes.push({ kind: 'delete', ...base, summary: [note] });
      continue;
    }
    const change = removalChange(l, manualKinds.has(l.kind), allowDestroy, desiredIds);
    if (change && (change.kind === 'delete' || change.kind === 'disable')) changes.push({ ...change, extraCopy: true });
  }
  changes.sort((a, b) => compareResources(a.resource, b.resource));

  const fingerprints: Record<string, LiveRef> = {};
  for (const [id, l] of [...live].sort(([a], [b]) => (a < b ? -1 : 1))) fingerprints[id] = liveRef(l);
  for (const l of extras) fingerprints[`${resourceId(l)}#${l.id}`] = liveRef(l);

  return {
    version: PLAN_VERSION,
    createdAt: input.now.toISOString(),
    namespace: input.namespace,
    environment: input.environment,
    allowDestroy: input.allowDestroy ?? false,
    desired,
    changes,
    fingerprints,
    manualKinds: [...manualKinds].sort(),
    outsideNamespace,
    findings: [...(input.findings ?? [])],
    diagnostics,
    ...(duplicates.length ? { duplicates } : {}),
  };
}

/**
 * The outputs `r` resolves its references against. A reference to a duplicated name resolves to the
 * copy the live object already points at (so nothing is re-targeted); with no such copy it is ambiguous.
 */
function pinnedReferences(
  r: Resource,
  found: LiveResource | undefined,
  duplicateOf: ReadonlyMap<string, LiveDuplicate>,
  outputs: OutputsByResource,
  all: readonly LiveResource[],
): { outputs: OutputsByResource; ambiguous: string[] } {
  const refs = r.dependsOn.map(resourceId).filter((id) => duplicateOf.has(id));
  if (refs.length === 0) return { outputs, ambiguous: [] };
  const pinned: OutputsByResource = new Map(outputs);
  const ambiguousRefs: string[] = [];
  const text = found ? canonicalJson(found.body, 0) : '';
  for (const id of refs) {
    const d = duplicateOf.get(id)!;
    const pointed = d.copies.filter((c) => text.includes(c.id));
    if (pointed.length === 1) {
      const copy = all.find((l) => l.id === pointed[0]!.id && resourceId(l) === id);
      if (copy) pinned.set(id, copy.outputs);
    } else ambiguousRefs.push(id);
  }
  return { outputs: pinned, ambiguous: ambiguousRefs };
}

function refusedForDuplicate(r: Resource, change: Change, found: LiveResource | undefined, message: string): Change {
  const refusal: Refusal = {
    reason: 'duplicate',
    message,
    hint: 'see the duplicate-live-name warning below for which copy is used where and how to remove the extras',
  };
  const planned =
    'body' in change
      ? { body: change.body, desiredHash: change.desiredHash, pendingRefs: change.pendingRefs }
      : { body: r.body, desiredHash: hashJson(r.body), pendingRefs: [] };
  const base = {
    resource: { kind: r.kind, key: r.key },
    ...(r.source ? { source: r.source } : {}),
    summary: change.summary.length
      ? change.summary
      : [{ code: 'field-changed' as const, message: 'the name exists more than once live' }],
    diff: change.diff,
    ...planned,
    refusal,
  };
  return found ? { kind: 'update', ...base, live: liveRef(found) } : { kind: 'create', ...base };
}

function manualChange(r: Resource, found: LiveResource | undefined, instructions?: (r: Resource) => string): Change {
  const desiredHash = hashJson(r.body);
  const base = { resource: { kind: r.kind, key: r.key }, ...(r.source ? { source: r.source } : {}), diff: '' };
  if (found && canonicalJson(found.body) === canonicalJson(r.body)) {
    return { kind: 'noop', ...base, live: liveRef(found), summary: [], notes: ['confirmed as configured'] };
  }
  return {
    kind: 'manual',
    ...base,
    desiredHash,
    reason: found ? 'changed' : 'not-confirmed',
    summary: [
      {
        code: 'field-changed',
        message: found
          ? 'changed since it was last confirmed: update it by hand'
          : 'not confirmed yet: set it up by hand',
      },
    ],
    instructions: instructions ? instructions(r) : canonicalJson(r.body),
  };
}

/** A live object in the namespace that git no longer declares. */
function removalChange(
  l: LiveResource,
  manual: boolean,
  allowDestroy: boolean,
  desiredIds: ReadonlySet<string>,
): Change | undefined {
  const base = { resource: { kind: l.kind, key: l.key }, live: liveRef(l), diff: '' };
  const unmanaged = { code: 'field-changed' as const, message: 'not in git (unmanaged in namespace)' };
  if (manual) {
    return {
      kind: 'manual',
      ...base,
      desiredHash: '',
      reason: 'removed',
      summary: [unmanaged],
      instructions: `Remove "${l.key}" by hand: it is no longer in git.`,
    };
  }
  switch (l.kind) {
    case 'kustomer.workflow':
      if (l.body.enabled === false)
        return { kind: 'noop', ...base, summary: [], notes: ['not in git; already disabled'] };
      return {
        kind: 'disable',
        ...base,
        summary: [unmanaged, { code: 'enabled-changed', message: 'disabled: Kustomer has no workflow delete' }],
      };
    case 'kustomer.klass-attributes':
      // Attributes go with their Klass; kac never removes attributes on its own.
      return desiredIds.has(resourceId({ kind: 'kustomer.klass', key: l.key }))
        ? { kind: 'noop', ...base, summary: [], notes: ['attributes not in git are kept in Kustomer'] }
        : undefined;
    case 'kustomer.standard-attributes':
      // kac never removes attributes; the body holds only owned ones (a standard object is never deleted).
      return isJsonObject(l.body.properties) && Object.keys(l.body.properties).length > 0
        ? {
            kind: 'noop',
            ...base,
            summary: [],
            notes: [`attributes not in git are kept in Kustomer: ${Object.keys(l.body.properties).sort().join(', ')}`],
          }
        : undefined;
    case 'kustomer.klass': {
      const kobjects = Number(l.facts?.kobjectCount ?? 0);
      if (kobjects > 0) {
        return {
          kind: 'delete',
          ...base,
          summary: [unmanaged],
          refusal: {
            reason: 'has-kobjects',
            message: `Klass "${l.key}" has ${kobjects} KObject(s); Kustomer refuses to delete it and so does kac.`,
            hint: `put the Klass back in git, or delete its KObjects in Kustomer first.`,
          },
        };
      }
      return deleteChange(l, base, unmanaged, allowDestroy);
    }
    case 'kustomer.hook':
    case 'kustomer.outbound-webhook':
    case 'iterable.journey-webhook':
      return deleteChange(l, base, unmanaged, allowDestroy);
    default:
      return assertNever(l.kind);
  }
}

function deleteChange(
  l: LiveResource,
  base: { resource: Change['resource']; live: LiveRef; diff: string },
  note: Change['summary'][number],
  allowDestroy: boolean,
): Change {
  if (allowDestroy) return { kind: 'delete', ...base, summary: [note] };
  return {
    kind: 'delete',
    ...base,
    summary: [note],
    refusal: {
      reason: 'allow-destroy',
      message: `${l.kind} "${l.key}" is not in git; deleting it is refused without --allow-destroy.`,
      hint: 'put it back in git to keep it, or run apply with --allow-destroy to delete it.',
    },
  };
}
