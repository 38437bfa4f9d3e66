// Regal `sms.conversation.completed` → a Regal SMS Conversation card. The conversation id is the
// KObject's externalId (a re-sent event carries the same one). `content` stays in `data` only (see the Klass).
import regalSmsConversation from '../../klasses/regal-sms-conversation.js';
import { regalTaskMapping } from './task-mapping.js';
import { regalTimelineWorkflow } from './timeline-recipe.js';

export default regalTimelineWorkflow({
  name: 'regal-sms-conversation-completed',
  displayName: 'Regal: SMS conversation completed',
  description:
    'Puts each SMS conversation an agent completed in Regal on the customer timeline as a Regal SMS Conversation',
  event: 'sms.conversation.completed',
  klass: regalSmsConversation,
  title: (e) => `SMS conversation (${e.properties.direction}): ${e.properties.disposition}`,
  externalId: (e) => e.properties.sms_conversation_id,
  summary: (e) => e.properties.notes,
  tags: (e) => e.properties.tags,
  custom: (e) => ({
    smsConversationIdStr: e.properties.sms_conversation_id,
    typeStr: e.properties.type,
    ...regalTaskMapping(e.properties),
  }),
});
