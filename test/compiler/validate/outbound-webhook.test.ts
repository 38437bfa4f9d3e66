// Outbound webhook rules (fixture: test/fixtures/projects/invalid-webhooks).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { diagnoseFixture, type DiagnosticRow } from '../helpers.js';
import { isLiteralCredential } from '../../../compiler/validate/credentials.js';

const expected: DiagnosticRow[] = [
  [
    'workflows/webhooks.ts:16:25',
    'error outbound-webhook/name-too-long',
    'outbound webhook name is 256 characters; Kustomer takes at most 255.',
  ],
  [
    'workflows/webhooks.ts:22:26',
    'error outbound-webhook/no-events',
    'outbound webhook "regal-http" subscribes to no events.',
    `list at least one, e.g. events: ['kustomer.conversation.create']`,
  ],
  [
    'workflows/webhooks.ts:24:8',
    'error outbound-webhook/url-not-https',
    'outbound webhook "regal-http" posts to "http://example.com/hook"; Kustomer requires an https:// URL.',
  ],
  [
    'workflows/webhooks.ts:28:24',
    'error outbound-webhook/too-many-events',
    'outbound webhook "regal-long-url" subscribes to 13 events; Kustomer takes at most 12.',
    'split it into two webhooks',
  ],
  [
    'workflows/webhooks.ts:28:24',
    'error outbound-webhook/url-too-long',
    'outbound webhook "regal-long-url" has a URL of 260 characters; Kustomer takes at most 255.',
  ],
  [
    'workflows/webhooks.ts:31:21',
    'warning outbound-webhook/duplicate-event',
    'outbound webhook "regal-long-url" lists "kustomer.customer.create" twice.',
  ],
  [
    'workflows/webhooks.ts:31:48',
    'error outbound-webhook/unknown-event',
    'outbound webhook "regal-long-url" subscribes to "kustomer.conversation.created", which is not an event Kustomer sends.',
    'did you mean "kustomer.conversation.create"?',
  ],
  [
    'workflows/webhooks.ts:31:89',
    'warning outbound-webhook/duplicate-event',
    'outbound webhook "regal-long-url" lists "kustomer.message.create" twice.',
  ],
  [
    'workflows/webhooks.ts:38:14',
    'error outbound-webhook/literal-credential',
    'header "Authorization" of outbound webhook "regal-credentials" holds a credential written in the repo.',
    "write `Bearer ${secret('REGAL_CREDENTIALS_TOKEN')}` and set REGAL_CREDENTIALS_TOKEN in the environment",
  ],
  [
    'workflows/webhooks.ts:38:51',
    'error outbound-webhook/literal-credential',
    'header "X-Api-Key" of outbound webhook "regal-credentials" holds a credential written in the repo.',
    `write secret('REGAL_CREDENTIALS_TOKEN') and set REGAL_CREDENTIALS_TOKEN in the environment`,
  ],
  [
    'workflows/webhooks.ts:38:71',
    'error outbound-webhook/invalid-header',
    'header "Count" of outbound webhook "regal-credentials" is neither a string nor a secret().',
  ],
];

test('validateProject reports every outbound webhook rule', async () => {
  assert.equal(await diagnoseFixture('invalid-webhooks'), expected);
});

test('isLiteralCredential: literal schemes and key headers, not secrets or workflow variables', () => {
  const cases: [string, unknown, boolean][] = [
    ['Authorization', 'Bearer abc', true],
    ['X-Anything', 'Basic dXNlcjpwYXNz', true],
    ['X-Api-Key', 'abc', true],
    ['Authorization', 'Bearer <secret:TOKEN>', false],
    ['Authorization', '<secret:TOKEN>', false],
    ['Authorization', 'Basic {{{variables.63da823147407a231b1bbfce}}}', false],
    ['X-Source', 'kustomer', false],
    ['Authorization', '', false],
    ['Authorization', { kind: 'secret', envVar: 'X' }, false],
  ];
  for (const [name, value, literal] of cases)
    assert.is(isLiteralCredential(name, value), literal, `${name}: ${String(value)}`);
});

test.run();
