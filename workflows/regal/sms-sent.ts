// Regal `sms.sent` → a Regal SMS Sent card, keyed so a re-sent event is recognised (see sms-mapping.ts).
// The text is the card's summary, not an attribute: an SMS can be longer than an attribute holds.
import regalSmsSent from '../../klasses/regal-sms-sent.js';
import { regalSmsKey, regalSmsMapping } from './sms-mapping.js';
import { regalTimelineWorkflow } from './timeline-recipe.js';

export default regalTimelineWorkflow({
  name: 'regal-sms-sent',
  displayName: 'Regal: SMS sent',
  description:
    'Puts each SMS Regal sends to a contact (campaign or agent) on the customer timeline as a Regal SMS Sent',
  event: 'sms.sent',
  klass: regalSmsSent,
  title: (e) => `SMS sent to ${e.properties.to_number}`,
  externalId: (e) => regalSmsKey('sms.sent', e),
  summary: (e) => e.properties.content,
  custom: (e) => ({
    ...regalSmsMapping(e.properties),
    campaignIdStr: e.properties.campaign_id,
    // A string-or-number id renders as text inside a template: 15 → "15".
    campaignFriendlyIdStr: `${e.properties.campaign_friendly_id}`,
    campaignNameStr: e.properties.campaign_name,
    journeyUuidStr: e.properties.journey_uuid,
    journeyNameStr: e.properties.journey_name,
    journeyFriendlyIdStr: `${e.properties.journey_friendly_id}`,
  }),
});
