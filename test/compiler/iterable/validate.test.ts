// validateIterableWebhooks: every rule, with its exact diagnostic and location (found in this file's
// own source, so the table stays right when lines move).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Diagnostic } from '../../../compiler/diagnostics.js';
import { defineIterableWebhook, iterableFields, secret } from '../../../compiler/index.js';
import { createLocator } from '../../../compiler/load/locate.js';
import type { IterableWebhookDefinition } from '../../../compiler/model/iterable.js';
import type { Model } from '../../../compiler/model/project.js';
import { createValidationContext } from '../../../compiler/validate/context.js';
import { validateIterableWebhooks } from '../../../compiler/validate/iterable.js';
import type { IterableFields } from '../../../workflows/iterable/fields.schema.js';
import schema from '../../../workflows/iterable/fields.schema.json' with { type: 'json' };

const root = fileURLToPath(new URL('../../..', import.meta.url));
const FILE = 'test/compiler/iterable/validate.test.ts';
const source = readFileSync(fileURLToPath(import.meta.url), 'utf8');
const fields = iterableFields<IterableFields>(schema);
const key = secret('REGAL_API_KEY');

/** Line and column of the first `text` after the `// case: name` marker. */
function at(name: string, text: string) {
  const start = source.indexOf(`// case: ${name}\n`);
  const offset = source.indexOf(text, start);
  if (start < 0 || offset < 0) throw new Error(`marker ${name} / ${text} not found`);
  const before = source.slice(0, offset).split('\n');
  return { file: FILE, line: before.length, column: before[before.length - 1]!.length + 1 };
}

function validate(...defs: IterableWebhookDefinition[]): Diagnostic[] {
  const model: Model = {
    root,
    namespace: 'regal',
    klasses: [],
    hooks: [],
    workflows: [],
    outboundWebhooks: [],
    iterableWebhooks: defs.map((definition) => ({ definition, file: FILE })),
  };
  return validateIterableWebhooks(model, createValidationContext(model, createLocator(root)));
}

