/**
 * A workflow's step graph as a Mermaid `flowchart`, for PR comments, written for people: each node is
 * the step's display name (else its id), each edge the transition's label or a short reading of its
 * condition (`event = "call.completed"`, `found`, `otherwise`), the trigger is the hook's or event's
 * name, and added, changed and removed steps are marked. Labels carry no quotes, brackets or escapes
 * Mermaid could trip on: every graph kac writes parses (a test runs Mermaid's own parser on them).
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../../compiler/json.js';
import { findRefs } from '../../compiler/placeholders.js';
import { displayDesired } from '../plan/resolve.js';
import { workflowNodes, type WorkflowNode } from '../plan/semantic/workflow.js';
import type { SemanticNote } from '../plan/types.js';

const MAX_LABEL = 60;

/** Text safe inside a Mermaid `"..."` label: no quotes (typographic ones instead), no markup. */
export function mermaidText(text: string): string {
  const clean = text
    .replace(/\s+/g, ' ')
    .replace(/"([^"]*)"/g, '“$1”')
    .replace(/"/g, '”')
    .replace(/[<>]/g, (c) => (c === '<' ? '‹' : '›'))
    .replace(/[`|\\]/g, "'")
    // `#name;` is an entity to Mermaid: keep a literal `#` from starting one.
    .replace(/#(?=\w+;)/g, '# ')
    .replace(/[{}[\]]/g, (c) => (c === '{' || c === '[' ? '(' : ')'))
    .trim();
  return clean.length > MAX_LABEL ? `${clean.slice(0, MAX_LABEL - 1)}…` : clean;
}

/** `/#steps.1.attributes.data.traits.phone` → `phone`; `/#steps.find.id` → the step. */
function pathName(value: JsonValue | undefined, stepName: (id: string) => string): string {
  if (typeof value !== 'string') return JSON.stringify(value ?? null);
  const m = /^\/#steps\.([^.]+)\.?(.*)$/.exec(value);
  if (!m) return `"${value}"`;
  const [, step, rest] = m;
  if (step === '1')
    return (
      (rest ?? '')
        .replace(/^attributes\.data\./, '')
        .split('.')
        .slice(-2)
        .join('.') || 'event'
    );
  return rest ? `${stepName(step!)} ${rest.split('.').slice(-1)[0]}` : stepName(step!);
}

const OPS: Record<string, string> = {
  eq: '=',
  ne: '≠',
  gt: '>',
  gte: '≥',
  lt: '<',
  lte: '≤',
  contains: 'contains',
  startsWith: 'starts with',
  endsWith: 'ends with',
};

/** A condition in a few words: `event = "call.completed" and has externalId`, `found`, `not found`. */
export function conditionText(
  condition: JsonValue | undefined,
  from: string,
  stepName: (id: string) => string,
): string | undefined {
  if (!isJsonObject(condition) || condition.op === 'true' || condition.op === undefined) return undefined;
  const op = String(condition.op);
  const values = Array.isArray(condition.values) ? condition.values : [];
  if (op === 'and' || op === 'or') {
    const parts = values.map((v) => conditionText(v, from, stepName)).filter((p): p is string => p !== undefined);
    return parts.length ? parts.join(` ${op} `) : undefined;
  }
  const subject = values[0];
  if (op === 'exists' || op === 'dne') {
    // A finder's own output id: the customer (or KObject) was found or not.
    if (typeof subject === 'string' && subject === `/#steps.${from}.id`) return op === 'exists' ? 'found' : 'not found';
    return `${op === 'exists' ? 'has' : 'no'} ${pathName(subject, stepName)}`;
  }
  const value = values[1];
  const shown = typeof value === 'string' && !value.startsWith('/#steps.') ? `"${value}"` : pathName(value, stepName);
  return `${pathName(subject, stepName)} ${OPS[op] ?? op} ${shown}`;
}

/** "Regal event received (hook regal-events)", from the compiled trigger (its eventName still names the hook). */
function triggerText(trigger: JsonValue | undefined, compiled: JsonObject | undefined): string {
  const t = isJsonObject(trigger) ? trigger : {};
  const display = isJsonObject(t.meta) && typeof t.meta.displayName === 'string' ? t.meta.displayName : undefined;
  const compiledTrigger = compiled && isJsonObject(compiled.trigger) ? compiled.trigger : t;
  const eventName =
    typeof compiledTrigger.eventName === 'string'
      ? compiledTrigger.eventName
      : typeof t.eventName === 'string'
        ? t.eventName
        : '';
  const hookRef = findRefs(eventName).find((r) => r.kind === 'kustomer.hook');
  const hook = /^kustomer\.hooks\.(web|form)\.([^.]+)\.receive$/.exec(eventName);
  const source = hookRef
    ? `hook ${hookRef.key}`
    : hook
      ? `${hook[1]} hook ${hook[2]!.slice(0, 8)}…`
      : eventName || 'trigger';
  return display ? `${display} (${source})` : source;
}

function displayName(node: WorkflowNode): string | undefined {
  return isJsonObject(node.meta) && typeof node.meta.displayName === 'string' && node.meta.displayName.trim()
    ? node.meta.displayName
    : undefined;
}

export interface FlowchartOptions {
  /** The compiled (unresolved) body, for the trigger's hook name. */
  compiled?: JsonObject;
}

export function workflowFlowchart(
  body: JsonObject,
  summary: readonly SemanticNote[],
  options: FlowchartOptions = {},
): string {
  const desired = displayDesired(body);
  const nodes = workflowNodes(desired);
  const ids = new Map<string, string>();
  nodes.forEach((n, i) => ids.set(n.id, `s${i}`));
  const names = new Map(nodes.map((n) => [n.id, displayName(n) ?? n.id]));
  const stepName = (id: string) => names.get(id) ?? id;
  const added = new Set(summary.filter((n) => n.code === 'step-added' && n.step).map((n) => n.step!));
  const removed = [...new Set(summary.filter((n) => n.code === 'step-removed' && n.step).map((n) => n.step!))];
  const changed = new Set(
    summary.filter((n) => n.step && n.code !== 'step-added' && n.code !== 'step-removed').map((n) => n.step!),
  );

  const lines = ['flowchart TD'];
  for (const n of nodes) {
    const id = ids.get(n.id)!;
    if (n.id === '1') lines.push(`  ${id}(["${mermaidText(triggerText(body.trigger, options.compiled))}"])`);
    else {
      const mark = added.has(n.id) ? ' (added)' : changed.has(n.id) ? ' (changed)' : '';
      lines.push(`  ${id}["${mermaidText(stepName(n.id))}${mark}"]`);
    }
  }
  removed.forEach((id, i) => lines.push(`  r${i}["${mermaidText(id)} (removed)"]`));
  for (const n of nodes) {
    const conditional = n.transitions.filter((t) => isJsonObject(t.condition) && t.condition.op !== 'true').length;
    n.transitions.forEach((t, i) => {
      const to = ids.get(t.target);
      if (!to) return;
      const meta =
        isJsonObject(t.meta) && typeof t.meta.name === 'string' && t.meta.name.trim() ? t.meta.name : undefined;
      const condition = conditionText(t.condition, n.id, stepName);
      const label = meta ?? condition ?? (conditional > 0 && i === n.transitions.length - 1 ? 'otherwise' : undefined);
      lines.push(`  ${ids.get(n.id)} -->${label ? `|"${mermaidText(label)}"|` : ''} ${to}`);
    });
  }
  lines.push(
    '  classDef added fill:#e6ffed,stroke:#22863a',
    '  classDef changed fill:#fff5b1,stroke:#b08800',
    '  classDef removed fill:#ffeef0,stroke:#cb2431,stroke-dasharray:4',
  );
  const mark = (cls: string, list: string[]) => list.length && lines.push(`  class ${list.join(',')} ${cls}`);
  mark(
    'added',
    nodes.filter((n) => added.has(n.id)).map((n) => ids.get(n.id)!),
  );
  mark(
    'changed',
    nodes.filter((n) => changed.has(n.id) && !added.has(n.id) && n.id !== '1').map((n) => ids.get(n.id)!),
  );
  mark(
    'removed',
    removed.map((_, i) => `r${i}`),
  );
  return lines.join('\n');
}
