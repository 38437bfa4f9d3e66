// Regal `call.completed` events on the customer's timeline: one attribute per documented property,
// except the agent's `notes`, which can exceed the 1,024 characters a Str/Txt attribute holds (Kustomer
// would then refuse the whole KObject): they are the KObject's description. Times are `number` (unix
// seconds), not `date`: Kustomer's `At` attributes want ISO 8601 strings, Regal sends unix seconds, and a
// workflow cannot convert them, so they are kept as Regal sends them (`startedAtUnixNum`).
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
    startedAtUnix: attribute.number({ displayName: 'Started At (unix s)' }),
    endedAtUnix: attribute.number({ displayName: 'Ended At (unix s)' }),
    completedAtUnix: attribute.number({ displayName: 'Completed At (unix s)' }),
    talkTime: attribute.number({ displayName: 'Talk Time (s)' }),
    wrapupTime: attribute.number({ displayName: 'Wrap-up Time (s)' }),
    handleTime: attribute.number({ displayName: 'Handle Time (s)' }),
  },
});
