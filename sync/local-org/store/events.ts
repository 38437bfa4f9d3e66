/**
 * Standard events the store raises when an object is created or changed (Kustomer's built-in trigger
 * names, kustomer-api.md §3.4), and the payload a triggered workflow sees as step `1`: the object's
 * attributes with its `id`, plus for updates `changes.attributes.<field>.before/after`.
 */
import type { JsonObject } from '../../../compiler/json.js';

export interface OrgEvent {
  name: string;
  payload: JsonObject;
  /** 0 when an API request or hook post caused it; a run at depth d causes events at depth d + 1. */
  depth: number;
}

export type StandardObject = 'customer' | 'conversation' | 'note' | { kobject: string };

export function eventName(object: StandardObject, change: 'create' | 'update'): string {
  return typeof object === 'string' ? `kustomer.${object}.${change}` : `kustomer.kobject.${object.kobject}.${change}`;
}

/** `{ field: { before, after } }` for every top-level field that differs (timestamps aside). */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): JsonObject {
  const changes: JsonObject = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (key === 'updatedAt') continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      changes[key] = { before: (before[key] ?? null) as JsonObject, after: (after[key] ?? null) as JsonObject };
    }
  }
  return changes;
}

export function eventPayload(record: object, changes?: JsonObject): JsonObject {
  const payload = structuredClone(record) as JsonObject;
  if (changes) payload.changes = { attributes: changes };
  return payload;
}
