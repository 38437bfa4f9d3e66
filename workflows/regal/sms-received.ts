// Regal `sms.received` → a Regal SMS Received card, keyed so a re-sent event is recognised (see
// sms-mapping.ts). The text is the card's summary, not an attribute: an SMS can be longer than an
// attribute holds.
import regalSmsReceived from '../../klasses/regal-sms-received.js';
import { regalSmsKey, regalSmsMapping } from './sms-mapping.js';
import { regalTimelineWorkflow } from './timeline-recipe.js';

export default regalTimelineWorkflow({
  name: 'regal-sms-received',
  displayName: 'Regal: SMS received',
  description: 'Puts each SMS a contact sends to a Regal number on the customer timeline as a Regal SMS Received',
  event: 'sms.received',
  klass: regalSmsReceived,
  title: (e) => `SMS received from ${e.properties.from_number}`,
  externalId: (e) => regalSmsKey('sms.received', e),
  summary: (e) => e.properties.content,
  custom: (e) => ({
    ...regalSmsMapping(e.properties),
  }),
});
