/**
 * Pure. A plan of main against the live org, read as drift: what changed in the org since git was
 * applied. Built on the planner's changes (one differ, not two), sorted into the buckets a person
 * acts on: changed in the UI, deleted in the UI, created in the UI inside the namespace, manual
 * steps pending (Iterable). Objects outside the namespace are only counted.
 */
import type { Diagnostic } from '../../compiler/diagnostics.js';
import { describeDuplicate } from '../plan/duplicates.js';
import type { ResourceKind, SourceLocation } from '../../compiler/resource.js';
import { assertNever, type Change, type Plan } from '../plan/types.js';
import type { Finding } from '../providers/provider.js';

export const DRIFT_BUCKETS = ['changed-in-ui', 'deleted-in-ui', 'created-in-ui', 'manual-pending'] as const;
export type DriftBucket = (typeof DRIFT_BUCKETS)[number];

export const BUCKET_LABEL: Record<DriftBucket, string> = {
  'changed-in-ui': 'Changed in the UI',
  'deleted-in-ui': 'Deleted in the UI',
  'created-in-ui': 'Created in the UI',
  'manual-pending': 'Manual steps pending',
};

export interface DriftItem {
  bucket: DriftBucket;
  kind: ResourceKind;
  key: string;
  /** What differs, in the author's terms (the planner's semantic notes). */
  notes: string[];
  /** Unified diff, `-` live / `+` main, secrets masked. Empty when not useful. */
  diff: string;
  /** The live object's id, when there is one. */
  liveId?: string;
  /** Where main defines it, when it does. */
  source?: SourceLocation;
  /** For manual steps: the paste-ready configuration. */
  instructions?: string;
  /** What applying main would do about it. */
  applyWould: 'update' | 'recreate' | 'disable' | 'delete' | 'nothing (manual)' | 'nothing (duplicate)';
  /** Why kac would not delete it even with --allow-destroy (a Klass with KObjects). */
  neverDeleted?: string;
}

/** `applyWould` as a person reads it. */
export function applyPhrase(item: Pick<DriftItem, 'applyWould' | 'neverDeleted'>): string {
  if (item.neverDeleted) return `kac will not delete it: ${item.neverDeleted}`;
  switch (item.applyWould) {
    case 'update':
      return 'apply would update it';
    case 'recreate':
      return 'apply would recreate it';
    case 'disable':
      return 'apply would disable it';
    case 'delete':
      return 'apply --allow-destroy would delete it';
    case 'nothing (manual)':
      return 'paste it in Iterable by hand, then kac iterable confirm';
    case 'nothing (duplicate)':
      return 'apply will not touch it while the name exists more than once (see Findings for how to resolve it)';
  }
}

export interface DriftReport {
  environment: string;
  target: string;
  namespace: string;
  checkedAt: string;
  hasDrift: boolean;
  counts: Record<DriftBucket, number>;
  items: DriftItem[];
  /** Live objects outside the namespace, by kind: never touched, listed for awareness. */
  unmanaged: Partial<Record<ResourceKind, number>>;
  findings: Finding[];
  /** Problems in main itself (the comparison may be incomplete while they stand). */
  errors: Diagnostic[];
}

function itemOf(change: Change): DriftItem | undefined {
  const base = {
    kind: change.resource.kind,
    key: change.resource.key,
    notes: change.summary.map((n) => n.message),
    diff: change.diff,
    source: change.source,
  };
  switch (change.kind) {
    case 'noop':
      return undefined;
    case 'update':
      // A second copy of a managed name was made outside git: apply refuses to pick one.
      if (change.refusal?.reason === 'duplicate')
        return {
          ...base,
          notes: [change.refusal.message, ...base.notes],
          bucket: 'created-in-ui',
          liveId: change.live.id,
          applyWould: 'nothing (duplicate)',
        };
      return { ...base, bucket: 'changed-in-ui', liveId: change.live.id, applyWould: 'update' };
    case 'create':
      return { ...base, bucket: 'deleted-in-ui', applyWould: 'recreate' };
    case 'disable':
      return { ...base, bucket: 'created-in-ui', liveId: change.live.id, applyWould: 'disable' };
    case 'delete':
      return {
        ...base,
        bucket: 'created-in-ui',
        liveId: change.live.id,
        applyWould: 'delete',
        ...(change.refusal?.reason === 'has-kobjects' ? { neverDeleted: change.refusal.message } : {}),
      };
    case 'manual':
      return { ...base, bucket: 'manual-pending', instructions: change.instructions, applyWould: 'nothing (manual)' };
    default:
      return assertNever(change);
  }
}

export function buildDriftReport(plan: Plan): DriftReport {
  // Grouped by bucket (the table's order), plan order (kind, then key) inside a bucket.
  const items = plan.changes
    .map(itemOf)
    .filter((i): i is DriftItem => i !== undefined)
    .sort((a, b) => DRIFT_BUCKETS.indexOf(a.bucket) - DRIFT_BUCKETS.indexOf(b.bucket));
  const counts = Object.fromEntries(
    DRIFT_BUCKETS.map((b) => [b, items.filter((i) => i.bucket === b).length]),
  ) as Record<DriftBucket, number>;
  return {
    environment: plan.environment.name,
    target: plan.environment.target,
    namespace: plan.namespace,
    checkedAt: plan.createdAt,
    hasDrift: items.length > 0,
    counts,
    items,
    unmanaged: plan.outsideNamespace,
    // Every duplicated managed name is a finding, with its copies, their references and the way out.
    findings: [
      ...plan.findings,
      ...(plan.duplicates ?? []).map((d) => ({
        severity: d.ambiguous ? ('error' as const) : ('warning' as const),
        resource: { kind: d.kind, key: d.key },
        message: describeDuplicate(d, plan.environment.name),
      })),
    ],
    errors: plan.diagnostics.filter((d) => d.severity === 'error'),
  };
}

/** "3 resources differ from main" / "no drift". */
export function driftHeadline(report: DriftReport): string {
  const n = report.items.length;
  return n === 0
    ? `No drift: the live org matches main`
    : `${n} resource${n === 1 ? '' : 's'} differ${n === 1 ? 's' : ''} from main`;
}
