// The fields Regal's task events share (`call.completed`, `sms.conversation.completed`: an agent
// worked a task and dispositioned it), as Klass attributes. Each task Klass spreads them and adds its
// own id and type. Times are `number` (unix seconds): Kustomer's `At` wants ISO 8601 strings, Regal
// sends unix seconds, and a workflow cannot convert them.
import { attribute } from '../compiler/index.js';

export const regalTaskAttributes = {
  direction: attribute.dropdown(['INBOUND', 'OUTBOUND']),
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
};
