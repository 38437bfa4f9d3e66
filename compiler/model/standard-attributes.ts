/**
 * Custom attributes of Kustomer's standard objects (customer, conversation, company, message, user),
 * as authored. They live at `/v1/metadata/<object>`, beside attributes other integrations and admins
 * add, so kac owns only the attributes named with the namespace's prefix (see `ownsAttribute`).
 * Attribute kinds and suffixes are the Klass ones (`attribute.*` from ./klass.ts).
 */
import type { CustomMapping } from './action.js';
import type { AttributeMap } from './klass.js';
import { captureSite, type CallSite } from './site.js';

/**
 * The standard objects whose custom attributes live at `/v1/metadata/<object>`: the names app
 * definitions accept with `metadata.standard: true` (docs/reference/kustomer-api.md, "Custom
 * attributes on standard objects").
 */
export const STANDARD_OBJECTS = ['company', 'conversation', 'customer', 'message', 'user'] as const;
export type StandardObject = (typeof STANDARD_OBJECTS)[number];

export interface StandardAttributesDefinition<
  O extends StandardObject = StandardObject,
  Attrs extends AttributeMap = AttributeMap,
> {
  readonly kind: 'standard-attributes';
  readonly object: O;
  readonly attributes: Attrs;
  readonly site: CallSite;
}

/**
 * Custom attributes kac manages on a standard object. Each key starts with the namespace's prefix
 * (`regal` → `regalLastCall`), so kac never touches an attribute someone else added.
 *
 * @example
 * export default defineAttributes('customer', {
 *   regalLastCall: attribute.date({ displayName: 'Last Regal call' }),   // regalLastCallAt
 *   regalOptIn: attribute.boolean(),                                      // regalOptInBool
 * });
 */
export function defineAttributes<const O extends StandardObject, const Attrs extends AttributeMap>(
  object: O,
  attributes: Attrs,
): StandardAttributesDefinition<O, Attrs> {
  return { kind: 'standard-attributes', object, attributes, site: captureSite() };
}

/**
 * A `custom` mapping typed by a standard object's attributes: unknown names and wrong value kinds
 * fail to compile. Returns the mapping unchanged; use it in any step that writes `custom`.
 *
 * @example
 * step('stamp', customer.update({
 *   id: found.out.id,
 *   custom: customOf(regalCustomer, { regalLastCallAt: event.properties.completed_at }),
 * }));
 */
export function customOf<const D extends StandardAttributesDefinition<StandardObject, any>>(
  _definition: D,
  mapping: CustomMapping<D['attributes']>,
): CustomMapping<D['attributes']> {
  return mapping;
}

/**
 * The ownership prefix for a namespace: its words camel-cased (`regal` → `regal`, `acme-corp` →
 * `acmeCorp`), because attribute names are camelCase letters and digits.
 */
export function attributePrefix(namespace: string): string {
  const words = namespace.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return words.map((w, i) => (i === 0 ? w[0]!.toLowerCase() + w.slice(1) : w[0]!.toUpperCase() + w.slice(1))).join('');
}

/**
 * The ownership rule: kac owns a standard-object attribute when its name is the namespace's prefix
 * followed by an upper-case letter or a digit (`regalLastCallAt`, not `regalia` or `lastCallAt`).
 * Every other attribute is read only to be written back verbatim.
 */
export function ownsAttribute(name: string, namespace: string): boolean {
  const prefix = attributePrefix(namespace);
  return prefix !== '' && name.startsWith(prefix) && /^[A-Z0-9]/.test(name.slice(prefix.length));
}
