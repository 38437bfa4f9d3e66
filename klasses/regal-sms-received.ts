// Regal `sms.received` events: one attribute per documented property but the text, which is the
// KObject's description (an SMS can exceed the 1,024 characters a Str/Txt attribute holds).
import { defineKlass } from '../compiler/index.js';
import { regalSmsAttributes } from './regal-sms-attributes.js';

export default defineKlass({
  name: 'regal-sms-received',
  displayName: 'Regal SMS Received',
  description: 'An SMS the contact sent to a Regal number.',
  icon: 'message-arrow-left',
  color: '#00838F',
  attributes: {
    ...regalSmsAttributes,
  },
});
