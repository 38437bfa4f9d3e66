/**
 * The page draws the plan's Mermaid text itself (sync/studio/static/graph.js). This holds that parser
 * to what sync/report/mermaid.ts writes, for every workflow in this repo: one node per step, one edge
 * per transition, labels intact, marks kept. If the flowchart's syntax changes, this fails first.
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildProject } from '../../../compiler/build.js';
import { workflowFlowchart } from '../../../sync/report/mermaid.js';
import { workflowView } from '../../../sync/studio/definitions.js';
import { repoRoot } from './helpers.js';

interface Parsed {
  nodes: { id: string; label: string; classes: string[] }[];
  edges: { from: string; to: string; label: string }[];
}
// A browser module without types: loaded by URL so the type-checker does not follow it.
const graph = (await import(pathToFileURL(join(repoRoot, 'sync/studio/static/graph.js')).href)) as {
  parseFlowchart(text: string): Parsed;
  layout(g: Parsed): {
    pos: Map<string, { x: number; y: number; w: number; layer: number }>;
    width: number;
    height: number;
  };
};

const build = await buildProject(repoRoot);
const workflows = build.resources.filter((r) => r.kind === 'kustomer.workflow');

test('every workflow of this repo parses to one node per step and one edge per transition', () => {
  assert.ok(workflows.length >= 5);
  for (const r of workflows) {
    const view = workflowView(r);
    const parsed = graph.parseFlowchart(view.mermaid);
    assert.is(parsed.nodes.length, view.steps.length, r.key);
    assert.is(
      parsed.edges.length,
      view.steps.reduce((n, s) => n + s.transitions.length, 0),
      r.key,
    );
    assert.ok(
      parsed.nodes.every((n) => n.label && !n.label.startsWith('"')),
      `${r.key}: labels unquoted`,
    );
    assert.ok(
      parsed.edges.every((e) => parsed.nodes.some((n) => n.id === e.from) && parsed.nodes.some((n) => n.id === e.to)),
      r.key,
    );
  }
});

test("labels, the trigger's shape and change marks survive the parse", () => {
  const call = workflows.find((r) => r.key === 'regal-call-completed')!;
  const steps = workflowView(call).steps;
  const marked = workflowFlowchart(call.body, [{ code: 'params-changed', message: 'x', step: steps[2]!.id }], {
    compiled: call.body,
  });
  const parsed = graph.parseFlowchart(marked);
  assert.match(parsed.nodes[0]!.label, /\(hook regal-events\)$/);
  assert.equal(parsed.nodes[2]!.classes, ['changed']);
  assert.ok(parsed.edges.some((e) => e.label === 'found'));
});

test('layout: every node in its own slot, edges go down a layer at least once per path', () => {
  const parsed = graph.parseFlowchart(workflowView(workflows.find((r) => r.key === 'regal-call-completed')!).mermaid);
  const { pos } = graph.layout(parsed);
  const boxes = [...pos.values()];
  for (const a of boxes)
    for (const b of boxes)
      if (a !== b && a.y === b.y) assert.ok(a.x + a.w <= b.x || b.x + b.w <= a.x, 'no two nodes of a row overlap');
  assert.is(pos.get('s0')!.layer, 0);
  for (const e of parsed.edges)
    assert.ok(pos.get(e.to)!.layer > pos.get(e.from)!.layer, `${e.from} → ${e.to} goes down`);
});

test.run();
