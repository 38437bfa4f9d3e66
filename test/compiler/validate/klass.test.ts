// Klass rules, each with its exact diagnostic and location (fixture: test/fixtures/projects/invalid-klasses).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { diagnoseFixture, type DiagnosticRow } from '../helpers.js';

const expected: DiagnosticRow[] = [
  [
    'klasses/bad.ts:4:9',
    'error klass/invalid-name',
    'Klass name "regal call!" may hold only letters, digits, "_" and "-" (found " ", "!").',
    'try "regal-call"',
  ],
  [
    'klasses/bad.ts:10:3',
    'error klass/invalid-color',
    'Klass colour "green" is not a hex colour.',
    'write it like "#2E7D32"',
  ],
  [
    'klasses/bad.ts:12:5',
    'error klass/attribute-key-suffix',
    'attribute key "talkTimeStr" already ends in the type suffix "Str"; its Kustomer name would be "talkTimeStrNum".',
    'write `talkTime: attribute.number()`; the suffix is added',
  ],
  [
    'klasses/bad.ts:13:5',
    'error klass/invalid-attribute-key',
    'attribute key "talk_time" must be camelCase letters and digits.',
    'write it "talkTime"',
  ],
  [
    'klasses/bad.ts:15:5',
    'error klass/attribute-key-suffix',
    'attribute key "ownerNum" already ends in the type suffix "Num"; its Kustomer name would be "ownerNumId".',
    "write `owner: attribute.reference('user')`; the suffix is added",
  ],
  [
    'klasses/bad.ts:16:5',
    'error klass/attribute-key-suffix',
    'attribute key "seenBool" already ends in the type suffix "Bool"; its Kustomer name would be "seenBoolAt".',
    'write `seen: attribute.date()`; the suffix is added',
  ],
  [
    'klasses/bad.ts:17:5',
    'error klass/dropdown-without-options',
    'dropdown attribute "outcome" has no options.',
    `list them: attribute.dropdown(['won', 'lost'])`,
  ],
  [
    'klasses/bad.ts:18:50',
    'error klass/dropdown-duplicate-option',
    'dropdown attribute "channel" lists the option "sms" twice.',
    'remove the repeated option',
  ],
  [
    'klasses/bad.ts:19:5',
    'error klass/reference-without-target',
    'reference attribute "owner" names no target.',
    `write attribute.reference('customer') or attribute.reference('kobject.<klass>')`,
  ],
  [
    'klasses/bad.ts:20:5',
    'error klass/invalid-attribute',
    'attribute "weird" has a kind Kustomer does not know ("colour").',
    'use attribute.string(), .text(), .number(), .date(), .boolean(), .url(), .reference() or .dropdown()',
  ],
  [
    'klasses/bad.ts:24:29',
    'error klass/invalid-attributes',
    'Klass "regal-empty" has no attributes object.',
    'write `attributes: {}` for a Klass without custom attributes',
  ],
];

test("validateProject reports every Klass rule at the author's node", async () => {
  assert.equal(await diagnoseFixture('invalid-klasses'), expected);
});

test("a key ending in its own kind's suffix is the API name as is, so keys that differ only by suffix never collide", async () => {
  const { attribute, attributeApiName } = await import('../../../compiler/model/klass.js');
  assert.is(attributeApiName('orderStatusStr', attribute.string()), 'orderStatusStr');
  assert.is(attributeApiName('orderStatusUrl', attribute.url()), 'orderStatusUrl');
  assert.is(attributeApiName('orderStatus', attribute.url()), 'orderStatusUrl');
  assert.is(attributeApiName('callId', attribute.string()), 'callIdStr');
});

test.run();
