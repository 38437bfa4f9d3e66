// What `regal-call-completed` does with a call.completed event: `kac test call-completed`.
import { defineWorkflowTest, match } from '../../compiler/index.js';
import regalCall from '../../klasses/regal-call.js';
import callCompleted from './call-completed.js';
import type { RegalCallCompleted } from './payloads/index.js';

const jane = { email: 'jane.doe@example.com', phone: '+19545552399' };

/** Regal's Kustomer envelope (`event`, `externalId`), as in its Kustomer guide. */
const kustomerEnvelope: RegalCallCompleted = {
  event: 'call.completed',
  externalId: '12345',
  originalTimestamp: '1636644608',
  traits: jane,
  properties: {
    call_id: 'WTXXXXXXXXXXXXXXXX',
    type: 'Scheduled Callback',
    direction: 'OUTBOUND',
    disposition: 'Converted During Convo',
    notes: "Customer will call us back when she's ready",
    tags: ['Discount Applied', 'Happy'],
    campaign_friendly_id: '63',
    talk_time: 15,
  },
};

export default [
  defineWorkflowTest({
    name: 'call.completed (Kustomer envelope), unknown contact: creates the customer and a Regal Call card',
    workflow: callCompleted,
    event: kustomerEnvelope,
    expect: {
      customers: { created: [{ externalId: '12345', emails: ['jane.doe@example.com'], phones: ['+19545552399'] }] },
      kobjects: {
        created: [
          {
            klass: regalCall,
            title: 'Scheduled Callback (OUTBOUND): Converted During Convo',
            externalId: 'WTXXXXXXXXXXXXXXXX',
            description: "Customer will call us back when she's ready",
            tags: ['Discount Applied', 'Happy'],
            custom: {
              callIdStr: 'WTXXXXXXXXXXXXXXXX',
              typeStr: 'Scheduled Callback',
              dispositionStr: 'Converted During Convo',
              talkTimeNum: 15,
            },
            customer: { externalId: '12345' },
          },
        ],
      },
      steps: [
        'find-recorded-event',
        'find-by-external-id',
        'find-by-phone',
        'find-by-email',
        'create-customer-with-external-id',
        'create-kobject-created-with-external-id',
      ],
    },
  }),

  defineWorkflowTest({
    name: 'call.completed (Reporting envelope: name, userId): the customer gets the userId as external id',
    workflow: callCompleted,
    event: {
      name: 'call.completed',
      userId: '12345',
      eventId: 'f49a3cf9cb1336683bd5f19db4c61147',
      traits: jane,
      properties: {
        call_id: 'WT0123',
        type: 'Outbound Call',
        direction: 'INBOUND',
        disposition: 'Left Voicemail',
        talk_time: 0,
      },
    },
    expect: {
      customers: { created: [{ externalId: '12345' }] },
      kobjects: {
        created: [
          {
            klass: regalCall,
            title: 'Outbound Call (INBOUND): Left Voicemail',
            externalId: 'WT0123',
            custom: { talkTimeNum: 0 },
            customer: { externalId: '12345' },
          },
        ],
      },
    },
  }),

  defineWorkflowTest({
    name: 'call.completed re-sent: the call is already on the timeline, nothing happens',
    workflow: callCompleted,
    given: {
      customers: [{ externalId: '12345', ...jane }],
      kobjects: [
        {
          klass: regalCall,
          title: 'Scheduled Callback (OUTBOUND): Converted During Convo',
          externalId: 'WTXXXXXXXXXXXXXXXX',
          customerExternalId: '12345',
        },
      ],
    },
    event: kustomerEnvelope,
    expect: { nothing: true, steps: ['find-recorded-event'] },
  }),

  defineWorkflowTest({
    name: 'call.completed for a customer Kustomer knows by phone only: the card goes on that customer',
    workflow: callCompleted,
    given: { customers: [{ name: 'Jane Doe', phone: '+1 (954) 555-2399' }] },
    event: kustomerEnvelope,
    expect: {
      customers: { created: [] },
      kobjects: { created: [{ klass: regalCall, externalId: 'WTXXXXXXXXXXXXXXXX', customer: { name: 'Jane Doe' } }] },
      steps: ['find-recorded-event', 'find-by-external-id', 'find-by-phone', 'create-kobject-found-by-phone'],
    },
  }),

  defineWorkflowTest({
    name: 'call.completed for a customer Kustomer knows by email only: the card goes on that customer',
    workflow: callCompleted,
    given: { customers: [{ name: 'Jane Doe', email: 'Jane.Doe@example.com' }] },
    event: kustomerEnvelope,
    expect: {
      customers: { created: [] },
      kobjects: {
        created: [{ klass: regalCall, title: match.stringContaining('Converted'), customer: { name: 'Jane Doe' } }],
      },
      steps: [
        'find-recorded-event',
        'find-by-external-id',
        'find-by-phone',
        'find-by-email',
        'create-kobject-found-by-email',
      ],
    },
  }),

  defineWorkflowTest({
    name: 'call.completed with an External ID and an email, no phone, unknown contact: created with the External ID and email only',
    workflow: callCompleted,
    event: { ...kustomerEnvelope, traits: { email: jane.email } },
    expect: {
      customers: { created: [{ externalId: '12345', emails: ['jane.doe@example.com'], phones: [] }] },
      kobjects: {
        created: [{ klass: regalCall, externalId: 'WTXXXXXXXXXXXXXXXX', customer: { externalId: '12345' } }],
      },
      steps: [
        'find-recorded-event',
        'find-by-external-id',
        'find-by-email',
        'create-customer-with-external-id-no-phone',
        'create-kobject-created-with-external-id-no-phone',
      ],
    },
  }),
];
