// Regal `sms.conversation.completed` events: one attribute per documented property except two free
// texts that can exceed the 1,024 characters a Str/Txt attribute holds (Kustomer would then refuse the
// whole KObject): `notes` is the KObject's description, and `content` (the whole conversation, whose
// shape is not reliably documented) stays in its `data`. Times are `number` (unix seconds): Kustomer's
// `At` wants ISO 8601 strings, Regal sends unix seconds, and a workflow cannot convert them.
import { attribute, defineKlass } from '../compiler/index.js';
import { regalTaskAttributes } from './regal-task-attributes.js';

export default defineKlass({
  name: 'regal-sms-conversation',
  displayName: 'Regal SMS Conversation',
  description: 'An SMS conversation between the contact and an agent, completed in Regal.',
  icon: 'forum',
  color: '#1565C0',
  attributes: {
    smsConversationId: attribute.string({ displayName: 'Conversation ID' }),
    type: attribute.string({ description: 'e.g. "Inbound SMS"' }),
    ...regalTaskAttributes,
  },
});
