import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { resolveValue, type ValueContext } from '../../../../sync/local-org/runtime/values.js';

const ctx: ValueContext = {
  steps: {
    '1': {
      attributes: {
        data: {
          externalId: '12345',
          talk: 15,
          ok: true,
          nothing: null,
          traits: { email: 'a@b.co' },
          tags: ['x', 'y'],
          name: "O'Brien <b>",
        },
      },
    },
    e_r_w7wx8: { id: 'c1', custom: { amountNum: 10.5 } },
    '8-gu8QS1s': { body: { pin: '77' } },
  },
  variables: { '63d19ecab24da0e2e2268462': 'https://api.example.test' },
  now: () => new Date('2024-05-01T12:00:00.000Z'),
};
const resolve = (value: unknown) => resolveValue(value, ctx);

const wholeRefs = suite('resolveValue: whole-value references keep their type');
const refTable: [string, unknown][] = [
  ['/#steps.1.attributes.data.externalId', '12345'],
  ['/#steps.1.attributes.data.talk', 15],
  ['/#steps.1.attributes.data.ok', true],
  ['/#steps.1.attributes.data.nothing', null],
  ['/#steps.1.attributes.data.traits', { email: 'a@b.co' }],
  ['/#steps.1.attributes.data.tags', ['x', 'y']],
  ['/#steps.1.attributes.data.tags.1', 'y'],
  ['/#steps.e_r_w7wx8.custom.amountNum', 10.5],
  ['/#steps.8-gu8QS1s.body.pin', '77'],
  ['/#steps.1.attributes.data.missing', undefined],
  ['/#steps.1.attributes.data.talk.deeper', undefined],
  ['/#steps.notRun.id', undefined],
  ['/#steps.1.attributes.data.traits.constructor', undefined], // own keys only
  ['/#steps.e_r_w7wx8', { id: 'c1', custom: { amountNum: 10.5 } }],
];
for (const [text, expected] of refTable) {
  wholeRefs(text, () => assert.equal(resolve(text), expected));
}
wholeRefs('text around a reference is a literal, not a reference', () => {
  assert.is(resolve('see /#steps.1.attributes.data.talk'), 'see /#steps.1.attributes.data.talk');
});
wholeRefs.run();

const templates = suite('resolveValue: templates');
const templateTable: [string, string][] = [
  ['{{{steps.1.attributes.data.externalId}}}', '12345'],
  [
    '{{{variables.63d19ecab24da0e2e2268462}}}/clients/{{{steps.1.attributes.data.externalId}}}/invoice',
    'https://api.example.test/clients/12345/invoice',
  ],
  ['Pin={{{steps.8-gu8QS1s.body.pin}}} \n\nTalk={{steps.1.attributes.data.talk}}', 'Pin=77 \n\nTalk=15'],
  ['{{{steps.1.attributes.data.name}}}', "O'Brien <b>"],
  ['{{steps.1.attributes.data.name}}', 'O&#x27;Brien &lt;b&gt;'], // double braces escape, as in Handlebars
  ['[{{{steps.1.attributes.data.missing}}}]', '[]'],
  // Handlebars reads a bare trailing `.0` as a number: array items need segment-literal brackets.
  ['{{{steps.1.attributes.data.tags.[1]}}}', 'y'],
  ['{{#if steps.1.attributes.data.traits.email}}mail {{{steps.1.attributes.data.traits.email}}}{{/if}}', 'mail a@b.co'],
  ['{{#if steps.1.attributes.data.nothing}}yes{{else}}no{{/if}}', 'no'],
  ['{{#unless steps.1.attributes.data.missing}}none{{/unless}}', 'none'],
  ['{{date}}', '2024-05-01T12:00:00.000Z'],
  ["{{date 'hours' count=0}}", '2024-05-01T12:00:00.000Z'],
  ["{{date 'days' count=-1}}", '2024-04-30T12:00:00.000Z'],
  ["{{dateDiff 'milliseconds' from='2024-05-01T11:59:59.000Z'}}", '1000'],
  ["{{dateDiff 'hours' from='2024-05-01T00:00:00Z' to='2024-05-01T05:30:00Z'}}", '5'],
  ['{{math steps.1.attributes.data.talk "+" 5}}', '20'],
  ['{{math "10" "/" 4}}', '2.5'],
];
for (const [text, expected] of templateTable) {
  templates(JSON.stringify(text), () => assert.is(resolve(text), expected));
}
templates.run();

const recursion = suite('resolveValue: params resolve recursively');
recursion('objects and arrays, literals kept, missing references dropped from objects', () => {
  const params = {
    customer: '/#steps.e_r_w7wx8.id',
    klassName: 'regal-call',
    title: 'Call {{{steps.1.attributes.data.externalId}}}',
    data: '/#steps.1.attributes.data.traits',
    custom: {
      talkTimeNum: '/#steps.1.attributes.data.talk',
      missingStr: '/#steps.1.attributes.data.missing',
      flagBool: false,
    },
    tags: ['fixed', '/#steps.1.attributes.data.tags.0'],
    json: true,
    count: 3,
    none: null,
  };
  assert.equal(resolve(params), {
    customer: 'c1',
    klassName: 'regal-call',
    title: 'Call 12345',
    data: { email: 'a@b.co' },
    custom: { talkTimeNum: 15, flagBool: false },
    tags: ['fixed', 'x'],
    json: true,
    count: 3,
    none: null,
  });
});
recursion('resolved values are not shared with the context', () => {
  const out = resolve({ data: '/#steps.1.attributes.data.traits' }) as { data: object };
  assert.equal(out.data, { email: 'a@b.co' });
});
recursion.run();

const failures = suite('resolveValue: unsupported forms fail clearly');
const failTable: [unknown, string][] = [
  [
    '/#fn:ifExists,steps.1.name,yes',
    'function helper "/#fn:ifExists,steps.1.name,yes" is not supported by the local Kustomer org',
  ],
  [
    { deep: ['/#variables.abc'] },
    'reference "/#variables.abc" is not supported by the local Kustomer org (expected /#steps.<id>.<path>)',
  ],
  ['{{#if}}x{{/if}}', 'template "{{#if}}x{{/if}}": #if requires exactly one argument'],
  [
    "{{date 'fortnights' count=1}}",
    "template \"{{date 'fortnights' count=1}}\": {{date}}: unit \"fortnights\" is not one of 'milliseconds', 'seconds', 'minutes', 'hours', 'days', 'weeks'",
  ],
  ['{{math 1 "^" 2}}', 'template "{{math 1 \\"^\\" 2}}": {{math}}: operator "^" is not one of + - * / %'],
  [
    '{{math steps.1.attributes.data.missing "+" 2}}',
    'template "{{math steps.1.attributes.data.missing \\"+\\" 2}}": {{math}}: undefined + 2 needs two numbers',
  ],
  ['{{steps.1.', 'template "{{steps.1.": Parse error'],
  ['{{{steps.1.attributes.data.tags.0}}}', 'template "{{{steps.1.attributes.data.tags.0}}}": Parse error'],
];
for (const [value, message] of failTable) {
  failures(JSON.stringify(value), () => {
    try {
      resolve(value);
      assert.unreachable('should have thrown');
    } catch (error) {
      if ((error as Error).name === 'Assertion') throw error;
      const text = (error as Error).message;
      assert.ok(text.startsWith(message), `${text}\n  does not start with\n${message}`);
    }
  });
}
failures.run();
