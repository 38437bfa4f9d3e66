// What `regal-sms-conversation-completed` does with its event: `kac test sms-conversation`.
import { defineWorkflowTest } from '../../compiler/index.js';
import regalSmsConversation from '../../klasses/regal-sms-conversation.js';
import type { RegalSmsConversationCompleted } from './payloads/index.js';
import conversationCompleted from './sms-conversation-completed.js';

const conversation: RegalSmsConversationCompleted = {
  event: 'sms.conversation.completed',
  externalId: '12345',
  traits: { email: 'jane.doe@example.com', phone: '+19545552399' },
  properties: {
    sms_conversation_id: 'WTCONV1',
    type: 'Inbound SMS',
    direction: 'INBOUND',
    disposition: 'Converted During Convo',
    notes: 'Will join next week',
    tags: ['Happy'],
    talk_time: 252,
  },
};

export default [
  defineWorkflowTest({
    name: 'sms.conversation.completed (Kustomer envelope), unknown contact: creates the customer and a Regal SMS Conversation card',
    workflow: conversationCompleted,
    event: conversation,
    expect: {
      customers: { created: [{ externalId: '12345' }] },
      kobjects: {
        created: [
          {
            klass: regalSmsConversation,
            title: 'SMS conversation (INBOUND): Converted During Convo',
            externalId: 'WTCONV1',
            description: 'Will join next week',
            tags: ['Happy'],
            custom: { smsConversationIdStr: 'WTCONV1', typeStr: 'Inbound SMS', talkTimeNum: 252 },
          },
        ],
      },
    },
  }),

  defineWorkflowTest({
    name: 'sms.conversation.completed (Reporting envelope: name, userId): the customer gets the userId',
    workflow: conversationCompleted,
    event: {
      name: 'sms.conversation.completed',
      userId: '999',
      traits: { email: 'sam@example.com', phone: '+15550002222' },
      properties: { sms_conversation_id: 'WTCONV2', direction: 'OUTBOUND', disposition: 'No Answer' },
    },
    expect: {
      customers: { created: [{ externalId: '999' }] },
      kobjects: {
        created: [
          { klass: regalSmsConversation, title: 'SMS conversation (OUTBOUND): No Answer', externalId: 'WTCONV2' },
        ],
      },
    },
  }),

  defineWorkflowTest({
    name: 'sms.conversation.completed re-sent: nothing happens',
    workflow: conversationCompleted,
    given: {
      kobjects: [
        {
          klass: regalSmsConversation,
          title: 'SMS conversation (INBOUND): Converted During Convo',
          externalId: 'WTCONV1',
        },
      ],
    },
    event: conversation,
    expect: { nothing: true },
  }),

  defineWorkflowTest({
    name: 'sms.conversation.completed for a customer known by phone: the card goes on that customer',
    workflow: conversationCompleted,
    given: { customers: [{ name: 'Jane Doe', phone: '+19545552399' }] },
    event: { ...conversation, externalId: undefined, traits: { phone: '+19545552399' } },
    expect: {
      customers: { created: [] },
      kobjects: { created: [{ klass: regalSmsConversation, customer: { name: 'Jane Doe' } }] },
    },
  }),

  defineWorkflowTest({
    name: 'sms.conversation.completed for a customer known by email: the card goes on that customer',
    workflow: conversationCompleted,
    given: { customers: [{ name: 'Jane Doe', email: 'jane.doe@example.com' }] },
    event: { ...conversation, externalId: undefined, traits: { email: 'jane.doe@example.com' } },
    expect: {
      customers: { created: [] },
      kobjects: { created: [{ klass: regalSmsConversation, customer: { name: 'Jane Doe' } }] },
    },
  }),
];
