// compileValue: authored values → Kustomer JSON; what JSON can't carry is reported, not guessed.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { attribute, defineHook, defineKlass, secret, when } from '../../../compiler/index.js';
import { compileCondition, compileValue } from '../../../compiler/compile/value.js';
import { ref } from '../../../compiler/model/ref.js';

const event = ref<{ properties: { call_id: string } }>('1', ['attributes', 'data']);
const klass = defineKlass({ name: 'regal-call', attributes: { talkTime: attribute.number() } });

test('compileValue: references, templates, secrets, Klasses, nesting', () => {
  assert.equal(
    compileValue({
      whole: event.properties.call_id,
      text: `Call ${event.properties.call_id}`,
      token: secret('TOKEN'),
      bearer: `Bearer ${secret('TOKEN')}`,
      klass,
      list: [1, 'a', null, undefined, true],
      dropped: undefined,
      nested: { at: new Date(Date.UTC(2024, 0, 2)) },
    }),
    {
      whole: '/#steps.1.attributes.data.properties.call_id',
      text: 'Call {{{steps.1.attributes.data.properties.call_id}}}',
      token: '<secret:TOKEN>',
      bearer: 'Bearer <secret:TOKEN>',
      klass: 'regal-call',
      list: [1, 'a', null, null, true],
      nested: { at: '2024-01-02T00:00:00.000Z' },
    },
  );
});

test('compileValue: non-JSON values are reported with their path and left out', () => {
  const issues: string[] = [];
  const out = compileValue(
    { f: () => 1, n: Number.POSITIVE_INFINITY, m: new Map(), hook: defineHook({ name: 'regal-x' }), ok: 1 },
    (path, problem) => issues.push(`${path.join('.')}: ${problem}`),
  );
  assert.equal(out, { ok: 1 });
  assert.equal(issues, [
    'f: a function is not a JSON value',
    'n: Infinity is not a JSON number',
    'm: an instance of Map is not a JSON value',
    'hook: a hook definition is not a JSON value',
  ]);
});

test('compileCondition: nested and/or with references', () => {
  assert.equal(compileCondition(when.or(when.eq(event.properties.call_id, 'x'), when.dne(event.properties.call_id))), {
    op: 'or',
    values: [
      { op: 'eq', values: ['/#steps.1.attributes.data.properties.call_id', 'x'] },
      { op: 'dne', values: ['/#steps.1.attributes.data.properties.call_id'] },
    ],
  });
});

test.run();
