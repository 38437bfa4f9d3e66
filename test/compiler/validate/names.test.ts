// Names: namespace, presence, duplicates per kind (fixture: test/fixtures/projects/invalid-names).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { diagnoseFixture, type DiagnosticRow } from '../helpers.js';
import { isInNamespace } from '../../../compiler/validate/names.js';

const expected: DiagnosticRow[] = [
  [
    'klasses/call.ts:3:44',
    'error klass/outside-namespace',
    'Klass name "call" is outside the namespace "regal": it must start with "regal-" or "regal_".',
    'rename it "regal-call"; kac only manages names in its namespace',
  ],
  [
    'klasses/dupe.ts:3:36',
    'error klass/duplicate-name',
    'Klass name "regal-call" is already defined at klasses/call.ts:4:42.',
    'names are unique per kind in a Kustomer org; rename one of them',
  ],
  [
    'workflows/defs.ts:3:42',
    'error hook/outside-namespace',
    'hook name "events" is outside the namespace "regal": it must start with "regal-" or "regal_".',
    'rename it "regal-events"; kac only manages names in its namespace',
  ],
  [
    'workflows/defs.ts:4:24',
    'error hook/invalid-name',
    'the hook has no name.',
    'give it a `name` starting with the namespace',
  ],
  [
    'workflows/defs.ts:5:66',
    'error hook/invalid-type',
    'hook "regal_email" has type "email"; kac manages "web" and "form" hooks.',
    'leave `type` out for a web hook',
  ],
  [
    'workflows/defs.ts:7:43',
    'error workflow/duplicate-name',
    'workflow name "regal-flow" is already defined at workflows/defs.ts:6:43.',
    'names are unique per kind in a Kustomer org; rename one of them',
  ],
  [
    'workflows/defs.ts:8:51',
    'error outbound-webhook/outside-namespace',
    'outbound webhook name "Conversation sync" is outside the namespace "regal": it must start with "regal-" or "regal_".',
    'rename it "regal-Conversation sync"; kac only manages names in its namespace',
  ],
];

test('validateProject reports name rules for every kind', async () => {
  assert.equal(await diagnoseFixture('invalid-names'), expected);
});

test('isInNamespace accepts "<ns>-" and "<ns>_" only', () => {
  assert.equal(
    ['regal-call', 'regal_call', 'regalcall', 'call', 'regal'].map((n) => isInNamespace(n, 'regal')),
    [true, true, false, false, false],
  );
});

test.run();
