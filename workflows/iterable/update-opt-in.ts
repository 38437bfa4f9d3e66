// Regal's Iterable guide, "Updating OptIn Information": sends the voice and sms consent whenever
// the voice field changes. Each channel reads ITS OWN field: the guide's sms entry reuses
// `voice_optin_subscribed`, a copy-paste bug that would overwrite sms consent with voice consent.
// `subscribed` from a merge field renders as the string "true"/"false" (validation warns): Regal's
// guide relies on Regal coercing it. Until Regal confirms that, the safe form is a Yes/No split in
// the journey with two webhooks sending literal true and false.
import { defineIterableWebhook, secret } from '../../compiler/index.js';
import { fields } from './fields.js';

export default defineIterableWebhook({
  name: 'regal-update-opt-in',
  journey: 'Send Opt In or Out to Regal',
  fields,
  trigger: { kind: 'profile-field-updated', field: 'voice_optin_subscribed' },
  headers: { Authorization: secret('REGAL_API_KEY') },
  body: ({ field }) => ({
    userId: field('uniqueIdentifier'),
    traits: {
      phone: field('phoneNumber'),
      optIn: [
        { channel: 'voice', source: field('leadSource'), subscribed: field('voice_optin_subscribed') },
        { channel: 'sms', source: field('leadSource'), subscribed: field('sms_optin_subscribed') },
      ],
    },
    eventSource: 'iterable',
  }),
});
