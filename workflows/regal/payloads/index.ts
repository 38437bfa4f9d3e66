// The Regal events posted to the `regal-events` hook, as TypeScript types generated from the JSON
// Schemas beside this file (`npm run generate`), plus the name → payload map the workflows key on.
import type { JsonSchema } from '../../../compiler/index.js';
import { payloadSchema as callCompleted, type RegalCallCompleted } from './generated/call-completed.js';
import { payloadSchema as contactCreated, type RegalContactCreated } from './generated/contact-created.js';
import {
  payloadSchema as smsConversationCompleted,
  type RegalSmsConversationCompleted,
} from './generated/sms-conversation-completed.js';
import { payloadSchema as smsReceived, type RegalSmsReceived } from './generated/sms-received.js';
import { payloadSchema as smsSent, type RegalSmsSent } from './generated/sms-sent.js';

export type { RegalCallCompleted, RegalContactCreated, RegalSmsConversationCompleted, RegalSmsReceived, RegalSmsSent };
export type { RegalTraits } from './generated/call-completed.js';

/** Each event Regal delivers to Kustomer, by its name (the `event` or `name` field). */
export interface RegalEventPayloads {
  'sms.sent': RegalSmsSent;
  'sms.received': RegalSmsReceived;
  'sms.conversation.completed': RegalSmsConversationCompleted;
  'call.completed': RegalCallCompleted;
  'contact.created': RegalContactCreated;
}

export type RegalEventName = keyof RegalEventPayloads;

/** Any event the hook receives: what `regal-events` is typed with. */
export type RegalEvent = RegalEventPayloads[RegalEventName];

/** Each event's JSON Schema, by name: `kac validate` checks every reference into a payload against it. */
export const regalEventSchemas: { readonly [E in RegalEventName]: JsonSchema } = {
  'sms.sent': smsSent,
  'sms.received': smsReceived,
  'sms.conversation.completed': smsConversationCompleted,
  'call.completed': callCompleted,
  'contact.created': contactCreated,
};

/** Any event the hook receives: one of the five schemas. */
export const regalEventSchema: JsonSchema = { anyOf: Object.values(regalEventSchemas) };
