// Regal's Iterable guide, "Sending Events": a custom-event journey forwards the event to Regal with
// the event's dataFields as properties and fresh profile traits, so Regal campaigns can branch on
// it or use it as exit criteria.
import { defineIterableWebhook, secret } from '../../compiler/index.js';
import { fields } from './fields.js';

export default defineIterableWebhook({
  name: 'regal-application-step-1-completed',
  journey: 'Send Application Step 1 Completed Event to Regal',
  fields,
  trigger: { kind: 'custom-event', event: 'Application Step 1 Completed' },
  headers: { Authorization: secret('REGAL_API_KEY') },
  body: ({ field, defaultIfEmpty }) => ({
    userId: field('uniqueIdentifier'),
    traits: {
      phone: field('phoneNumber'),
      firstName: defaultIfEmpty('firstName', 'there'),
      lastName: field('lastName'),
      custom1: field('custom1'),
      custom2: field('custom2'),
      custom3: field('custom3'),
    },
    name: 'Application Step 1 Completed',
    properties: {
      educationalLevel: field.event.educationalLevel,
      preferredLocation: field.event.preferredLocation,
      preferredSubject: field.event.preferredSubject,
      readytoCommit: true,
    },
    eventSource: 'iterable',
  }),
});