const cases: [string, IterableWebhookDefinition, Diagnostic[]][] = [
  [
    'legacy shape without traits.phone',
    // case: no-phone
    defineIterableWebhook({
      name: 'regal-no-phone',
      journey: 'J',
      fields,
      trigger: { kind: 'profile-field-updated', field: 'phoneNumber' },
      headers: { Authorization: key },
      body: ({ field }) => ({ traits: { email: field('email') } }) as any,
    }),
    [
      {
        code: 'iterable/missing-phone',
        severity: 'error',
        message: `the body of "regal-no-phone" has no traits.phone: Regal's legacy payload (phone, email, optIn) requires the contact's phone.`,
        location: at('no-phone', 'traits'),
        hint: "add traits.phone: field('phoneNumber'), or use the keyed traits.phones / traits.emails",
      },
    ],
  ],
  [
    'keyed shape without any phone or email',
    // case: keyed-empty
    defineIterableWebhook({
      name: 'regal-keyed-empty',
      journey: 'J',
      fields,
      trigger: { kind: 'profile-field-updated', field: 'phoneNumber' },
      headers: { Authorization: key },
      body: () => ({ traits: { phones: {}, emails: {} } }),
    }),
    [
      {
        code: 'iterable/missing-phone',
        severity: 'error',
        message:
          'traits.phones and traits.emails of "regal-keyed-empty" are both empty: Regal needs at least one phone or email to identify the contact.',
        location: at('keyed-empty', 'traits'),
        hint: "key a phone by its merge field: phones: { [`${field('phoneNumber')}`]: { isPrimary: true } }",
      },
    ],
  ],
  [
    'opt-in entries without channel or subscribed',
    // case: opt-in
    defineIterableWebhook({
      name: 'regal-opt-in',
      journey: 'J',
      fields,
      trigger: { kind: 'profile-field-updated', field: 'phoneNumber' },
      headers: { Authorization: key },
      body: ({ field }) =>
        ({ traits: { phone: field('phoneNumber'), optIn: [{ subscribed: true }, { channel: 'sms' }] } }) as any,
    }),
    [
      {
        code: 'iterable/incomplete-opt-in',
        severity: 'error',
        message:
          'traits.optIn[0] of "regal-opt-in" has no "channel": Regal requires channel and subscribed on every opt-in entry.',
        location: at('opt-in', 'optIn'),
      },
      {
        code: 'iterable/incomplete-opt-in',
        severity: 'error',
        message:
          'traits.optIn[1] of "regal-opt-in" has no "subscribed": Regal requires channel and subscribed on every opt-in entry.',
        location: at('opt-in', 'optIn'),
      },
    ],
  ],
  [
    'keyed opt-in without subscribed',
    // case: keyed-opt-in
    defineIterableWebhook({
      name: 'regal-keyed-opt-in',
      journey: 'J',
      fields,
      trigger: { kind: 'profile-field-updated', field: 'phoneNumber' },
      headers: { Authorization: key },
      body: () => ({ traits: { phones: { '+14155550101': { smsOptIn: { source: 'web' } } } } }) as any,
    }),
    [
      {
        code: 'iterable/incomplete-opt-in',
        severity: 'error',
        message:
          'traits.phones["+14155550101"].smsOptIn of "regal-keyed-opt-in" has no "subscribed": Regal requires subscribed on every opt-in.',
        location: at('keyed-opt-in', 'smsOptIn'),
      },
    ],
  ],
  [
    'a merge field where Regal expects a boolean',
    // case: boolean
    defineIterableWebhook({
      name: 'regal-boolean',
      journey: 'J',
      fields,
      trigger: { kind: 'profile-field-updated', field: 'phoneNumber' },
      headers: { Authorization: key },
      body: ({ field }) => ({
        traits: {
          phone: field('phoneNumber'),
          optIn: [{ channel: 'voice', subscribed: field('voice_optin_subscribed') }],
        },
      }),
    }),
    [
      {
        code: 'iterable/merge-field-boolean',
        severity: 'warning',
        message:
          'traits.optIn[0].subscribed of "regal-boolean" is the merge field {{voice_optin_subscribed}}: Iterable renders it as the string "true" or "false", not a JSON boolean.',
        location: at('boolean', "field('voice"),
        hint: 'split the journey on voice_optin_subscribed (Yes/No) into two webhooks that send literal true and false',
      },
    ],
  ],
  [
    'the guide\'s raw string "{{voice_optin_subscribed}}" as a boolean',
    // case: raw-boolean
    defineIterableWebhook({
      name: 'regal-raw-boolean',
      journey: 'J',
      fields,
      trigger: { kind: 'profile-field-updated', field: 'phoneNumber' },
      headers: { Authorization: key },
      body: ({ field }) =>
        ({
          traits: {
            phone: field('phoneNumber'),
            optIn: [{ channel: 'sms', subscribed: '{{voice_optin_subscribed}}' }],
          },
        }) as any,
    }),
    [
      {
        code: 'iterable/merge-field-boolean',
        severity: 'warning',
        message:
          'traits.optIn[0].subscribed of "regal-raw-boolean" is the merge field {{voice_optin_subscribed}}: Iterable renders it as the string "true" or "false", not a JSON boolean.',
        location: at('raw-boolean', "'{{voice"),
        hint: 'split the journey on voice_optin_subscribed (Yes/No) into two webhooks that send literal true and false',
      },
    ],
  ],
  [
    'merge fields not declared in the schema (helper and raw string)',
    // case: undeclared
    defineIterableWebhook({
      name: 'regal-undeclared',
      journey: 'J',
      fields,
      trigger: { kind: 'profile-field-updated', field: 'phoneNumber' },
      headers: { Authorization: key },
      body: ({ field }) => ({ traits: { phone: field('phoneNumbr' as 'phoneNumber'), nickname: '{{nick_name}}' } }),
    }),
    [
      {
        code: 'iterable/undeclared-field',
        severity: 'error',
        message:
          'merge field "phoneNumbr" in traits.phone of "regal-undeclared" is not a declared Iterable profile field.',
        location: at('undeclared', "field('phoneNumbr'"),
        hint: 'did you mean "phoneNumber"?',
      },
      {
        code: 'iterable/undeclared-field',
        severity: 'error',
        message:
          'merge field "nick_name" in traits.nickname of "regal-undeclared" is not a declared Iterable profile field.',
        location: at('undeclared', "'{{nick_name}}'"),
        hint: 'declare it in workflows/iterable/fields.schema.json',
      },
    ],
  ],
  [
    'an event field used by a profile-triggered template, and an undeclared trigger event',
    // case: event-scope
    defineIterableWebhook({
      name: 'regal-event-scope',
      journey: 'J',
      fields,
      trigger: { kind: 'custom-event', event: 'Application Step 2 Completed' as 'Application Step 1 Completed' },
      headers: { Authorization: key },
      body: ({ field }) => ({
        traits: { phone: field('phoneNumber') },
        properties: { level: field.event.educationalLevel },
      }),
    }),
    [
      {
        code: 'iterable/undeclared-event',
        severity: 'error',
        message:
          'trigger event "Application Step 2 Completed" of "regal-event-scope" is not a declared Iterable custom event.',
        location: at('event-scope', "'Application Step 2"),
        hint: 'did you mean "Application Step 1 Completed"?',
      },
      {
        code: 'iterable/undeclared-field',
        severity: 'error',
        message:
          'merge field "educationalLevel" in properties.level of "regal-event-scope" is not a declared Iterable profile field or dataField of "Application Step 2 Completed".',
        location: at('event-scope', 'educationalLevel }'),
        hint: 'declare it in workflows/iterable/fields.schema.json',
      },
    ],
  ],
  [
    'a literal Authorization value and a plain-http endpoint',
    // case: transport
    defineIterableWebhook({
      name: 'regal-transport',
      journey: 'J',
      fields,
      trigger: { kind: 'profile-field-updated', field: 'phoneNumber' },
      endpoint: 'http://events.regalvoice.com/events',
      headers: { Authorization: 'sk_live_abc123' } as any,
      sendEmailAndWorkflowId: true,
      body: ({ field }) => ({ traits: { phone: field('phoneNumber') } }),
    }),
    [
      {
        code: 'iterable/insecure-endpoint',
        severity: 'error',
        message:
          'endpoint "http://events.regalvoice.com/events" of "regal-transport" is not an https URL: Iterable only calls https webhook endpoints.',
        location: at('transport', "'http://"),
        hint: "leave endpoint out for Regal's https://events.regalvoice.com/events",
      },
      {
        code: 'iterable/literal-secret',
        severity: 'error',
        message:
          'header "Authorization" of "regal-transport" is a literal value: the Regal API key would be committed to the repo.',
        location: at('transport', 'Authorization'),
        hint: "write secret('REGAL_API_KEY') and set REGAL_API_KEY in the environment",
      },
      {
        code: 'iterable/send-email-and-workflow-id',
        severity: 'warning',
        message:
          '"regal-transport" has sendEmailAndWorkflowId: true; Regal asks for "send email and workflowId" unchecked.',
        location: at('transport', 'sendEmailAndWorkflowId'),
        hint: 'remove sendEmailAndWorkflowId (default false)',
      },
    ],
  ],
  [
    'a body that is not valid Handlebars, and an undeclared profile trigger field',
    // case: syntax
    defineIterableWebhook({
      name: 'regal-syntax',
      journey: 'J',
      fields,
      trigger: { kind: 'profile-field-updated', field: 'mobile' as 'phoneNumber' },
      headers: { Authorization: key },
      body: ({ field }) => ({ traits: { phone: field('phoneNumber'), firstName: '{{firstName}' } }),
    }),
    [
      {
        code: 'iterable/undeclared-field',
        severity: 'error',
        message: 'trigger field "mobile" of "regal-syntax" is not a declared Iterable profile field.',
        location: at('syntax', "'mobile'"),
        hint: 'declare it in workflows/iterable/fields.schema.json',
      },
      {
        code: 'iterable/template-syntax',
        severity: 'error',
        message: `traits.firstName of "regal-syntax" is not a valid Handlebars template: Parse error on line 1: Expecting 'CLOSE_RAW_BLOCK', 'CLOSE', 'CLOSE_UNESCAPED', 'OPEN_SEXPR', 'CLOSE_SEXPR', 'ID', 'OPEN_BLOCK_PARAMS', 'STRING', 'NUMBER', 'BOOLEAN', 'UNDEFINED', 'NULL', 'DATA', 'SEP', got 'INVALID'`,
        location: at('syntax', "'{{firstName}'"),
      },
    ],
  ],
];

