// Regal `sms.sent` events (automated campaign messages and agent messages): one attribute per
// documented property but the text, which is the KObject's description (an SMS can exceed the 1,024
// characters a Str/Txt attribute holds). Automated messages leave the agent attributes empty, agent
// messages the campaign ones.
import { attribute, defineKlass } from '../compiler/index.js';
import { regalSmsAttributes } from './regal-sms-attributes.js';

export default defineKlass({
  name: 'regal-sms-sent',
  displayName: 'Regal SMS Sent',
  description: 'An SMS Regal sent to the contact, from a campaign or an agent.',
  icon: 'message-arrow-right',
  color: '#6A1B9A',
  attributes: {
    ...regalSmsAttributes,
    campaignId: attribute.string({ displayName: 'Campaign UUID' }),
    campaignFriendlyId: attribute.string({ displayName: 'Campaign ID' }),
    campaignName: attribute.string(),
    journeyUuid: attribute.string({ displayName: 'Journey UUID' }),
    journeyName: attribute.string(),
    journeyFriendlyId: attribute.string({ displayName: 'Journey ID' }),
  },
});
