// Regal `call.completed` events on the customer's timeline: one attribute per documented property.
// Times are `number` (unix seconds), not `date`: Kustomer's `At` attributes want ISO 8601 strings and
// Regal sends unix seconds; a workflow has no way to convert them, so they are kept as Regal sends them.
import { attribute, defineKlass } from '../compiler/index.js';

export default defineKlass({
  name: 'regal-call',
  displayName: 'Regal Call',
  description: 'A call with the contact, completed in Regal (includes unanswered calls).',
  icon: 'phone',
  color: '#2E7D32',
  attributes: {
    callId: attribute.string({ displayName: 'Call ID' }),
    direction: attribute.dropdown(['INBOUND', 'OUTBOUND']),
    type: attribute.string({ description: 'e.g. "Outbound Call", "Scheduled Callback"' }),
    disposition: attribute.string(),
    notes: attribute.text(),
    objections: attribute.text({ description: 'The objections Regal recorded, comma-separated.' }),
    tags: attribute.string({ description: 'The tags the agent applied, comma-separated.' }),
    conversationHappened: attribute.boolean(),
    agentFirstname: attribute.string({ displayName: 'Agent First Name' }),
    agentFullname: attribute.string({ displayName: 'Agent Name' }),
    agentEmail: attribute.string(),
    agentId: attribute.string({ displayName: 'Agent ID' }),
    contactPhone: attribute.string(),
    regalVoicePhone: attribute.string({ displayName: 'Regal Phone' }),
    regalVoicePhoneInternalName: attribute.string({ displayName: 'Regal Phone Name' }),
    campaignName: attribute.string(),
    campaignFriendlyId: attribute.string({ displayName: 'Campaign ID' }),
    journeyUuid: attribute.string({ displayName: 'Journey UUID' }),
    journeyName: attribute.string(),
    journeyFriendlyId: attribute.string({ displayName: 'Journey ID' }),
    startedAt: attribute.number({ displayName: 'Started At (unix s)' }),
    endedAt: attribute.number({ displayName: 'Ended At (unix s)' }),
    completedAt: attribute.number({ displayName: 'Completed At (unix s)' }),
    talkTime: attribute.number({ displayName: 'Talk Time (s)' }),
    wrapupTime: attribute.number({ displayName: 'Wrap-up Time (s)' }),
    handleTime: attribute.number({ displayName: 'Handle Time (s)' }),
  },
});
