/**
 * Pure. The git side of the studio: workflows (graph as the plan's Mermaid text, steps with display
 * names, actions, params and labelled transitions, source file:line), Klasses with their attributes
 * and the workflows that write each, and hooks. Built from the compiled resources, so the page shows
 * exactly what apply would send.
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../../compiler/json.js';
import type { Resource } from '../../compiler/resource.js';
import { displayDesired } from '../plan/resolve.js';
import { workflowNodes } from '../plan/semantic/workflow.js';
import { workflowFlowchart } from '../report/mermaid.js';

export interface SourceRef {
  file: string;
  line: number;
}

export interface StepView {
  id: string;
  displayName?: string;
  action?: string;
  params?: JsonValue;
  transitions: { target: string; label?: string; condition: string }[];
}

export interface WorkflowView {
  name: string;
  displayName?: string;
  description?: string;
  enabled: boolean;
  /** The hook that triggers it, when its trigger is a hook. */
  hook?: string;
  source?: SourceRef;
  /** The same flowchart the plan's markdown shows (sync/report/mermaid.ts). */
  mermaid: string;
  steps: StepView[];
}

export interface AttributeView {
  name: string;
  displayName?: string;
  type?: string;
  writtenBy: string[];
}

export interface KlassView {
  name: string;
  displayName?: string;
  icon?: string;
  color?: string;
  source?: SourceRef;
  attributes: AttributeView[];
}

export interface HookDefinitionView {
  name: string;
  kind: string;
  source?: SourceRef;
}

const str = (v: JsonValue | undefined) => (typeof v === 'string' ? v : undefined);
const sourceOf = (r: Resource): SourceRef | undefined =>
  r.source ? { file: r.source.file, line: r.source.line } : undefined;

/** `op(values)` in the author's terms: step references without their `/#steps.` prefix. */
export function conditionText(c: JsonValue | undefined): string {
  if (!isJsonObject(c) || c.op === 'true' || c.op === undefined) return 'always';
  const values = Array.isArray(c.values) ? c.values : [];
  if (c.op === 'and' || c.op === 'or') return values.map((v) => `(${conditionText(v)})`).join(` ${String(c.op)} `);
  const shown = values
    .filter((v) => v !== '')
    .map((v) => (typeof v === 'string' ? v.replace(/^\/#steps\./, '') : JSON.stringify(v)));
  return `${String(c.op)} ${shown.join(', ')}`;
}

function hookOf(body: JsonObject): string | undefined {
  const eventName = isJsonObject(body.trigger) ? str(body.trigger.eventName) : undefined;
  return /<ref:kustomer\.hook:([^:>]+):id>/.exec(eventName ?? '')?.[1];
}

export function workflowView(r: Resource): WorkflowView {
  const body = displayDesired(r.body);
  const meta = isJsonObject(r.body.meta) ? r.body.meta : {};
  const steps = workflowNodes(body).map((n): StepView => {
    const m = isJsonObject(n.meta) ? n.meta : {};
    return {
      id: n.id,
      ...(str(m.displayName) ? { displayName: str(m.displayName)! } : {}),
      ...(n.action ? { action: n.action } : {}),
      ...(n.params !== undefined ? { params: n.params } : {}),
      transitions: n.transitions.map((t) => {
        const label = isJsonObject(t.meta) ? str(t.meta.name) : undefined;
        return { target: t.target, ...(label ? { label } : {}), condition: conditionText(t.condition) };
      }),
    };
  });
  const hook = hookOf(r.body);
  const source = sourceOf(r);
  return {
    name: r.key,
    ...(str(meta.displayName) ? { displayName: str(meta.displayName)! } : {}),
    ...(str(r.body.description) ? { description: str(r.body.description)! } : {}),
    enabled: r.body.enabled !== false,
    ...(hook ? { hook } : {}),
    ...(source ? { source } : {}),
    mermaid: workflowFlowchart(r.body, [], { compiled: r.body }),
    steps,
  };
}

/** Attribute name → workflows whose KObject steps map it, for one Klass. */
function writers(workflows: readonly Resource[], klass: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const w of workflows) {
    for (const n of workflowNodes(w.body)) {
      const p = isJsonObject(n.params) ? n.params : {};
      if (p.klassName !== klass || !isJsonObject(p.custom)) continue;
      for (const attr of Object.keys(p.custom)) {
        if (!out.has(attr)) out.set(attr, new Set());
        out.get(attr)!.add(w.key);
      }
    }
  }
  return out;
}

export function klassViews(resources: readonly Resource[]): KlassView[] {
  const workflows = resources.filter((r) => r.kind === 'kustomer.workflow');
  return resources
    .filter((r) => r.kind === 'kustomer.klass')
    .map((k): KlassView => {
      const meta = resources.find((r) => r.kind === 'kustomer.klass-attributes' && r.key === k.key);
      const props = meta && isJsonObject(meta.body.properties) ? meta.body.properties : {};
      const written = writers(workflows, k.key);
      const source = sourceOf(k);
      return {
        name: k.key,
        ...(str(k.body.displayName) ? { displayName: str(k.body.displayName)! } : {}),
        ...(str(k.body.icon) ? { icon: str(k.body.icon)! } : {}),
        ...(str(k.body.color) ? { color: str(k.body.color)! } : {}),
        ...(source ? { source } : {}),
        attributes: Object.keys(props)
          .sort()
          .map((name) => {
            const p = isJsonObject(props[name]) ? props[name] : {};
            return {
              name,
              ...(str(p.displayName) ? { displayName: str(p.displayName)! } : {}),
              ...(str(p.type) ? { type: str(p.type)! } : {}),
              writtenBy: [...(written.get(name) ?? [])].sort(),
            };
          }),
      };
    });
}

export function hookDefinitions(resources: readonly Resource[]): HookDefinitionView[] {
  return resources
    .filter((r) => r.kind === 'kustomer.hook')
    .map((r) => {
      const source = sourceOf(r);
      return { name: r.key, kind: str(r.body.type) ?? 'web', ...(source ? { source } : {}) };
    });
}

export function workflowViews(resources: readonly Resource[]): WorkflowView[] {
  return resources.filter((r) => r.kind === 'kustomer.workflow').map(workflowView);
}
