// Regal's SMS message events (`sms.sent`, `sms.received`): the mapping of their shared fields onto
// `regalSmsAttributes` (klasses/regal-sms-attributes.ts), and the KObject key that recognises a re-sent
// event: Regal's message id when it sends one, with the timestamp and numbers, since the Kustomer
// guide's examples omit the id.
import type { Ref } from '../../compiler/index.js';
import type { RegalSmsReceived, RegalSmsSent } from './payloads/index.js';

type SmsEvent = RegalSmsSent | RegalSmsReceived;

export function regalSmsMapping(p: Ref<SmsEvent['properties']>) {
  return {
    smsMessageIdStr: p.sms_message_id,
    directionStr: p.direction,
    mediaUrl: p.media_url,
    fromNumberStr: p.from_number,
    toNumberStr: p.to_number,
    contactPhoneStr: p.contact_phone,
    regalVoicePhoneStr: p.regal_voice_phone,
    smsConversationIdStr: p.sms_conversation_id,
    agentFullnameStr: p.agent_fullname,
    agentIdStr: p.agent_id,
  };
}

export function regalSmsKey(event: 'sms.sent' | 'sms.received', e: Ref<SmsEvent>): string {
  return `${event}:${e.properties.sms_message_id}:${e.originalTimestamp}:${e.properties.from_number}:${e.properties.to_number}`;
}
