// What `regal-sms-received` does with an sms.received event: `kac test sms-received`.
import { defineWorkflowTest } from '../../compiler/index.js';
import regalSmsReceived from '../../klasses/regal-sms-received.js';
import type { RegalSmsReceived } from './payloads/index.js';
import smsReceived from './sms-received.js';

const sms: RegalSmsReceived = {
  event: 'sms.received',
  externalId: '12345',
  originalTimestamp: '1680298512',
  traits: { email: 'jane.doe@example.com', phone: '+19545552399' },
  properties: {
    direction: 'inbound',
    content: 'Thanks - this was really helpful.',
    from_number: '+19545552399',
    to_number: '+12445552556',
  },
};

export default [
  defineWorkflowTest({
    name: 'sms.received (Kustomer envelope), unknown contact: creates the customer and a Regal SMS Received card',
    workflow: smsReceived,
    event: sms,
    expect: {
      customers: { created: [{ externalId: '12345' }] },
      kobjects: {
        created: [
          {
            klass: regalSmsReceived,
            title: 'SMS received from +19545552399',
            externalId: 'sms.received::1680298512:+19545552399:+12445552556',
            description: 'Thanks - this was really helpful.',
            custom: { directionStr: 'inbound', fromNumberStr: '+19545552399', toNumberStr: '+12445552556' },
            customer: { externalId: '12345' },
          },
        ],
      },
    },
  }),

  defineWorkflowTest({
    name: 'sms.received (Reporting envelope: name, userId): found by the userId',
    workflow: smsReceived,
    given: { customers: [{ name: 'Jane Doe', externalId: '12345' }] },
    event: { name: 'sms.received', userId: '12345', properties: { from_number: '+19545552399', content: 'Yes' } },
    expect: {
      customers: { created: [] },
      kobjects: { created: [{ klass: regalSmsReceived, customer: { name: 'Jane Doe' } }] },
      steps: ['find-recorded-event', 'find-by-user-id', 'create-kobject-found-by-user-id'],
    },
  }),

  defineWorkflowTest({
    name: 'sms.received re-sent: nothing happens',
    workflow: smsReceived,
    given: {
      kobjects: [
        {
          klass: regalSmsReceived,
          title: 'SMS received from +19545552399',
          externalId: 'sms.received::1680298512:+19545552399:+12445552556',
        },
      ],
    },
    event: sms,
    expect: { nothing: true },
  }),

  defineWorkflowTest({
    name: 'sms.received from a number Kustomer knows: the card goes on that customer',
    workflow: smsReceived,
    given: { customers: [{ name: 'Jane Doe', phone: '+19545552399' }] },
    event: { event: 'sms.received', traits: { phone: '+19545552399' }, properties: { from_number: '+19545552399' } },
    expect: {
      customers: { created: [] },
      kobjects: { created: [{ klass: regalSmsReceived, customer: { name: 'Jane Doe' } }] },
    },
  }),

  defineWorkflowTest({
    name: 'sms.received with only an email Kustomer knows: the card goes on that customer',
    workflow: smsReceived,
    given: { customers: [{ name: 'Jane Doe', email: 'jane.doe@example.com' }] },
    event: {
      event: 'sms.received',
      traits: { email: 'jane.doe@example.com' },
      properties: { from_number: '+19545552399' },
    },
    expect: {
      customers: { created: [] },
      kobjects: { created: [{ klass: regalSmsReceived, customer: { name: 'Jane Doe' } }] },
    },
  }),

  defineWorkflowTest({
    name: 'sms.received with a phone and no email, unknown contact: the customer is created with the phone only and gets the card',
    workflow: smsReceived,
    event: {
      event: 'sms.received',
      originalTimestamp: '1680298512',
      traits: { phone: '+19545552399' },
      properties: { from_number: '+19545552399', content: 'Hi' },
    },
    expect: {
      customers: { created: [{ externalId: null, phones: ['+19545552399'], emails: [] }] },
      kobjects: {
        created: [
          {
            klass: regalSmsReceived,
            title: 'SMS received from +19545552399',
            customer: { phones: ['+19545552399'], emails: [] },
          },
        ],
      },
      steps: ['find-recorded-event', 'find-by-phone', 'create-customer-no-email', 'create-kobject-created-no-email'],
    },
  }),

  defineWorkflowTest({
    name: 'sms.received with an External ID and a phone, no email, unknown contact: created with the External ID and phone',
    workflow: smsReceived,
    event: { ...sms, traits: { phone: '+19545552399' } },
    expect: {
      customers: { created: [{ externalId: '12345', phones: ['+19545552399'], emails: [] }] },
      kobjects: { created: [{ klass: regalSmsReceived, customer: { externalId: '12345' } }] },
      steps: [
        'find-recorded-event',
        'find-by-external-id',
        'find-by-phone',
        'create-customer-with-external-id-no-email',
        'create-kobject-created-with-external-id-no-email',
      ],
    },
  }),

  defineWorkflowTest({
    name: 'sms.received with only an email, unknown contact: the customer is created with the email only and gets the card',
    workflow: smsReceived,
    event: {
      event: 'sms.received',
      traits: { email: 'jane.doe@example.com' },
      properties: { from_number: '+19545552399', content: 'Hi' },
    },
    expect: {
      customers: { created: [{ externalId: null, phones: [], emails: ['jane.doe@example.com'] }] },
      kobjects: { created: [{ klass: regalSmsReceived, customer: { emails: ['jane.doe@example.com'] } }] },
      steps: ['find-recorded-event', 'find-by-email', 'create-customer-no-phone', 'create-kobject-created-no-phone'],
    },
  }),

  defineWorkflowTest({
    name: 'sms.received (Reporting envelope) with only a userId, unknown contact: the customer is created with the userId only',
    workflow: smsReceived,
    event: { name: 'sms.received', userId: '12345', properties: { from_number: '+19545552399', content: 'Yes' } },
    expect: {
      customers: { created: [{ externalId: '12345', phones: [], emails: [] }] },
      kobjects: { created: [{ klass: regalSmsReceived, customer: { externalId: '12345' } }] },
      steps: [
        'find-recorded-event',
        'find-by-user-id',
        'create-customer-with-user-id-no-contact',
        'create-kobject-created-with-user-id-no-contact',
      ],
    },
  }),
];
