// The mapping of Regal's shared task fields onto `regalTaskAttributes` (klasses/regal-task-attributes.ts),
// for the task events: `call.completed` and `sms.conversation.completed`.
import type { Ref } from '../../compiler/index.js';
import type { RegalCallCompleted, RegalSmsConversationCompleted } from './payloads/index.js';

type TaskProperties = RegalCallCompleted['properties'] | RegalSmsConversationCompleted['properties'];

export function regalTaskMapping(p: Ref<TaskProperties>) {
  return {
    directionStr: p.direction,
    dispositionStr: p.disposition,
    // Arrays and string-or-number ids render as text inside a template: "Discount Applied,Happy", "63".
    objectionsTxt: `${p.objections}`,
    tagsStr: `${p.tags}`,
    conversationHappenedBool: p.conversation_happened,
    agentFirstnameStr: p.agent_firstname,
    agentFullnameStr: p.agent_fullname,
    agentEmailStr: p.agent_email,
    agentIdStr: p.agent_id,
    contactPhoneStr: p.contact_phone,
    regalVoicePhoneStr: p.regal_voice_phone,
    regalVoicePhoneInternalNameStr: p.regal_voice_phone_internal_name,
    campaignNameStr: p.campaign_name,
    campaignFriendlyIdStr: `${p.campaign_friendly_id}`,
    journeyUuidStr: p.journey_uuid,
    journeyNameStr: p.journey_name,
    journeyFriendlyIdStr: `${p.journey_friendly_id}`,
    startedAtUnixNum: p.started_at,
    endedAtUnixNum: p.ended_at,
    completedAtUnixNum: p.completed_at,
    talkTimeNum: p.talk_time,
    wrapupTimeNum: p.wrapup_time,
    handleTimeNum: p.handle_time,
  };
}
