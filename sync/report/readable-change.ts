/**
 * Pure. A change as a reviewer reads it: summary lines that differ only by step grouped, and a
 * workflow update's repeated hunks shown once with the steps they occur in (group-changes.ts).
 */
import { displayDesired } from '../plan/resolve.js';
import type { Change } from '../plan/types.js';
import { groupNotes, groupWorkflowDiff, renderGroupedDiff } from './group-changes.js';

export function readableNotes(change: Change): string[] {
  return groupNotes(change.summary);
}

/** The diff to show: grouped for workflow updates, as planned otherwise. The JSON plan keeps the full one. */
export function readableDiff(change: Change): string {
  if (change.kind !== 'update' || change.resource.kind !== 'kustomer.workflow' || !change.diff) return change.diff;
  return renderGroupedDiff(groupWorkflowDiff(change.diff, displayDesired(change.body)));
}
