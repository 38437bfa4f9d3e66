// Regal `sms.conversation.completed` → a Regal SMS Conversation card. The conversation id is the
// KObject's externalId (a re-sent event carries the same one). `content` stays in `data` only (see the Klass).
import regalSmsConversation from '../../klasses/regal-sms-conversation.js';
import { regalTimelineWorkflow } from './timeline-recipe.js';

export default regalTimelineWorkflow({
  name: 'regal-sms-conversation-completed',
  displayName: 'Regal: SMS conversation completed',
  description: 'Puts each SMS conversation an agent completed in Regal on the customer timeline as a Regal SMS Conversation',
  event: 'sms.conversation.completed',
  klass: regalSmsConversation,
  title: (e) => `SMS conversation (${e.properties.direction}): ${e.properties.disposition}`,
  externalId: (e) => e.properties.sms_conversation_id,
  summary: (e) => e.properties.notes,
  tags: (e) => e.properties.tags,
  custom: (e) => ({
    smsConversationIdStr: e.properties.sms_conversation_id,
    directionStr: e.properties.direction,
    typeStr: e.properties.type,
    dispositionStr: e.properties.disposition,
    // Arrays and string-or-number ids render as text inside a template: "Discount Applied,Happy", "3".
    objectionsTxt: `${e.properties.objections}`,
    tagsStr: `${e.properties.tags}`,
    conversationHappenedBool: e.properties.conversation_happened,
    agentFirstnameStr: e.properties.agent_firstname,
    agentFullnameStr: e.properties.agent_fullname,
    agentEmailStr: e.properties.agent_email,
    agentIdStr: e.properties.agent_id,
    contactPhoneStr: e.properties.contact_phone,
    regalVoicePhoneStr: e.properties.regal_voice_phone,
    regalVoicePhoneInternalNameStr: e.properties.regal_voice_phone_internal_name,
    campaignNameStr: e.properties.campaign_name,
    campaignFriendlyIdStr: `${e.properties.campaign_friendly_id}`,
    journeyUuidStr: e.properties.journey_uuid,
    journeyNameStr: e.properties.journey_name,
    journeyFriendlyIdStr: `${e.properties.journey_friendly_id}`,
    startedAtUnixNum: e.properties.started_at,
    endedAtUnixNum: e.properties.ended_at,
    completedAtUnixNum: e.properties.completed_at,
    talkTimeNum: e.properties.talk_time,
    wrapupTimeNum: e.properties.wrapup_time,
    handleTimeNum: e.properties.handle_time,
  }),
});
