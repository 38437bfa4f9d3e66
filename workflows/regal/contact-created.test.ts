// What `regal-contact-created` does with a contact.created event: `kac test contact-created`.
import { defineWorkflowTest } from '../../compiler/index.js';
import regalContact from '../../klasses/regal-contact.js';
import contactCreated from './contact-created.js';
import type { RegalContactCreated } from './payloads/index.js';

const contact: RegalContactCreated = {
  event: 'contact.created',
  externalId: '12345',
  traits: { email: 'jane.doe@example.com', phone: '+19545552399' },
  properties: { firstName: 'Jane', lastName: 'Doe', contactPhone: '+19545552399', email: 'jane.doe@example.com' },
};
const key = 'contact.created::12345::+19545552399:jane.doe@example.com';

export default [
  defineWorkflowTest({
    name: 'contact.created (Kustomer envelope), unknown contact: creates the customer with the contact name and a Regal Contact card',
    workflow: contactCreated,
    event: contact,
    expect: {
      customers: {
        created: [
          { name: 'Jane Doe', externalId: '12345', emails: ['jane.doe@example.com'], phones: ['+19545552399'] },
        ],
      },
      kobjects: {
        created: [
          {
            klass: regalContact,
            title: 'Regal contact created: Jane Doe',
            externalId: key,
            custom: { firstNameStr: 'Jane', lastNameStr: 'Doe' },
          },
        ],
      },
    },
  }),

  defineWorkflowTest({
    name: 'contact.created (Reporting envelope: name, userId, eventId): keyed by the eventId',
    workflow: contactCreated,
    event: {
      name: 'contact.created',
      userId: '12345',
      eventId: 'ev1',
      traits: { email: 'jane.doe@example.com', phone: '+19545552399' },
      properties: { firstName: 'Jane', lastName: 'Doe' },
    },
    expect: {
      customers: { created: [{ externalId: '12345' }] },
      kobjects: {
        created: [{ klass: regalContact, externalId: 'contact.created:ev1::12345:+19545552399:jane.doe@example.com' }],
      },
    },
  }),

  defineWorkflowTest({
    name: 'contact.created re-sent: nothing happens',
    workflow: contactCreated,
    given: {
      customers: [{ externalId: '12345' }],
      kobjects: [
        { klass: regalContact, title: 'Regal contact created: Jane Doe', externalId: key, customerExternalId: '12345' },
      ],
    },
    event: contact,
    expect: { nothing: true },
  }),

  defineWorkflowTest({
    name: "contact.created for a customer known by phone: the card goes on that customer, who takes the contact's name",
    workflow: contactCreated,
    given: { customers: [{ name: 'Jane D.', phone: '+19545552399' }] },
    event: { ...contact, externalId: undefined },
    expect: {
      customers: { created: [], updated: [{ name: 'Jane Doe' }] },
      kobjects: { created: [{ klass: regalContact, customer: { phones: ['+19545552399'], name: 'Jane Doe' } }] },
      steps: [
        'find-recorded-event',
        'find-by-phone',
        'update-customer-found-by-phone',
        'create-kobject-found-by-phone',
      ],
    },
  }),

  defineWorkflowTest({
    name: 'contact.created for a customer known by email: the card goes on that customer',
    workflow: contactCreated,
    given: { customers: [{ name: 'Jane D.', email: 'jane.doe@example.com' }] },
    event: { ...contact, externalId: undefined, traits: { email: 'jane.doe@example.com' } },
    expect: {
      customers: { created: [] },
      kobjects: { created: [{ klass: regalContact, customer: { emails: ['jane.doe@example.com'] } }] },
    },
  }),

  defineWorkflowTest({
    name: 'contact.created with an External ID and a phone, no email, unknown contact: created with the name, External ID and phone',
    workflow: contactCreated,
    event: { ...contact, traits: { phone: '+19545552399' } },
    expect: {
      customers: { created: [{ name: 'Jane Doe', externalId: '12345', phones: ['+19545552399'], emails: [] }] },
      kobjects: { created: [{ klass: regalContact, customer: { externalId: '12345' } }] },
      steps: [
        'find-recorded-event',
        'find-by-external-id',
        'find-by-phone',
        'create-customer-with-external-id-no-email',
        'create-kobject-created-with-external-id-no-email',
      ],
    },
  }),
];
