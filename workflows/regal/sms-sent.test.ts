// What `regal-sms-sent` does with an sms.sent event: `kac test sms-sent`.
import { defineWorkflowTest } from '../../compiler/index.js';
import regalSmsSent from '../../klasses/regal-sms-sent.js';
import type { RegalSmsSent } from './payloads/index.js';
import smsSent from './sms-sent.js';

const sms: RegalSmsSent = {
  event: 'sms.sent',
  externalId: '12345',
  originalTimestamp: '1680298444',
  traits: { email: 'jane.doe@example.com', phone: '+19545552399' },
  properties: {
    direction: 'outbound',
    content: 'Thanks for subscribing',
    from_number: '+12445552556',
    to_number: '+19545552399',
    campaign_friendly_id: 15,
    campaign_name: 'Subscribe',
  },
};
const key = 'sms.sent::1680298444:+12445552556:+19545552399';

export default [
  defineWorkflowTest({
    name: 'sms.sent (Kustomer envelope), unknown contact: creates the customer and a Regal SMS Sent card',
    workflow: smsSent,
    event: sms,
    expect: {
      customers: { created: [{ externalId: '12345', phones: ['+19545552399'] }] },
      kobjects: {
        created: [
          {
            klass: regalSmsSent,
            title: 'SMS sent to +19545552399',
            externalId: key,
            description: 'Thanks for subscribing',
            custom: { directionStr: 'outbound', campaignFriendlyIdStr: '15', campaignNameStr: 'Subscribe' },
            customer: { externalId: '12345' },
          },
        ],
      },
    },
  }),

  defineWorkflowTest({
    name: 'sms.sent (Reporting envelope: name, userId): the customer gets the userId as external id',
    workflow: smsSent,
    event: {
      name: 'sms.sent',
      userId: '777',
      traits: { phone: '+15550001111', email: 'sam@example.com' },
      properties: { to_number: '+15550001111', content: 'Hi' },
    },
    expect: {
      customers: { created: [{ externalId: '777', phones: ['+15550001111'] }] },
      kobjects: { created: [{ klass: regalSmsSent, title: 'SMS sent to +15550001111' }] },
    },
  }),

  defineWorkflowTest({
    name: 'sms.sent re-sent (same number, time and text key): nothing happens',
    workflow: smsSent,
    given: {
      customers: [{ externalId: '12345' }],
      kobjects: [
        { klass: regalSmsSent, title: 'SMS sent to +19545552399', externalId: key, customerExternalId: '12345' },
      ],
    },
    event: sms,
    expect: { nothing: true },
  }),

  defineWorkflowTest({
    name: 'sms.sent with no external id, customer known by phone: the card goes on that customer',
    workflow: smsSent,
    given: { customers: [{ name: 'Jane Doe', phone: '+19545552399' }] },
    event: { event: 'sms.sent', traits: { phone: '+19545552399' }, properties: { to_number: '+19545552399' } },
    expect: {
      customers: { created: [] },
      kobjects: { created: [{ klass: regalSmsSent, customer: { name: 'Jane Doe' } }] },
      steps: ['find-recorded-event', 'find-by-phone', 'create-kobject-found-by-phone'],
    },
  }),

  defineWorkflowTest({
    name: 'sms.sent with only an email, customer known by email: the card goes on that customer',
    workflow: smsSent,
    given: { customers: [{ name: 'Jane Doe', email: 'jane.doe@example.com' }] },
    event: { event: 'sms.sent', traits: { email: 'jane.doe@example.com' }, properties: { to_number: '+19545552399' } },
    expect: {
      customers: { created: [] },
      kobjects: { created: [{ klass: regalSmsSent, customer: { name: 'Jane Doe' } }] },
      steps: ['find-recorded-event', 'find-by-email', 'create-kobject-found-by-email'],
    },
  }),

  defineWorkflowTest({
    name: 'sms.sent with no identifier at all: nothing happens (no one to put it on)',
    workflow: smsSent,
    event: { event: 'sms.sent', properties: { to_number: '+19545552399' } },
    expect: { nothing: true, status: 'no-match' },
  }),

  defineWorkflowTest({
    name: 'sms.sent to a number only, unknown contact: the customer is created with the phone only and gets the card',
    workflow: smsSent,
    event: { ...sms, externalId: undefined, traits: { phone: '+19545552399' } },
    expect: {
      customers: { created: [{ externalId: null, phones: ['+19545552399'], emails: [] }] },
      kobjects: { created: [{ klass: regalSmsSent, externalId: key, customer: { phones: ['+19545552399'] } }] },
      steps: ['find-recorded-event', 'find-by-phone', 'create-customer-no-email', 'create-kobject-created-no-email'],
    },
  }),
];
