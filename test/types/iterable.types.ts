// Type tests for Iterable templates: compiled by `tsc --noEmit` in `npm test`. Each @ts-expect-error
// must be a real error (an unused directive fails tsc), so every undeclared name below is rejected.
import { defineIterableWebhook, iterableFields, secret } from '../../compiler/index.js';
import type { IterableFields } from '../../workflows/iterable/fields.schema.js';

const fields = iterableFields<IterableFields>({});

defineIterableWebhook({
  name: 'regal-types-profile',
  journey: 'J',
  fields,
  trigger: { kind: 'profile-field-updated', field: 'phoneNumber' },
  headers: { Authorization: secret('REGAL_API_KEY') },
  body: ({ field, defaultIfEmpty, ifEq, ifSet }) => ({
    traits: {
      phone: field('phoneNumber'),
      firstName: defaultIfEmpty('firstName', 'there'),
      lastName: field.profile.lastName,
      custom1: ifEq('leadSource', 'web', 'online', field('custom1')),
      custom2: ifSet('custom2', field('custom2'), 'none'),
      // @ts-expect-error: an undeclared profile field
      custom3: field('phoneNumbr'),
      // @ts-expect-error: an undeclared field through the scoped accessor
      custom4: field.profile.middleName,
      // @ts-expect-error: event fields exist only for custom-event triggers
      custom5: field.event.educationalLevel,
      // @ts-expect-error: an undeclared field in a helper
      custom6: defaultIfEmpty('nickname', 'x'),
      optIn: [
        { channel: 'voice', subscribed: true },
        { channel: 'sms', subscribed: field('voice_optin_subscribed') },
      ],
    },
  }),
});

defineIterableWebhook({
  name: 'regal-types-event',
  journey: 'J',
  fields,
  trigger: { kind: 'custom-event', event: 'Application Step 1 Completed' },
  headers: { Authorization: secret('REGAL_API_KEY') },
  body: ({ field }) => ({
    traits: { phones: { [`${field('phoneNumber')}`]: { isPrimary: true, smsOptIn: { subscribed: false } } } },
    name: 'Application Step 1 Completed',
    properties: {
      level: field.event.educationalLevel,
      subject: field('preferredSubject'),
      // @ts-expect-error: not a dataField of this event
      other: field.event.preferredColour,
    },
  }),
});

defineIterableWebhook({
  name: 'regal-types-bad-trigger',
  journey: 'J',
  fields,
  // @ts-expect-error: an event the schema does not declare
  trigger: { kind: 'custom-event', event: 'Application Step 9 Completed' },
  headers: { Authorization: secret('REGAL_API_KEY') },
  body: ({ field }) => ({ traits: { phone: field('phoneNumber') } }),
});

defineIterableWebhook({
  name: 'regal-types-bad-field-trigger',
  journey: 'J',
  fields,
  // @ts-expect-error: a profile field the schema does not declare
  trigger: { kind: 'profile-field-updated', field: 'mobile' },
  headers: { Authorization: secret('REGAL_API_KEY') },
  body: ({ field }) => ({ traits: { phone: field('phoneNumber') } }),
});

defineIterableWebhook({
  name: 'regal-types-literal-key',
  journey: 'J',
  fields,
  trigger: { kind: 'profile-field-updated', field: 'phoneNumber' },
  // @ts-expect-error: the Regal API key must be a secret, never a literal
  headers: { Authorization: 'sk_live_123' },
  body: ({ field }) => ({ traits: { phone: field('phoneNumber') } }),
});

defineIterableWebhook({
  name: 'regal-types-no-phone',
  journey: 'J',
  fields,
  trigger: { kind: 'profile-field-updated', field: 'phoneNumber' },
  headers: { Authorization: secret('REGAL_API_KEY') },
  // @ts-expect-error: the legacy shape requires traits.phone (and there are no phones/emails)
  body: ({ field }) => ({ traits: { firstName: field('firstName') } }),
});

defineIterableWebhook({
  name: 'regal-types-opt-in',
  journey: 'J',
  fields,
  trigger: { kind: 'profile-field-updated', field: 'phoneNumber' },
  headers: { Authorization: secret('REGAL_API_KEY') },
  // @ts-expect-error: an opt-in entry needs subscribed
  body: ({ field }) => ({ traits: { phone: field('phoneNumber'), optIn: [{ channel: 'voice' }] } }),
});

defineIterableWebhook({
  name: 'regal-types-string-boolean',
  journey: 'J',
  fields,
  trigger: { kind: 'profile-field-updated', field: 'phoneNumber' },
  headers: { Authorization: secret('REGAL_API_KEY') },
  // @ts-expect-error: Regal's boolean, not the string "true"
  body: ({ field }) => ({ traits: { phone: field('phoneNumber'), optIn: [{ channel: 'sms', subscribed: 'true' }] } }),
});

defineIterableWebhook({
  name: 'regal-types-channel',
  journey: 'J',
  fields,
  trigger: { kind: 'profile-field-updated', field: 'phoneNumber' },
  headers: { Authorization: secret('REGAL_API_KEY') },
  // @ts-expect-error: channel is one of voice | sms | email
  body: ({ field }) => ({ traits: { phone: field('phoneNumber'), optIn: [{ channel: 'fax', subscribed: true }] } }),
});
