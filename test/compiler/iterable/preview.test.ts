// previewIterableBody: the repo's templates render to valid Regal events with their samples; invalid
// JSON is reported with its position; Regal schema violations and Iterable helpers behave as documented.
import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { renderIterableBodyText } from '../../../compiler/iterable/body-text.js';
import { previewIterableBody } from '../../../compiler/iterable/preview.js';
import { checkRegalPayload } from '../../../compiler/iterable/regal-schema.js';
import type { IterableWebhookDefinition } from '../../../compiler/model/iterable.js';

const TEMPLATES = {
  'regal-create-contact': 'create-contact',
  'regal-update-opt-in': 'update-opt-in',
  'regal-application-step-1-completed': 'application-step-1-completed',
};
const location = { file: 'workflows/iterable/x.ts', line: 3, column: 16 };

for (const [name, file] of Object.entries(TEMPLATES)) {
  test(`previewIterableBody: ${name} renders to a valid Regal event with its sample`, async () => {
    const def = (await import(`../../../workflows/iterable/${file}.js`)).default as IterableWebhookDefinition;
    assert.is(def.name, name);
    const sample = JSON.parse(
      readFileSync(new URL(`../../../workflows/iterable/samples/${name}.json`, import.meta.url), 'utf8'),
    );
    const preview = previewIterableBody(renderIterableBodyText(def.body), sample, { name, location });
    assert.equal(preview.diagnostics, []);
    assert.equal(checkRegalPayload(preview.payload), []);
  });
}

test('previewIterableBody: the opt-in template sends each channel from its own field', async () => {
  const def = (await import('../../../workflows/iterable/update-opt-in.js')).default as IterableWebhookDefinition;
  const preview = previewIterableBody(
    renderIterableBodyText(def.body),
    { phoneNumber: '+14155550101', voice_optin_subscribed: true, sms_optin_subscribed: false },
    { name: 'x' },
  );
  assert.equal(
    (preview.payload as any).traits.optIn.map((o: any) => [o.channel, o.subscribed]),
    [
      ['voice', 'true'],
      ['sms', 'false'],
    ],
  );
});

test('previewIterableBody: helpers (defaultIfEmpty, ifEq, if/else) render as in Iterable', () => {
  const text = JSON.stringify({
    traits: {
      phone: '{{phoneNumber}}',
      firstName: "{{defaultIfEmpty firstName 'there'}}",
      plan: "{{#ifEq tier 'gold'}}premium{{else}}standard{{/ifEq}}",
      known: '{{#if lastName}}yes{{else}}no{{/if}}',
    },
  });
  const preview = previewIterableBody(
    text,
    { phoneNumber: '+14155550101', tier: 'gold', firstName: '' },
    { name: 'x' },
  );
  assert.equal(preview.payload, {
    traits: { phone: '+14155550101', firstName: 'there', plan: 'premium', known: 'no' },
  });
});

test('previewIterableBody: a template that renders invalid JSON is an error with the position', () => {
  const text = '{\n  "traits": {\n    "phone": "{{phoneNumber}}",\n    "vip": {{vip}}\n  }\n}';
  const preview = previewIterableBody(text, { phoneNumber: '+14155550101' }, { name: 'regal-bad', location });
  assert.equal(preview.diagnostics, [
    {
      code: 'iterable/preview-invalid-json',
      severity: 'error',
      message: 'the body of "regal-bad" renders to invalid JSON at line 5, column 3 (ValueExpected): }',
      location,
      hint: 'a merge field outside quotes must render a JSON literal; quote it, or send literal values',
    },
  ]);
  assert.is(preview.rendered, '{\n  "traits": {\n    "phone": "+14155550101",\n    "vip": \n  }\n}');
});

test('previewIterableBody: a rendered body Regal would reject is an error per problem', () => {
  const text = JSON.stringify({
    traits: { phone: '{{phoneNumber}}', optIn: [{ channel: 'sms', subscribed: '{{sms}}' }] },
    extra: 1,
  });
  const preview = previewIterableBody(text, { phoneNumber: '', sms: 'yes' }, { name: 'regal-bad', location });
  assert.equal(
    preview.diagnostics.map((d) => d.message),
    [
      'the rendered body of "regal-bad" is not a valid Regal event: (body) has "extra", which Regal\'s events API does not take',
      'the rendered body of "regal-bad" is not a valid Regal event: traits.phone must match pattern "^\\+?[0-9][0-9 ()-]{5,}$"',
      'the rendered body of "regal-bad" is not a valid Regal event: traits.optIn[0].subscribed must be true or false',
    ],
  );
  assert.ok(preview.diagnostics.every((d) => d.code === 'iterable/preview-regal-schema' && d.severity === 'error'));
});

test('checkRegalPayload: traits need a phone or an email', () => {
  assert.equal(checkRegalPayload({ traits: { firstName: 'Ada' } }), [
    'traits has no phone or email: Regal needs at least one to identify or create the contact',
  ]);
  assert.equal(checkRegalPayload({ traits: { emails: { 'a@b.com': { emailOptIn: { subscribed: true } } } } }), []);
});

test('previewIterableBody: a helper failure is reported, not thrown', () => {
  const preview = previewIterableBody(
    '{"a": "{{#ifContainsStr tags \'x\'}}y{{/ifContainsStr}}"}',
    {},
    { name: 'regal-h' },
  );
  assert.equal(
    preview.diagnostics.map((d) => [d.code, d.message]),
    [
      [
        'iterable/preview-render',
        'the body of "regal-h" does not render: ifContainsStr on an empty field: Iterable fails the send',
      ],
    ],
  );
});

test.run();
