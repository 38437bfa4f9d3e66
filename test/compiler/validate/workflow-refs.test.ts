// References to steps that have not run on every path (fixture: invalid-graph/workflows/refs.ts).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { findStepRefs } from '../../../compiler/validate/workflow-refs.js';
import { diagnoseFixture, type DiagnosticRow } from '../helpers.js';

const expected: DiagnosticRow[] = [
  [
    'workflows/refs.ts:10:20',
    'error workflow/ref-not-run',
    'step "update" uses the output of step "lookup", which does not run on every path to it.',
    '"lookup" is skipped on the path 1 → find → pick → update',
  ],
  [
    'workflows/refs.ts:11:18',
    'error workflow/ref-not-run',
    'step "self" uses its own output, which does not exist until the step has run.',
    `use it in a later step, or in a condition on this step's transitions`,
  ],
  [
    'workflows/refs.ts:12:19',
    'error workflow/unknown-step-ref',
    'step "ghost" uses the output of step "ghots", which workflow "regal-refs" does not define.',
    'did you mean "ghost"?',
  ],
  [
    'workflows/refs.ts:13:13',
    'error workflow/ref-not-run',
    `the condition of the trigger's transition to "find" uses the output of step "find", which does not run on every path to it.`,
    '"find" has not run yet when this is evaluated',
  ],
  [
    'workflows/refs.ts:17:21',
    'error workflow/ref-not-run',
    'the condition of the transition from "update" to "ghost" uses the output of step "self", which does not run on every path to it.',
    '"self" is skipped on the path 1 → find → pick → update',
  ],
];

test('validateProject reports references to steps that may not have run', async () => {
  const rows = (await diagnoseFixture('invalid-graph')).filter((r) => r[0].startsWith('workflows/refs.ts'));
  assert.equal(rows, expected);
});

test('findStepRefs reads whole values, templates and helper arguments, once each', () => {
  assert.equal(
    findStepRefs({
      a: '/#steps.find.id',
      b: ['Call {{{steps.1.attributes.data.x}}} by {{{steps.find-customer.name}}}'],
      c: '{{dateDiff "ms" from=steps.start.at to=steps.end.at}}',
      d: '/#steps.find.email',
      e: '{{{variables.abc}}} steps.not-a-ref',
    }),
    ['find', '1', 'find-customer', 'start', 'end'],
  );
});

test.run();
