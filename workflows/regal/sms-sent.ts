// Regal `sms.sent` → a Regal SMS Sent card. The KObject's externalId is Regal's `sms_message_id` with
// the event's timestamp and numbers, so a re-sent event is recognised even when the id is missing (the
// Kustomer guide's examples omit it). The text is the card's summary, not an attribute: an SMS can be
// longer than an attribute holds.
import regalSmsSent from '../../klasses/regal-sms-sent.js';
import { regalTimelineWorkflow } from './timeline-recipe.js';

export default regalTimelineWorkflow({
  name: 'regal-sms-sent',
  displayName: 'Regal: SMS sent',
  description: 'Puts each SMS Regal sends to a contact (campaign or agent) on the customer timeline as a Regal SMS Sent',
  event: 'sms.sent',
  klass: regalSmsSent,
  title: (e) => `SMS sent to ${e.properties.to_number}`,
  // Regal's message id when it sends one; with the timestamp and numbers a re-sent event is recognised
  // even without it (the Kustomer guide's examples omit the id).
  externalId: (e) => `sms.sent:${e.properties.sms_message_id}:${e.originalTimestamp}:${e.properties.from_number}:${e.properties.to_number}`,
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
    campaignIdStr: e.properties.campaign_id,
    // A string-or-number id renders as text inside a template: 15 → "15".
    campaignFriendlyIdStr: `${e.properties.campaign_friendly_id}`,
    campaignNameStr: e.properties.campaign_name,
    journeyUuidStr: e.properties.journey_uuid,
    journeyNameStr: e.properties.journey_name,
    journeyFriendlyIdStr: `${e.properties.journey_friendly_id}`,
  }),
});
