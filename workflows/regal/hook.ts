// The inbound web hook Regal posts its events to: its address is what you send to Regal (seed guide
// step 2). Every event shares it; each workflow checks the event name.
import { defineHook, payloadOf } from '../../compiler/index.js';
import { regalEventSchema, type RegalEvent } from './payloads/index.js';

export default defineHook({
  name: 'regal-events',
  description:
    'Regal sms, call and contact events (sms.sent, sms.received, sms.conversation.completed, call.completed, contact.created)',
  payload: payloadOf<RegalEvent>(regalEventSchema),
});
