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
  properties: { direction: 'inbound', content: 'Thanks - this was really helpful.', from_number: '+19545552399', to_number: '+12445552556' },
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
    expect: { customers: { created: [] }, kobjects: { created: [{ klass: regalSmsReceived, customer: { name: 'Jane Doe' } }] }, steps: ['find-recorded-event', 'find-by-user-id', 'create-kobject-found-by-user-id'] },
  }),

  defineWorkflowTest({
    name: 'sms.received re-sent: nothing happens',
    workflow: smsReceived,
    given: { kobjects: [{ klass: regalSmsReceived, title: 'SMS received from +19545552399', externalId: 'sms.received::1680298512:+19545552399:+12445552556' }] },
    event: sms,
    expect: { nothing: true },
  }),

  defineWorkflowTest({
    name: 'sms.received from a number Kustomer knows: the card goes on that customer',
    workflow: smsReceived,
    given: { customers: [{ name: 'Jane Doe', phone: '+19545552399' }] },
    event: { event: 'sms.received', traits: { phone: '+19545552399' }, properties: { from_number: '+19545552399' } },
    expect: { customers: { created: [] }, kobjects: { created: [{ klass: regalSmsReceived, customer: { name: 'Jane Doe' } }] } },
  }),

  defineWorkflowTest({
    name: 'sms.received with only an email Kustomer knows: the card goes on that customer',
    workflow: smsReceived,
    given: { customers: [{ name: 'Jane Doe', email: 'jane.doe@example.com' }] },
    event: { event: 'sms.received', traits: { email: 'jane.doe@example.com' }, properties: { from_number: '+19545552399' } },
    expect: { customers: { created: [] }, kobjects: { created: [{ klass: regalSmsReceived, customer: { name: 'Jane Doe' } }] } },
  }),
];
