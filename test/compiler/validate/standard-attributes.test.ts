// Standard-object attribute rules, each with its exact diagnostic and location
// and mappings into them (fixture: test/fixtures/projects/invalid-standard-attributes, namespace "regal_voice").
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { diagnoseFixture, type DiagnosticRow } from '../helpers.js';

const expected: DiagnosticRow[] = [
  [
    'klasses/standard/customer.ts:5:3',
    'error standard-attributes/outside-namespace',
    'attribute "loyaltyTier" of "customer" is outside the namespace "regal_voice": kac manages only customer attributes whose names start with "regalVoice" and a capital letter or digit.',
    'rename it "regalVoiceLoyaltyTier"; attributes without the prefix belong to someone else and kac never touches them',
  ],
  [
    'klasses/standard/customer.ts:6:3',
    'error standard-attributes/outside-namespace',
    'attribute "regalvoiceScore" of "customer" is outside the namespace "regal_voice": kac manages only customer attributes whose names start with "regalVoice" and a capital letter or digit.',
    'rename it "regalVoiceScore"; attributes without the prefix belong to someone else and kac never touches them',
  ],
  [
    'klasses/standard/customer.ts:7:3',
    'error klass/attribute-key-suffix',
    'attribute key "regalVoiceCallsStr" already ends in the type suffix "Str"; its Kustomer name would be "regalVoiceCallsStrNum".',
    'write `regalVoiceCalls: attribute.number()`; the suffix is added',
  ],
  [
    'klasses/standard/customer.ts:8:3',
    'error klass/dropdown-without-options',
    'dropdown attribute "regalVoiceStage" has no options.',
    "list them: attribute.dropdown(['won', 'lost'])",
  ],
  [
    'klasses/standard/more.ts:3:39',
    'error standard-attributes/duplicate-object',
    'attributes of "customer" are already defined at klasses/standard/customer.ts:3:33.',
    "define each standard object's attributes once (spread shared attribute sets into it)",
  ],
  [
    'klasses/standard/more.ts:8:41',
    'error standard-attributes/unknown-object',
    '"customers" is not a standard object with custom attributes.',
    'use "company", "conversation", "customer", "message" or "user"; a custom object type is a Klass (defineKlass)',
  ],
  // An attribute kac does not own (loyaltyTierStr) may be written freely; kac's own must be defined.
  [
    'workflows/stamp.ts:8:71',
    'error workflow/unknown-attribute',
    'custom mapping "regalVoiceLastCalAt" is not an attribute kac defines on customer.',
    'did you mean "regalVoiceLastCallAt"?',
  ],
  [
    'workflows/stamp.ts:9:92',
    'error workflow/unknown-attribute',
    'custom mapping "regalVoiceTopicStr" is not an attribute kac defines on conversation.',
    "define it: defineAttributes('conversation', { … })",
  ],
];

test("validateProject reports every standard-object attribute rule at the author's node", async () => {
  assert.equal(await diagnoseFixture('invalid-standard-attributes'), expected);
});

test.run();
