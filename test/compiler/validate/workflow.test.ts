// Workflow rules: triggers, params, credentials, condition ops, KObject steps, long values
// (fixture: test/fixtures/projects/invalid-workflows).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { diagnoseFixture, type DiagnosticRow } from '../helpers.js';
import { LONG_VALUE_FIELDS, longValueSources } from '../../../compiler/validate/long-values.js';
import { suggestAttribute } from '../../../compiler/validate/workflow-kobject.js';

const expected: DiagnosticRow[] = [
  [
    'workflows/kobject.ts:13:17',
    'error workflow/unknown-attribute',
    'custom mapping "callDurationNum" is not an attribute of Klass "regal-call".',
    'did you mean "talkTimeNum"?',
  ],
  [
    'workflows/kobject.ts:15:21',
    'error workflow/kobject-without-customer',
    `step "missing" creates a KObject on a customer's timeline but names no customer.`,
    'pass `customer: <step>.out.id`, e.g. from a customer lookup',
  ],
  [
    'workflows/kobject.ts:15:21',
    'error workflow/kobject-without-title',
    `step "missing" creates a KObject without a title; Kustomer requires one (the card's headline).`,
    'pass `title`, e.g. `Call ${event.properties.call_id}`',
  ],
  [
    'workflows/kobject.ts:16:21',
    'error workflow/kobject-without-klass',
    'step "no-klass" writes a KObject but names no Klass.',
    'use kobject.createWithCustomer(klass, { ... })',
  ],
  [
    'workflows/kobject.ts:17:18',
    'error workflow/unknown-klass',
    'step "typo" uses Klass "regal-cal", which no file under klasses/ or workflows/ exports.',
    'did you mean "regal-call"?',
  ],
  [
    'workflows/kobject.ts:21:17',
    'error workflow/attribute-value',
    'custom mapping "talkTimeNum" is "long", but the attribute holds a number.',
  ],
  [
    'workflows/kobject.ts:21:45',
    'error workflow/attribute-value',
    `custom mapping "outcomeStr" is "maybe", which is not one of the dropdown's options ("won", "lost").`,
  ],
  [
    'workflows/kobject.ts:27:9',
    'warning workflow/long-value',
    'custom mapping "notesTxt" takes steps.1.attributes.data.properties.notes, which may exceed the 1,024 characters a Txt attribute holds.',
    'keep long text in the KObject\'s `data`; "content", "notes", "transcript", "call_summary", "data" fields can be long',
  ],
  [
    'workflows/kobject.ts:28:9',
    'warning workflow/long-value',
    'custom mapping "summaryStr" takes steps.1.attributes.data.properties.call_summary, which may exceed the 1,024 characters a Str attribute holds.',
    'keep long text in the KObject\'s `data`; "content", "notes", "transcript", "call_summary", "data" fields can be long',
  ],
  [
    'workflows/kobject.ts:32:113',
    'warning workflow/long-value',
    'custom mapping "notesTxt" takes steps.1.attributes.data, which may exceed the 1,024 characters a Txt attribute holds.',
    'keep long text in the KObject\'s `data`; "content", "notes", "transcript", "call_summary", "data" fields can be long',
  ],
  [
    'workflows/params.ts:7:86',
    'error workflow/invalid-param',
    'step "odd" param "body": a function is not a JSON value.',
  ],
  ['workflows/params.ts:7:103', 'error workflow/invalid-param', 'step "odd" param "count": NaN is not a JSON number.'],
  [
    'workflows/params.ts:11:18',
    'error workflow/literal-credential',
    'step "call" sends header "Authorization" with a credential written in the repo.',
    "write `Bearer ${secret('REGAL_PARAMS_CALL_TOKEN')}` and set REGAL_PARAMS_CALL_TOKEN in the environment",
  ],
  [
    'workflows/params.ts:11:55',
    'error workflow/literal-credential',
    'step "call" sends header "X-Api-Key" with a credential written in the repo.',
    `write secret('REGAL_PARAMS_CALL_TOKEN') and set REGAL_PARAMS_CALL_TOKEN in the environment`,
  ],
  [
    'workflows/params.ts:13:30',
    'warning workflow/unknown-condition-op',
    'the transition to "odd" uses condition op "eqq", which kac does not know; Kustomer may refuse it.',
    'did you mean "eq"?',
  ],
  [
    'workflows/params.ts:14:61',
    'warning workflow/unknown-condition-op',
    'the transition to "call" uses condition op "startswith", which kac does not know; Kustomer may refuse it.',
  ],
  [
    'workflows/shapes.ts:8:19',
    'error workflow/invalid-step',
    'step "empty" has no action.',
    'pass an action, e.g. customer.findByExternalId(...), or branch() for a condition-only step',
  ],
  [
    'workflows/shapes.ts:9:13',
    'error workflow/invalid-condition',
    'the transition to "empty" has a condition without an op.',
    'use when.eq(...), when.exists(...) or when.raw(op, values)',
  ],
  [
    'workflows/triggers.ts:6:25',
    'error workflow/unknown-hook',
    'workflow "regal-on-hidden" is triggered by hook "regal-hidden", which no file under klasses/ or workflows/ exports.',
    'export the hook from its file (export default defineHook(...)) so kac creates it',
  ],
  [
    'workflows/triggers.ts:7:24',
    'error workflow/invalid-trigger',
    'workflow "regal-no-event" has no trigger kac understands.',
    `use onHook(hook), onEvent('kustomer.conversation.create') or onCall(schema)`,
  ],
  [
    'workflows/triggers.ts:12:11',
    'error workflow/build-failed',
    'the steps of workflow "regal-throws" threw: no steps today',
  ],
];

test("validateProject reports every workflow rule at the author's node", async () => {
  assert.equal(await diagnoseFixture('invalid-workflows'), expected);
});

test("a workflow built by a recipe in another file: reported once, at the author's mapping, not in the recipe", async () => {
  assert.equal(await diagnoseFixture('invalid-recipe'), [
    [
      'workflows/via-recipe.ts:4:3',
      'error workflow/unknown-attribute',
      'custom mapping "talkTimNum" is not an attribute of Klass "regal-call".',
      'did you mean "talkTimeNum"?',
    ],
  ]);
});

test('longValueSources finds whole-value and template references ending in a long field', () => {
  assert.equal(LONG_VALUE_FIELDS, ['content', 'notes', 'transcript', 'call_summary', 'data']);
  assert.equal(longValueSources('/#steps.1.attributes.data.properties.transcript'), [
    'steps.1.attributes.data.properties.transcript',
  ]);
  assert.equal(longValueSources('Said: {{{steps.1.attributes.data.content}}}'), ['steps.1.attributes.data.content']);
  assert.equal(longValueSources({ a: '/#steps.1.attributes.data' }), ['steps.1.attributes.data']);
  assert.equal(longValueSources('/#steps.1.attributes.data.properties.notes_count'), []);
  assert.equal(longValueSources('notes'), []);
});

test('suggestAttribute falls back to the only attribute of the same type', () => {
  assert.equal(suggestAttribute('callDurationNum', ['talkTimeNum', 'notesTxt']), 'talkTimeNum');
  assert.equal(suggestAttribute('callDurationNum', ['talkTimeNum', 'waitNum']), undefined);
  assert.equal(suggestAttribute('notsTxt', ['notesTxt', 'talkTimeNum']), 'notesTxt');
});

test.run();
