/**
 * A workflow's step graph as a Mermaid `flowchart`, for PR comments: the desired graph, with added,
 * changed and removed steps marked by classDef. Built from the plan alone (desired body + summary).
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../../compiler/json.js';
import { displayDesired } from '../plan/resolve.js';
import { workflowNodes } from '../plan/semantic/workflow.js';
import type { SemanticNote } from '../plan/types.js';

const MAX_LABEL = 48;

function escapeLabel(text: string): string {
  const short = text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;
  return short.replace(/"/g, '#quot;').replace(/[<>]/g, (c) => (c === '<' ? '#lt;' : '#gt;')).replace(/[|`]/g, "'");
}

function conditionLabel(c: JsonValue | undefined): string | undefined {
  if (!isJsonObject(c) || c.op === 'true' || c.op === undefined) return undefined;
  const values = Array.isArray(c.values) ? c.values.map((v) => (typeof v === 'string' ? v.replace(/^\/#steps\./, '') : JSON.stringify(v))) : [];
  return `${String(c.op)} ${values.join(', ')}`;
}

export function workflowFlowchart(body: JsonObject, summary: readonly SemanticNote[]): string {
  const desired = displayDesired(body);
  const nodes = workflowNodes(desired);
  const ids = new Map<string, string>();
  nodes.forEach((n, i) => ids.set(n.id, `s${i}`));
  const added = new Set(summary.filter((n) => n.code === 'step-added' && n.step).map((n) => n.step!));
  const removed = [...new Set(summary.filter((n) => n.code === 'step-removed' && n.step).map((n) => n.step!))];
  const changed = new Set(summary.filter((n) => n.step && n.code !== 'step-added' && n.code !== 'step-removed').map((n) => n.step!));

  const lines = ['flowchart TD'];
  for (const n of nodes) {
    const text = n.id === '1' ? `trigger${isJsonObject(desired.trigger) && desired.trigger.eventName ? `: ${String(desired.trigger.eventName)}` : ''}` : `${n.id}${n.action ? `: ${n.action}` : ''}`;
    lines.push(`  ${ids.get(n.id)}["${escapeLabel(text)}"]`);
  }
  removed.forEach((id, i) => lines.push(`  r${i}["${escapeLabel(`${id} (removed)`)}"]`));
  for (const n of nodes) {
    for (const t of n.transitions) {
      const to = ids.get(t.target);
      if (!to) continue;
      const label = conditionLabel(t.condition);
      lines.push(`  ${ids.get(n.id)} -->${label ? `|"${escapeLabel(label)}"|` : ''} ${to}`);
    }
  }
  lines.push('  classDef added fill:#e6ffed,stroke:#22863a', '  classDef changed fill:#fff5b1,stroke:#b08800', '  classDef removed fill:#ffeef0,stroke:#cb2431,stroke-dasharray:4');
  const mark = (cls: string, list: string[]) => list.length && lines.push(`  class ${list.join(',')} ${cls}`);
  mark('added', nodes.filter((n) => added.has(n.id)).map((n) => ids.get(n.id)!));
  mark('changed', nodes.filter((n) => changed.has(n.id) && !added.has(n.id)).map((n) => ids.get(n.id)!));
  mark('removed', removed.map((_, i) => `r${i}`));
  return lines.join('\n');
}
