// Regal `call.completed` events on the customer's timeline: one attribute per documented property,
// except the agent's `notes`, which can exceed the 1,024 characters a Str/Txt attribute holds (Kustomer
// would then refuse the whole KObject): they are the KObject's description. Times are `number` (unix
// seconds), not `date`: Kustomer's `At` attributes want ISO 8601 strings, Regal sends unix seconds, and a
// workflow cannot convert them, so they are kept as Regal sends them (`startedAtUnixNum`).
import { attribute, defineKlass } from '../compiler/index.js';
import { regalTaskAttributes } from './regal-task-attributes.js';

export default defineKlass({
  name: 'regal-call',
  displayName: 'Regal Call',
  description: 'A call with the contact, completed in Regal (includes unanswered calls).',
  icon: 'phone',
  color: '#2E7D32',
  attributes: {
    callId: attribute.string({ displayName: 'Call ID' }),
    type: attribute.string({ description: 'e.g. "Outbound Call", "Scheduled Callback"' }),
    ...regalTaskAttributes,
  },
});
