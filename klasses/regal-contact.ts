// Regal `contact.created` events: one attribute per documented property. Regal may add the contact's
// custom attributes to the event too; they are kept in the KObject's `data`.
import { attribute, defineKlass } from '../compiler/index.js';

export default defineKlass({
  name: 'regal-contact',
  displayName: 'Regal Contact',
  description: 'The contact was created in Regal.',
  icon: 'account-plus',
  color: '#EF6C00',
  attributes: {
    firstName: attribute.string(),
    lastName: attribute.string(),
    contactPhone: attribute.string(),
    email: attribute.string(),
  },
});
