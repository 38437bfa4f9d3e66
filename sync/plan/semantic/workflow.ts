/**
 * What changed in a workflow, in its own terms: steps added or removed, transitions retargeted,
 * conditions and params changed, trigger and enabled flag. Pure; both bodies are comparable JSON.
 */
import { canonicalJson, isJsonObject, type JsonObject, type JsonValue } from '../../../compiler/json.js';
import type { SemanticNote } from '../types.js';

export interface WorkflowNode {
  id: string;
  action?: string;
  params?: JsonValue;
  meta?: JsonValue;
  transitions: { target: string; condition?: JsonValue; meta?: JsonValue }[];
  rest: JsonObject;
}

const same = (a: JsonValue | undefined, b: JsonValue | undefined) =>
  canonicalJson(a ?? null) === canonicalJson(b ?? null);

/** The trigger (id "1") and the steps of a workflow body, in order. */
export function workflowNodes(body: JsonObject): WorkflowNode[] {
  const nodes: WorkflowNode[] = [];
  const read = (raw: JsonValue | undefined, fallbackId: string): WorkflowNode | undefined => {
    if (!isJsonObject(raw)) return undefined;
    const { id, action, params, meta, transitions, ...rest } = raw;
    const list = Array.isArray(transitions) ? transitions.filter(isJsonObject) : [];
    return {
      id: typeof id === 'string' ? id : fallbackId,
      action: typeof action === 'string' ? action : undefined,
      params,
      meta,
      transitions: list.map((t) => ({ target: String(t.target ?? ''), condition: t.condition, meta: t.meta })),
      rest,
    };
  };
  const trigger = read(body.trigger, '1');
  if (trigger) nodes.push(trigger);
  if (Array.isArray(body.steps))
    body.steps.forEach((s, i) => {
      const node = read(s, `#${i}`);
      if (node) nodes.push(node);
    });
  return nodes;
}

function conditionText(c: JsonValue | undefined): string {
  if (!isJsonObject(c)) return 'always';
  const op = typeof c.op === 'string' ? c.op : '?';
  if (op === 'true') return 'always';
  const values = Array.isArray(c.values)
    ? c.values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ')
    : '';
  return `${op}(${values})`;
}

function changedKeys(a: JsonValue | undefined, b: JsonValue | undefined): string[] {
  const ao = isJsonObject(a) ? a : {};
  const bo = isJsonObject(b) ? b : {};
  return [...new Set([...Object.keys(ao), ...Object.keys(bo)])].filter((k) => !same(ao[k], bo[k])).sort();
}

const label = (id: string) => (id === '1' ? 'trigger' : `step "${id}"`);

export function summarizeWorkflow(live: JsonObject, desired: JsonObject): SemanticNote[] {
  const notes: SemanticNote[] = [];
  if (!same(live.enabled, desired.enabled)) {
    notes.push({
      code: 'enabled-changed',
      message:
        desired.enabled === false
          ? 'workflow disabled (enabled: true → false)'
          : 'workflow enabled (enabled: false → true)',
    });
  }
  for (const key of ['description', 'meta', 'name'] as const) {
    if (!same(live[key], desired[key]))
      notes.push({ code: 'field-changed', message: `${key === 'meta' ? 'display name' : key} changed` });
  }
  const liveTrigger = isJsonObject(live.trigger) ? live.trigger : {};
  const desiredTrigger = isJsonObject(desired.trigger) ? desired.trigger : {};
  for (const key of changedKeys(liveTrigger, desiredTrigger).filter((k) => k !== 'transitions')) {
    notes.push({ code: 'trigger-changed', message: `trigger ${key} changed`, step: '1' });
  }

  const before = new Map(workflowNodes(live).map((n) => [n.id, n]));
  const after = new Map(workflowNodes(desired).map((n) => [n.id, n]));
  for (const [id, node] of after) {
    const old = before.get(id);
    if (!old) {
      notes.push({
        code: 'step-added',
        message: `${label(id)} added${node.action ? ` (${node.action})` : ''}`,
        step: id,
      });
      continue;
    }
    if (id !== '1') {
      if (old.action !== node.action)
        notes.push({
          code: 'step-changed',
          message: `${label(id)} action changed: ${old.action ?? '-'} → ${node.action ?? '-'}`,
          step: id,
        });
      const params = changedKeys(old.params, node.params);
      if (params.length > 0)
        notes.push({ code: 'params-changed', message: `${label(id)} params changed: ${params.join(', ')}`, step: id });
      if (!same(old.meta, node.meta) || !same(old.rest, node.rest))
        notes.push({ code: 'step-changed', message: `${label(id)} settings changed`, step: id });
    }
    notes.push(...summarizeTransitions(id, old.transitions, node.transitions));
  }
  for (const id of before.keys()) {
    if (!after.has(id)) notes.push({ code: 'step-removed', message: `${label(id)} removed`, step: id });
  }
  return notes;
}

function summarizeTransitions(
  id: string,
  before: WorkflowNode['transitions'],
  after: WorkflowNode['transitions'],
): SemanticNote[] {
  const notes: SemanticNote[] = [];
  const n = Math.max(before.length, after.length);
  for (let i = 0; i < n; i++) {
    const a = before[i];
    const b = after[i];
    const nth = `transition ${i + 1} of ${label(id)}`;
    if (a && !b) notes.push({ code: 'transition-removed', message: `${nth} (→ ${a.target}) removed`, step: id });
    else if (!a && b)
      notes.push({
        code: 'transition-added',
        message: `${nth} added: → ${b.target} when ${conditionText(b.condition)}`,
        step: id,
      });
    else if (a && b) {
      if (a.target !== b.target)
        notes.push({
          code: 'transition-retargeted',
          message: `${nth} retargeted: → ${a.target} becomes → ${b.target}`,
          step: id,
        });
      if (!same(a.condition, b.condition)) {
        notes.push({
          code: 'condition-changed',
          message: `${nth} condition changed: ${conditionText(a.condition)} → ${conditionText(b.condition)}`,
          step: id,
        });
      }
      if (!same(a.meta, b.meta)) notes.push({ code: 'field-changed', message: `${nth} label changed`, step: id });
    }
  }
  return notes;
}
