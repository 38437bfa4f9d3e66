// Regal `call.completed` → a Regal Call card on the customer's timeline. The call id identifies the
// call, so it is the KObject's externalId: a re-sent event carries the same one.
import regalCall from '../../klasses/regal-call.js';
import { regalTimelineWorkflow } from './timeline-recipe.js';

export default regalTimelineWorkflow({
  name: 'regal-call-completed',
  displayName: 'Regal: call completed',
  description: 'Puts each completed Regal call (answered or not) on the customer timeline as a Regal Call',
  event: 'call.completed',
  klass: regalCall,
  title: (e) => `${e.properties.type} (${e.properties.direction}): ${e.properties.disposition}`,
  externalId: (e) => e.properties.call_id,
  summary: (e) => e.properties.notes,
  tags: (e) => e.properties.tags,
  custom: (e) => ({
    callIdStr: e.properties.call_id,
    directionStr: e.properties.direction,
    typeStr: e.properties.type,
    dispositionStr: e.properties.disposition,
    // Arrays and string-or-number ids render as text inside a template: "Discount Applied,Happy", "63".
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
