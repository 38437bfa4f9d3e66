// Regal `sms.received` → a Regal SMS Received card. The KObject's externalId is Regal's `sms_message_id` with
// the event's timestamp and numbers, so a re-sent event is recognised even when the id is missing (the
// Kustomer guide's examples omit it). The text is the card's summary, not an attribute: an SMS can be
// longer than an attribute holds.
import regalSmsReceived from '../../klasses/regal-sms-received.js';
import { regalTimelineWorkflow } from './timeline-recipe.js';

export default regalTimelineWorkflow({
  name: 'regal-sms-received',
  displayName: 'Regal: SMS received',
  description: 'Puts each SMS a contact sends to a Regal number on the customer timeline as a Regal SMS Received',
  event: 'sms.received',
  klass: regalSmsReceived,
  title: (e) => `SMS received from ${e.properties.from_number}`,
  // Regal's message id when it sends one; with the timestamp and numbers a re-sent event is recognised
  // even without it (the Kustomer guide's examples omit the id).
  externalId: (e) => `sms.received:${e.properties.sms_message_id}:${e.originalTimestamp}:${e.properties.from_number}:${e.properties.to_number}`,
  summary: (e) => e.properties.content,
  custom: (e) => ({
    smsMessageIdStr: e.properties.sms_message_id,
    directionStr: e.properties.direction,
    mediaUrl: e.properties.media_url,
    fromNumberStr: e.properties.from_number,
    toNumberStr: e.properties.to_number,
    contactPhoneStr: e.properties.contact_phone,
    regalVoicePhoneStr: e.properties.regal_voice_phone,
    smsConversationIdStr: e.properties.sms_conversation_id,
    agentFullnameStr: e.properties.agent_fullname,
    agentIdStr: e.properties.agent_id,
  }),
});
