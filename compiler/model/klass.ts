/**
 * Klasses (Kustomer custom object types) and their custom attributes, as authored.
 * An attribute's Kustomer API name is its key plus the suffix of its kind (`talkTime` + number →
 * `talkTimeNum`), so the suffix rule can't be broken and a type change is visibly a new name.
 */
import { captureSite, type CallSite } from './site.js';

/** Kustomer's attribute types, by name suffix (docs: custom attributes, "Naming Suffix"). */
export const ATTRIBUTE_SUFFIX = {
  string: 'Str',
  text: 'Txt',
  number: 'Num',
  date: 'At',
  boolean: 'Bool',
  url: 'Url',
  reference: 'Id',
  dropdown: 'Str',
} as const;
export type AttributeKind = keyof typeof ATTRIBUTE_SUFFIX;

export interface AttributeOptions {
  /** Shown in Kustomer; defaults to the key title-cased ("talkTime" → "Talk Time"); `null`: none written. */
  displayName?: string | null;
  description?: string;
  /** Metadata keys kac does not model, kept verbatim (`kac import` writes them). */
  raw?: { [key: string]: import('../json.js').JsonValue };
}

export interface AttributeDefinition<K extends AttributeKind = AttributeKind, V = unknown> extends AttributeOptions {
  readonly kind: K;
  /** Dropdown options. */
  readonly options?: readonly string[];
  /** Reference target, e.g. `kobject.regal-call` or `customer`. */
  readonly target?: string;
  readonly multi?: boolean;
  /** Phantom: the TypeScript type a value of this attribute has. */
  readonly __value?: V;
}

/** The kinds' value types in mappings: Kustomer stores null for "no value". */
export type AttributeValue<A> = A extends AttributeDefinition<infer _K, infer V> ? V : never;

export const attribute = {
  /** Short string (`Str`, at most 1,024 characters). */
  string: (o: AttributeOptions = {}): AttributeDefinition<'string', string> => ({ kind: 'string', ...o }),
  /** Multi-line text (`Txt`, at most 1,024 characters). */
  text: (o: AttributeOptions = {}): AttributeDefinition<'text', string> => ({ kind: 'text', ...o }),
  number: (o: AttributeOptions = {}): AttributeDefinition<'number', number> => ({ kind: 'number', ...o }),
  /** Date-time (`At`): an ISO 8601 string. */
  date: (o: AttributeOptions = {}): AttributeDefinition<'date', string> => ({ kind: 'date', ...o }),
  boolean: (o: AttributeOptions = {}): AttributeDefinition<'boolean', boolean> => ({ kind: 'boolean', ...o }),
  url: (o: AttributeOptions = {}): AttributeDefinition<'url', string> => ({ kind: 'url', ...o }),
  /** A reference (`Id`) to another object, e.g. `reference('customer')` or `reference('kobject.regal-call')`. */
  reference: (
    target: string,
    o: AttributeOptions & { multi?: boolean } = {},
  ): AttributeDefinition<'reference', string> => ({
    kind: 'reference',
    target,
    ...o,
  }),
  /** An option list (`Str` with an enumeration). */
  dropdown: <const O extends readonly string[]>(
    options: O,
    o: AttributeOptions = {},
  ): AttributeDefinition<'dropdown', O[number]> => ({
    kind: 'dropdown',
    options,
    ...o,
  }),
};

export type AttributeMap = Record<string, AttributeDefinition>;

type SuffixOf<A> = A extends AttributeDefinition<infer K> ? (typeof ATTRIBUTE_SUFFIX)[K] : never;

/** A key that already ends with its kind's suffix is the API name as is (`orderStatusUrl` + url). */
type ApiNameOf<Key extends string, Suffix extends string> = Key extends `${string}${Suffix}` ? Key : `${Key}${Suffix}`;

/** `{ talkTime: number }` → `{ talkTimeNum?: number | null }`: what a KObject's `custom` accepts. */
export type ApiAttributes<Attrs extends AttributeMap> = {
  [Key in keyof Attrs & string as ApiNameOf<Key, SuffixOf<Attrs[Key]>>]: Attrs[Key];
};

export interface KlassInput<Name extends string, Attrs extends AttributeMap> {
  /** System name: letters, digits, `_` and `-`; starts with the config's namespace; immutable. */
  name: Name;
  displayName?: string;
  /** A Material Design icon name, e.g. "phone", "message". */
  icon?: string;
  /** Hex colour, e.g. "#2E7D32". */
  color?: string;
  description?: string;
  attributes: Attrs;
  /** Klass keys kac does not model (e.g. `klassSchema`, `mixins`), kept verbatim; `kac import` writes them. */
  raw?: { [key: string]: import('../json.js').JsonValue };
  /** The name this Klass had before (Klass names are immutable in Kustomer: a rename is refused). */
  renamedFrom?: string;
}

export interface KlassDefinition<
  Name extends string = string,
  Attrs extends AttributeMap = AttributeMap,
> extends KlassInput<Name, Attrs> {
  readonly kind: 'klass';
  readonly site: CallSite;
}

/**
 * A Klass: a custom object type whose KObjects show on a customer's timeline.
 *
 * @example
 * export default defineKlass({
 *   name: 'regal-call',
 *   displayName: 'Regal Call',
 *   icon: 'phone',
 *   attributes: { callId: attribute.string(), talkTime: attribute.number({ displayName: 'Talk Time (s)' }) },
 * });
 */
export function defineKlass<const Name extends string, const Attrs extends AttributeMap>(
  input: KlassInput<Name, Attrs>,
): KlassDefinition<Name, Attrs> {
  return { ...input, kind: 'klass', site: captureSite() };
}

/**
 * The API name of an attribute: `talkTime` + number → `talkTimeNum`. A key that already ends with
 * its kind's suffix is kept as is (`orderStatusUrl` + url → `orderStatusUrl`), which is how two
 * attributes that differ only in their suffix (`orderStatusStr`, `orderStatusUrl`) are both written.
 */
export function attributeApiName(key: string, attr: AttributeDefinition): string {
  const suffix = ATTRIBUTE_SUFFIX[attr.kind];
  return key.endsWith(suffix) && key.length > suffix.length ? key : `${key}${suffix}`;
}

/** Kustomer's default display name: the camelCase key title-cased ("totalOrders" → "Total Orders"). */
export function defaultDisplayName(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim();
  return words.replace(/\b\w/g, (c) => c.toUpperCase());
}
