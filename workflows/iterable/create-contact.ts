// Regal's Iterable guide, "Creating New Contacts": a journey triggered when the phone field is set
// sends the contact to Regal. Written in Regal's current keyed shape (`phones` keyed by number), so
// the opt-ins attach to that number explicitly. Like the guide, it assumes consent was collected at
// sign-up; drop the opt-ins if that is not true for every contact this journey sees.
import { defineIterableWebhook, secret } from '../../compiler/index.js';
import { fields } from './fields.js';

export default defineIterableWebhook({
  name: 'regal-create-contact',
  journey: 'Create New Contact for Regal',
  fields,
  trigger: { kind: 'profile-field-updated', field: 'phoneNumber' },
  headers: { Authorization: secret('REGAL_API_KEY') },
  sendEmailAndWorkflowId: false,
  body: ({ field }) => ({
    userId: field('uniqueIdentifier'),
    traits: {
      phones: {
        [`${field('phoneNumber')}`]: {
          isPrimary: true,
          label: 'Mobile',
          voiceOptIn: { subscribed: true, source: field('leadSource') },
          smsOptIn: { subscribed: true, source: field('leadSource') },
        },
      },
      emails: { [`${field('email')}`]: { isPrimary: true } },
      firstName: field('firstName'),
      lastName: field('lastName'),
      custom1: field('custom1'),
      custom2: field('custom2'),
    },
    eventSource: 'iterable',
  }),
});
