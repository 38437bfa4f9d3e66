// Graph rules: step ids, unknown targets, loops, unreachable steps (fixture: invalid-graph/workflows/graph.ts).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { branch, defineWorkflow, onEvent } from '../../../compiler/index.js';
import { buildGraph, dominators, loops, pathAvoiding, reachable } from '../../../compiler/validate/graph.js';
import { diagnoseFixture, type DiagnosticRow } from '../helpers.js';

const expected: DiagnosticRow[] = [
  [
    'workflows/graph.ts:9:10',
    'error workflow/duplicate-step-id',
    'step id "a" is used twice in workflow "regal-graph".',
    'step ids are stable keys in Kustomer: give each step its own',
  ],
  [
    'workflows/graph.ts:10:10',
    'error workflow/reserved-step-id',
    `step id "1" is the trigger's; a step can't use it.`,
    'give the step a descriptive id, e.g. "find-customer"',
  ],
  [
    'workflows/graph.ts:11:10',
    'error workflow/invalid-step-id',
    'step id "c.d" may hold only letters, digits, "_" and "-".',
  ],
  [
    'workflows/graph.ts:11:10',
    'warning workflow/unreachable-step',
    'step "c.d" is never reached: no transition leads to it from the trigger.',
    'add a transition to it, e.g. trigger.to(...) or <step>.to(...)',
  ],
  [
    'workflows/graph.ts:13:25',
    'warning workflow/unreachable-step',
    'step "orphan" is never reached: no transition leads to it from the trigger.',
    'add a transition to it, e.g. trigger.to(...) or <step>.to(...)',
  ],
  [
    'workflows/graph.ts:15:16',
    'error workflow/unknown-step',
    'step "a" has a transition to step "creat", which workflow "regal-graph" does not define.',
    'did you mean "create"?',
  ],
  [
    'workflows/graph.ts:16:7',
    'error workflow/loop',
    'steps "a" → "b" → "a" form a loop; Kustomer refuses to save a workflow with a loop.',
    'remove this transition, or end the loop in a step with no way back',
  ],
];

test('validateProject reports graph rules', async () => {
  const rows = (await diagnoseFixture('invalid-graph')).filter((r) => r[0].startsWith('workflows/graph.ts'));
  assert.equal(rows, expected);
});

// 1 → a → (b | c) → d: only a dominates d; e is unreachable.
const diamond = defineWorkflow({
  name: 'regal-diamond',
  trigger: onEvent('kustomer.customer.create'),
  steps({ trigger, step }) {
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((id) => step(id, branch()));
    step('e', branch());
    trigger.to(a!);
    a!.to(b!).to(c!);
    b!.to(d!);
    c!.to(d!);
  },
});

test('dominators: a step dominates another when every path to it passes it', () => {
  const graph = buildGraph(diamond);
  assert.equal([...reachable(graph)].sort(), ['1', 'a', 'b', 'c', 'd']);
  const dom = dominators(graph);
  assert.equal([...dom.get('d')!].sort(), ['1', 'a', 'd']);
  assert.equal([...dom.get('b')!].sort(), ['1', 'a', 'b']);
  assert.is(dom.has('e'), false);
});

test('pathAvoiding gives the counterexample path', () => {
  const graph = buildGraph(diamond);
  assert.equal(pathAvoiding(graph, 'd', 'b'), ['1', 'a', 'c', 'd']);
  assert.equal(pathAvoiding(graph, 'd', 'a'), undefined);
});

test('loops: none in a DAG', () => {
  assert.equal(loops(buildGraph(diamond)), []);
});

test.run();
