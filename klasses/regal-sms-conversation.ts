// Regal `sms.conversation.completed` events: one attribute per documented property except two free
// texts that can exceed the 1,024 characters a Str/Txt attribute holds (Kustomer would then refuse the
// whole KObject): `notes` is the KObject's description, and `content` (the whole conversation, whose
// shape is not reliably documented) stays in its `data`. Times are `number` (unix seconds): Kustomer's
// `At` wants ISO 8601 strings, Regal sends unix seconds, and a workflow cannot convert them.
import { attribute, defineKlass } from '../compiler/index.js';

export default defineKlass({
  name: 'regal-sms-conversation',
  displayName: 'Regal SMS Conversation',
  description: 'An SMS conversation between the contact and an agent, completed in Regal.',
  icon: 'forum',
  color: '#1565C0',
  attributes: {
    smsConversationId: attribute.string({ displayName: 'Conversation ID' }),
    direction: attribute.dropdown(['INBOUND', 'OUTBOUND']),
    type: attribute.string({ description: 'e.g. "Inbound SMS"' }),
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
