// The fields Regal's SMS message events share (`sms.sent`, `sms.received`), as Klass attributes.
// The message text is not among them: it is the KObject's description, since an SMS can exceed the
// 1,024 characters a Str/Txt attribute holds.
import { attribute } from '../compiler/index.js';

export const regalSmsAttributes = {
  smsMessageId: attribute.string({ displayName: 'Message ID' }),
  direction: attribute.dropdown(['inbound', 'outbound']),
  media: attribute.url({ displayName: 'Media URL' }),
  fromNumber: attribute.string(),
  toNumber: attribute.string(),
  contactPhone: attribute.string(),
  regalVoicePhone: attribute.string({ displayName: 'Regal Phone' }),
  smsConversationId: attribute.string({ displayName: 'Conversation ID' }),
  agentFullname: attribute.string({ displayName: 'Agent Name' }),
  agentId: attribute.string({ displayName: 'Agent ID' }),
};
