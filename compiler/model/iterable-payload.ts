/**
 * Regal's events API body (docs/reference/regal-iterable.md §1.1) as an Iterable template: every
 * leaf is a literal or a merge field. Two trait shapes: the legacy `phone`/`email`/`optIn[]` that
 * Regal's Iterable guide uses, and the current `phones`/`emails` objects keyed by number/address.
 * Type aliases, not interfaces: they must fit the custom-trait index signature.
 */
import type { Flag, MergeValue, Text } from './iterable-merge.js';

/** Any JSON value whose leaves may be merge fields: custom traits and event properties. */
export type TemplateJson =
  | string
  | number
  | boolean
  | null
  | MergeValue
  | readonly TemplateJson[]
  | { readonly [key: string]: TemplateJson | undefined };

export type RegalOptInChannel = 'voice' | 'sms' | 'email';

/** Legacy `traits.optIn[]` entry: applies to the phone/email in the same event. */
export type RegalOptIn = {
  channel: RegalOptInChannel;
  subscribed: Flag;
  source?: Text;
  timestamp?: Text;
  ip?: Text;
  text?: Text;
};

/** `voiceOptIn` / `smsOptIn` / `emailOptIn` of a keyed phone or email: only `subscribed` is required. */
export type RegalChannelOptIn = {
  subscribed: Flag;
  source?: Text;
  timestamp?: Text;
  ip?: Text;
  text?: Text;
};

export type RegalAddress = { street?: Text; city?: Text; state?: Text; zipcode?: Text; country?: Text };

export type RegalPhoneEntry = {
  isPrimary?: Flag;
  label?: Text;
  voiceOptIn?: RegalChannelOptIn;
  smsOptIn?: RegalChannelOptIn;
};
export type RegalEmailEntry = { isPrimary?: Flag; label?: Text; emailOptIn?: RegalChannelOptIn };

/** Keyed by the phone number (E.164) or address; a merge field key is `` [`${field('phoneNumber')}`] ``. */
export type RegalPhones = { readonly [number: string]: RegalPhoneEntry };
export type RegalEmails = { readonly [address: string]: RegalEmailEntry };

type StandardTraits = {
  firstName?: Text;
  lastName?: Text;
  address?: RegalAddress;
  /** "Any other traits you add become custom properties" (Regal). */
  [custom: string]: TemplateJson | undefined;
};

/** Legacy shape: `phone` is required (Regal's Iterable guide); `optIn[]` applies to it and `email`. */
export type RegalLegacyTraits = StandardTraits & {
  phone: Text;
  email?: Text;
  optIn?: readonly RegalOptIn[];
};

/** Current shape: at least one phone or email, each with its own opt-ins. */
export type RegalKeyedTraits = StandardTraits &
  ({ phones: RegalPhones; emails?: RegalEmails } | { phones?: RegalPhones; emails: RegalEmails });

type PayloadCommon = {
  /** Shown as External ID in Regal. */
  userId?: Text;
  /** The event name; without it the call is a pure contact upsert. */
  name?: Text;
  properties?: { readonly [key: string]: TemplateJson | undefined };
  /** e.g. `"2000-03-06 11:12:28 -04:00"`. */
  originalTimestamp?: Text;
  /** Free text, e.g. `"iterable"`. */
  eventSource?: Text;
};

export type RegalLegacyPayload = PayloadCommon & { traits: RegalLegacyTraits };
export type RegalKeyedPayload = PayloadCommon & { traits: RegalKeyedTraits };
export type RegalPayload = RegalLegacyPayload | RegalKeyedPayload;
