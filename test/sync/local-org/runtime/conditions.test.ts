import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { evaluateCondition } from '../../../../sync/local-org/runtime/conditions.js';
import { WorkflowRunError } from '../../../../sync/local-org/runtime/types.js';
import type { ValueContext } from '../../../../sync/local-org/runtime/values.js';

const ctx: ValueContext = {
  steps: {
    '1': {
      attributes: {
        data: {
          event: 'call.completed',
          country: 'CO',
          blank: '',
          nothing: null,
          zero: 0,
          no: false,
          tags: ['Happy', 'VIP'],
          list: [],
        },
      },
    },
    rest: { body: { code: 'E42', message: 'boom' }, response: { statusCode: 404 } },
    ok: { body: {}, response: { statusCode: 200 } },
    dates: { early: '2024-01-01T00:00:00.000Z', late: '2024-06-01T00:00:00Z' },
  },
  variables: {},
  now: () => new Date('2024-05-01T12:00:00Z'),
};

const d = (field: string) => `/#steps.1.attributes.data.${field}`;
const holds = (op: string, values: unknown[]) => evaluateCondition({ op, values }, ctx, 'test');

const evaluateCondition_ = suite('evaluateCondition');

const table: [string, unknown[], boolean][] = [
  ['true', [true], true],
  ['eq', [d('event'), 'call.completed'], true],
  ['eq', [d('event'), 'sms.sent'], false],
  ['eq', [d('country'), 'co'], false], // case-sensitive
  ['eq', ['/#steps.rest.response.statusCode', '404'], true], // "404" vs 404, as exports write it
  ['eq', ['/#steps.rest.response.statusCode', '404.0'], true],
  ['eq', [d('no'), 'false'], true],
  ['eq', [d('missing'), null], true],
  ['eq', [d('missing'), ''], false],
  ['eq', [d('tags'), ['Happy', 'VIP']], true],
  ['neq', [d('event'), 'sms.sent'], true],
  ['neq', ['/#steps.rest.response.statusCode', '404'], false],
  ['exists', [d('event'), ''], true],
  ['exists', [d('missing'), ''], false],
  ['exists', [d('blank')], false],
  ['exists', [d('nothing')], false],
  ['exists', [d('zero')], true],
  ['exists', [d('no')], true],
  ['exists', [d('list')], true],
  ['exists', ['true', ''], true], // the literal "else" form seen in exports
  ['exists', ['/#steps.neverRan.id'], false],
  ['dne', [d('missing')], true],
  ['dne', [d('blank')], true],
  ['dne', [d('event')], false],
  ['dne', ['/#steps.ok.body.code'], true],
  ['contains', [d('event'), ['completed']], true],
  ['contains', [d('event'), 'call'], true],
  ['contains', [d('event'), ['sms', 'call']], true],
  ['contains', [d('event'), ['sms']], false],
  ['contains', [d('tags'), ['VIP']], true],
  ['contains', [d('tags'), ['Sad', 'Happy']], true],
  ['contains', [d('tags'), ['Hap']], false], // arrays match whole items
  ['contains', [d('missing'), ['x']], false],
  ['gt', ['/#steps.rest.response.statusCode', '200'], true],
  ['gt', ['/#steps.ok.response.statusCode', '200'], false],
  ['gte', ['/#steps.ok.response.statusCode', '200'], true],
  ['lt', ['/#steps.ok.response.statusCode', 300], true],
  ['lte', ['/#steps.ok.response.statusCode', '199'], false],
  ['gt', [d('missing'), '-1'], false], // missing is not 0
  ['lt', [d('blank'), '1'], false],
  ['gt', [d('event'), '1'], false],
  ['lt', ['/#steps.dates.early', '/#steps.dates.late'], true],
  ['gt', ['/#steps.dates.early', '{{date}}'], false],
];

for (const [op, values, expected] of table) {
  evaluateCondition_(`${op} ${JSON.stringify(values)} → ${expected}`, () => {
    assert.is(holds(op, values), expected);
  });
}

evaluateCondition_('and / or take nested conditions, at any depth', () => {
  const exists = { op: 'exists', values: ['/#steps.rest.body.code', ''] };
  const gt200 = { op: 'gt', values: ['/#steps.rest.response.statusCode', '200'] };
  const isOk = { op: 'eq', values: ['/#steps.rest.response.statusCode', 200] };
  assert.is(holds('and', [exists, gt200]), true);
  assert.is(holds('and', [exists, isOk]), false);
  assert.is(holds('or', [isOk, exists]), true);
  assert.is(holds('or', [isOk, { op: 'dne', values: ['/#steps.rest.body.code'] }]), false);
  assert.is(
    holds('and', [
      { op: 'or', values: [isOk, gt200] },
      { op: 'and', values: [exists] },
    ]),
    true,
  );
  assert.is(holds('and', [{ op: 'or', values: [isOk] }, exists]), false);
});

const invalid: [unknown, string][] = [
  [
    { op: 'startsWith', values: ['x', 'y'] },
    'step "s": condition op "startsWith" is not supported by the local Kustomer org (supported: true, eq, neq, exists, dne, contains, gt, gte, lt, lte, and, or)',
  ],
  [
    {
      op: 'and',
      values: [
        { op: 'true', values: [true] },
        { op: 'matches', values: [] },
      ],
    },
    'step "s": condition op "matches" is not supported by the local Kustomer org (supported: true, eq, neq, exists, dne, contains, gt, gte, lt, lte, and, or)',
  ],
  [{ values: [] }, 'step "s": condition has no op: {"values":[]}'],
  ['eq', 'step "s": a condition must be an object { op, values }, got "eq"'],
  [{ op: 'eq', values: 'x' }, 'step "s": condition "eq" has values that are not a list: "x"'],
];
for (const [condition, message] of invalid) {
  evaluateCondition_(`fails clearly: ${JSON.stringify(condition)}`, () => {
    try {
      evaluateCondition(condition, ctx, 'step "s"');
      assert.unreachable('should have thrown');
    } catch (error) {
      assert.instance(error, WorkflowRunError);
      assert.is((error as Error).message, message);
    }
  });
}

evaluateCondition_.run();
