// Regal `sms.received` events: one attribute per documented property but the text, which is the
// KObject's description (an SMS can exceed the 1,024 characters a Str/Txt attribute holds).
import { attribute, defineKlass } from '../compiler/index.js';

export default defineKlass({
  name: 'regal-sms-received',
  displayName: 'Regal SMS Received',
  description: 'An SMS the contact sent to a Regal number.',
  icon: 'message-arrow-left',
  color: '#00838F',
  attributes: {
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
  },
});
