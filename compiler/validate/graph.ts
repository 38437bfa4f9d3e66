/**
 * A workflow as a directed graph: node `1` (the trigger) and its steps, edges from transitions in
 * first-match order. Reachability, dominators (a step "always ran" before another when it dominates
 * it) and counterexample paths for diagnostics.
 */
import type { TransitionModel, WorkflowDefinition } from '../model/workflow.js';
import { TRIGGER_STEP_ID } from '../model/workflow.js';

export interface Edge {
  from: string;
  to: string;
  transition: TransitionModel;
}

export interface WorkflowGraph {
  /** `1`, then step ids in declaration order (first of duplicates only). */
  nodes: string[];
  /** Edges to known nodes only, in declaration order. */
  edges: Map<string, Edge[]>;
}

export function buildGraph(wf: WorkflowDefinition): WorkflowGraph {
  const nodes = [TRIGGER_STEP_ID];
  const known = new Set(nodes);
  for (const step of wf.steps) {
    if (typeof step.id === 'string' && !known.has(step.id)) {
      known.add(step.id);
      nodes.push(step.id);
    }
  }
  const edges = new Map<string, Edge[]>(nodes.map((n) => [n, []]));
  const addEdges = (from: string, transitions: readonly TransitionModel[]) => {
    for (const transition of transitions) {
      if (known.has(transition.target)) edges.get(from)!.push({ from, to: transition.target, transition });
    }
  };
  addEdges(TRIGGER_STEP_ID, wf.triggerTransitions);
  const done = new Set<string>([TRIGGER_STEP_ID]);
  for (const step of wf.steps) {
    if (done.has(step.id) || !known.has(step.id)) continue;
    done.add(step.id);
    addEdges(step.id, step.transitions);
  }
  return { nodes, edges };
}

export function reachable(graph: WorkflowGraph): Set<string> {
  const seen = new Set<string>([TRIGGER_STEP_ID]);
  const queue = [TRIGGER_STEP_ID];
  while (queue.length > 0) {
    for (const edge of graph.edges.get(queue.shift()!) ?? []) {
      if (!seen.has(edge.to)) {
        seen.add(edge.to);
        queue.push(edge.to);
      }
    }
  }
  return seen;
}

/** For each reachable node, the nodes that lie on every path from `1` to it (itself included). */
export function dominators(graph: WorkflowGraph): Map<string, Set<string>> {
  const live = reachable(graph);
  const order = graph.nodes.filter((n) => live.has(n));
  const preds = new Map<string, string[]>(order.map((n) => [n, []]));
  for (const n of order) for (const e of graph.edges.get(n) ?? []) preds.get(e.to)?.push(n);
  const dom = new Map<string, Set<string>>(
    order.map((n) => [n, n === TRIGGER_STEP_ID ? new Set([n]) : new Set(order)]),
  );
  let changed = true;
  while (changed) {
    changed = false;
    for (const n of order) {
      if (n === TRIGGER_STEP_ID) continue;
      let next: Set<string> | undefined;
      for (const p of preds.get(n)!) {
        const pd = dom.get(p)!;
        next = next === undefined ? new Set(pd) : new Set([...next].filter((x) => pd.has(x)));
      }
      next = next ?? new Set();
      next.add(n);
      if (next.size !== dom.get(n)!.size) {
        dom.set(n, next);
        changed = true;
      }
    }
  }
  return dom;
}

/** A path from `1` to `target` that never passes `avoid`, as node ids; undefined when there is none. */
export function pathAvoiding(graph: WorkflowGraph, target: string, avoid: string): string[] | undefined {
  if (avoid === TRIGGER_STEP_ID) return undefined;
  const parent = new Map<string, string | null>([[TRIGGER_STEP_ID, null]]);
  const queue = [TRIGGER_STEP_ID];
  while (queue.length > 0) {
    const node = queue.shift()!;
    if (node === target) break;
    for (const edge of graph.edges.get(node) ?? []) {
      if (edge.to === avoid || parent.has(edge.to)) continue;
      parent.set(edge.to, node);
      queue.push(edge.to);
    }
  }
  if (!parent.has(target)) return undefined;
  const path: string[] = [];
  for (let n: string | null = target; n !== null; n = parent.get(n) ?? null) path.unshift(n);
  return path;
}

/** Back edges found by a depth-first walk (from `1`, then from any node left): each closes a loop. */
export function loops(graph: WorkflowGraph): { edge: Edge; cycle: string[] }[] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const found: { edge: Edge; cycle: string[] }[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const edge of graph.edges.get(node) ?? []) {
      const s = state.get(edge.to);
      if (s === 'open') found.push({ edge, cycle: [...stack.slice(stack.indexOf(edge.to)), edge.to] });
      else if (s === undefined) visit(edge.to);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.nodes) if (!state.has(node)) visit(node);
  return found;
}