for (const [name, definition, expected] of cases) {
  test(`validateIterableWebhooks: ${name}`, () => {
    assert.equal(validate(definition), expected);
  });
}

test('validateIterableWebhooks: duplicate names', () => {
  const a = cases[0]![1];
  const diagnostics = validate(a, a).filter((d) => d.code === 'iterable/duplicate-name');
  const first = at('no-phone', 'defineIterableWebhook');
  assert.equal(diagnostics, [
    {
      code: 'iterable/duplicate-name',
      severity: 'error',
      message: `Iterable webhook name "regal-no-phone" is already defined at ${FILE}:${first.line}:${first.column}.`,
      location: at('no-phone', "'regal-no-phone'"),
      hint: 'names identify templates in confirmations.json and dist/; rename one of them',
    },
  ]);
});

test('validateIterableWebhooks: a body callback that throws is one diagnostic, not a crash', () => {
  // case: throws
  const def = defineIterableWebhook({
    name: 'regal-throws',
    journey: 'J',
    fields,
    trigger: { kind: 'profile-field-updated', field: 'phoneNumber' },
    headers: { Authorization: key },
    body: () => {
      throw new Error('boom');
    },
  });
  assert.equal(validate(def), [
    {
      code: 'iterable/body-error',
      severity: 'error',
      message: 'the body of Iterable webhook "regal-throws" threw: boom',
      location: at('throws', 'defineIterableWebhook'),
    },
  ]);
});

test('validateIterableWebhooks: the repo templates have only the documented opt-in warnings', async () => {
  const defs = await Promise.all(
    ['create-contact', 'update-opt-in', 'application-step-1-completed'].map(
      async (f) => (await import(`../../../workflows/iterable/${f}.js`)).default as IterableWebhookDefinition,
    ),
  );
  const model: Model = {
    root,
    namespace: 'regal',
    klasses: [],
    hooks: [],
    workflows: [],
    outboundWebhooks: [],
    iterableWebhooks: defs.map((definition, i) => ({
      definition,
      file: `workflows/iterable/${['create-contact', 'update-opt-in', 'application-step-1-completed'][i]}.ts`,
    })),
  };
  const diagnostics = validateIterableWebhooks(model, createValidationContext(model, createLocator(root)));
  assert.equal(
    diagnostics.map((d) => [d.code, d.severity, d.location?.file]),
    [
      ['iterable/merge-field-boolean', 'warning', 'workflows/iterable/update-opt-in.ts'],
      ['iterable/merge-field-boolean', 'warning', 'workflows/iterable/update-opt-in.ts'],
    ],
  );
});

test.run();
