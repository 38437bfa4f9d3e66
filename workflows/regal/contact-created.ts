// Regal `contact.created` → a Regal Contact card; the customer is created with the contact's name when
// Kustomer has none, and a found customer is renamed when the event carries first and last name. externalId: this event has no id of its own in the Kustomer envelope, but a contact
// is created once, so the contact's identity names the event: `eventId` (Reporting envelope) when sent,
// then External ID, userId, phone and email. Missing parts render empty; the key never is.
import regalContact from '../../klasses/regal-contact.js';
import { regalTimelineWorkflow } from './timeline-recipe.js';

export default regalTimelineWorkflow({
  name: 'regal-contact-created',
  displayName: 'Regal: contact created',
  description:
    'Puts each contact created in Regal on the customer timeline as a Regal Contact, creating the customer if needed',
  event: 'contact.created',
  klass: regalContact,
  title: (e) => `Regal contact created: ${e.properties.firstName} ${e.properties.lastName}`,
  externalId: (e) => `contact.created:${e.eventId}:${e.externalId}:${e.userId}:${e.traits.phone}:${e.traits.email}`,
  customerName: (e) => `${e.properties.firstName} ${e.properties.lastName}`,
  customerNameFields: (e) => [e.properties.firstName, e.properties.lastName],
  custom: (e) => ({
    firstNameStr: e.properties.firstName,
    lastNameStr: e.properties.lastName,
    contactPhoneStr: e.properties.contactPhone,
    emailStr: e.properties.email,
  }),
});
