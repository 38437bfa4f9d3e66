/**
 * Semantic summaries for hooks, Klasses, Klass attributes and outbound webhooks: which fields
 * changed, in the API's names. Header and other sensitive values are never quoted.
 */
import { canonicalJson, isJsonObject, type JsonObject, type JsonValue } from '../../../compiler/json.js';
import type { SemanticNote } from '../types.js';

const same = (a: JsonValue | undefined, b: JsonValue | undefined) =>
  canonicalJson(a ?? null) === canonicalJson(b ?? null);

export function summarizeFields(
  live: JsonObject,
  desired: JsonObject,
  sensitiveKeys: readonly string[] = [],
): SemanticNote[] {
  const keys = [...new Set([...Object.keys(live), ...Object.keys(desired)])].sort();
  const notes: SemanticNote[] = [];
  for (const key of keys) {
    if (same(live[key], desired[key])) continue;
    if (key === 'enabled') {
      notes.push({
        code: 'enabled-changed',
        message: `enabled: ${String(live[key] ?? '-')} → ${String(desired[key] ?? '-')}`,
      });
    } else if (sensitiveKeys.includes(key) || typeof desired[key] === 'object' || typeof live[key] === 'object') {
      notes.push({ code: 'field-changed', message: `${key} changed` });
    } else {
      notes.push({
        code: 'field-changed',
        message: `${key}: ${JSON.stringify(live[key] ?? null)} → ${JSON.stringify(desired[key] ?? null)}`,
      });
    }
  }
  return notes;
}

export function summarizeOutboundWebhook(live: JsonObject, desired: JsonObject): SemanticNote[] {
  const notes = summarizeFields(
    Object.fromEntries(Object.entries(live).filter(([k]) => k !== 'events' && k !== 'headers')),
    Object.fromEntries(Object.entries(desired).filter(([k]) => k !== 'events' && k !== 'headers')),
  );
  const events = (b: JsonObject) => (Array.isArray(b.events) ? b.events.map(String) : []);
  const added = events(desired).filter((e) => !events(live).includes(e));
  const removed = events(live).filter((e) => !events(desired).includes(e));
  if (added.length) notes.push({ code: 'field-changed', message: `events added: ${added.join(', ')}` });
  if (removed.length) notes.push({ code: 'field-changed', message: `events removed: ${removed.join(', ')}` });
  const headers = (b: JsonObject) =>
    new Map((Array.isArray(b.headers) ? b.headers.filter(isJsonObject) : []).map((h) => [String(h.name), h.value]));
  const before = headers(live);
  const after = headers(desired);
  for (const [name, value] of after) {
    if (!before.has(name)) notes.push({ code: 'field-changed', message: `header ${name} added` });
    else if (!same(before.get(name), value))
      notes.push({ code: 'field-changed', message: `header ${name} value changed` });
  }
  for (const name of before.keys())
    if (!after.has(name)) notes.push({ code: 'field-changed', message: `header ${name} removed` });
  return notes;
}

/** Attribute changes; live attributes git does not declare are kept, and said so. */
export function summarizeKlassAttributes(live: JsonObject | undefined, desired: JsonObject): SemanticNote[] {
  const props = (b: JsonObject | undefined) => (b && isJsonObject(b.properties) ? b.properties : {});
  const before = props(live);
  const after = props(desired);
  const notes: SemanticNote[] = [];
  for (const name of Object.keys(after).sort()) {
    const d = after[name];
    const type = isJsonObject(d) && typeof d.type === 'string' ? d.type : '?';
    if (!(name in before)) notes.push({ code: 'attribute-added', message: `attribute ${name} (${type}) added` });
    else if (!same(before[name], d)) {
      const keys =
        isJsonObject(d) && isJsonObject(before[name])
          ? [...new Set([...Object.keys(d), ...Object.keys(before[name] as JsonObject)])]
              .filter((k) => !same((before[name] as JsonObject)[k], d[k]))
              .sort()
          : [];
      notes.push({
        code: 'attribute-changed',
        message: `attribute ${name} changed${keys.length ? `: ${keys.join(', ')}` : ''}`,
      });
    }
  }
  const kept = Object.keys(before)
    .filter((n) => !(n in after))
    .sort();
  if (kept.length) {
    notes.push({
      code: 'attribute-kept',
      message: `not in git, kept in Kustomer (kac never removes attributes): ${kept.join(', ')}`,
    });
  }
  return notes;
}
