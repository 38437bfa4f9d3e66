/**
 * Iterable journey-webhook payload templates as authored: which journey sends what to Regal's events
 * API. Iterable has no API for journey webhooks, so the compiled form is paste-ready configuration.
 * Merge fields are typed by the project's fields schema (`iterableFields<Generated>(schema)`).
 */
import { createMergeHelpers, type MergeHelpers } from './iterable-merge.js';
import type { RegalPayload } from './iterable-payload.js';
import type { Secret } from './secret.js';
import { captureSite, type CallSite } from './site.js';

export const REGAL_EVENTS_ENDPOINT = 'https://events.regalvoice.com/events';

/** The declared Iterable fields: `{ profile: {...}, events: { '<event>': {...dataFields} } }`. */
export interface IterableFieldsShape {
  profile?: object;
  events?: object;
}

type Keys<T> = keyof NonNullable<T> & string;
export type ProfileFieldOf<F> = F extends { profile?: infer P } ? Keys<P> : never;
export type EventNameOf<F> = F extends { events?: infer E } ? Keys<E> : never;
export type EventFieldOf<F, Event> = F extends { events?: infer E }
  ? Event extends keyof NonNullable<E>
    ? Keys<NonNullable<E>[Event]>
    : never
  : never;

/** The declared names at runtime (from the JSON Schema), for validation; `F` carries the types. */
export interface IterableFieldSet<F = unknown> {
  readonly kind: 'iterable-fields';
  readonly profile: readonly string[];
  readonly events: Readonly<Record<string, readonly string[]>>;
  /** Problems reading the schema (validation reports them). */
  readonly problems: readonly string[];
  readonly __fields?: F;
}

function propertyNames(schema: unknown): string[] | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined;
  const props = (schema as { properties?: unknown }).properties;
  return typeof props === 'object' && props !== null && !Array.isArray(props) ? Object.keys(props) : undefined;
}

/**
 * The project's declared Iterable fields, typed by the interface generated from the same schema.
 *
 * @example
 * import schema from './fields.schema.json' with { type: 'json' };
 * import type { IterableFields } from './fields.schema.js';
 * export const fields = iterableFields<IterableFields>(schema);
 */
export function iterableFields<F extends IterableFieldsShape>(schema: unknown): IterableFieldSet<F> {
  const problems: string[] = [];
  const root = propertyNames(schema);
  const props = (schema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
  if (!root) problems.push('the fields schema has no "properties"');
  const profile = propertyNames(props.profile);
  if (root && !profile) problems.push('the fields schema has no "profile" object with "properties"');
  const events: Record<string, string[]> = {};
  const eventSchemas = (props.events as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
  for (const [event, eventSchema] of Object.entries(eventSchemas)) events[event] = propertyNames(eventSchema) ?? [];
  return Object.freeze({ kind: 'iterable-fields' as const, profile: profile ?? [], events, problems });
}

export type IterableTrigger<Profile extends string = string, Event extends string = string> =
  /** Iterable's "User Profile Field Updated" journey trigger. */
  | { readonly kind: 'profile-field-updated'; readonly field: Profile }
  /** Iterable's "Custom Event" journey trigger. */
  | { readonly kind: 'custom-event'; readonly event: Event };

type TriggerEvent<T> = T extends { kind: 'custom-event'; event: infer E } ? E : never;

export type IterableHeaders = { readonly Authorization: Secret; readonly [name: string]: string | Secret };

export interface IterableWebhookInput<Name extends string, F, T> {
  /** The webhook's name in Iterable (Integrations > Journey Webhooks); also `kac preview <name>`. */
  name: Name;
  /** The journey (Iterable's API still calls them workflows) whose webhook tile calls this. */
  journey: string;
  /** The project's declared fields: `iterableFields<IterableFields>(schema)`. */
  fields: IterableFieldSet<F>;
  trigger: T;
  /** Default Regal's events API; https only (Iterable refuses plain http). */
  endpoint?: string;
  /** Regal's events API takes POST. */
  method?: 'POST';
  /** Regal's key as a secret, never literal: `{ Authorization: secret('REGAL_API_KEY') }`. */
  headers: IterableHeaders;
  /** Iterable's "send email and workflowId" checkbox. Regal asks for it unchecked: default false. */
  sendEmailAndWorkflowId?: boolean;
  /** Regal's payload, built with typed merge-field helpers. */
  body: (helpers: MergeHelpers<ProfileFieldOf<F>, EventFieldOf<F, TriggerEvent<T>>>) => RegalPayload;
}

export interface IterableWebhookDefinition<Name extends string = string> {
  readonly kind: 'iterable-webhook';
  readonly name: Name;
  readonly journey: string;
  readonly fields: IterableFieldSet;
  readonly trigger: IterableTrigger;
  readonly endpoint: string;
  readonly method: string;
  readonly headers: Readonly<Record<string, unknown>>;
  readonly sendEmailAndWorkflowId: boolean;
  /** The built payload: JSON whose leaves may be merge values. Undefined when the callback threw. */
  readonly body: unknown;
  readonly site: CallSite;
  /** An exception thrown by the body callback, reported as a diagnostic rather than a crash. */
  readonly buildError?: Error;
}

/**
 * An Iterable journey webhook that sends a contact, opt-in or event to Regal.
 *
 * @example
 * export default defineIterableWebhook({
 *   name: 'regal-create-contact', journey: 'Create New Contact for Regal', fields,
 *   trigger: { kind: 'profile-field-updated', field: 'phoneNumber' },
 *   headers: { Authorization: secret('REGAL_API_KEY') },
 *   body: ({ field, defaultIfEmpty }) => ({ traits: { phone: field('phoneNumber'), firstName: defaultIfEmpty('firstName', 'there') } }),
 * });
 */
export function defineIterableWebhook<
  const Name extends string,
  F extends IterableFieldsShape,
  const T extends IterableTrigger<ProfileFieldOf<F>, EventNameOf<F>>,
>(input: IterableWebhookInput<Name, F, T>): IterableWebhookDefinition<Name> {
  const site = captureSite();
  let body: unknown;
  let buildError: Error | undefined;
  try {
    body = input.body(createMergeHelpers() as MergeHelpers<ProfileFieldOf<F>, EventFieldOf<F, TriggerEvent<T>>>);
  } catch (error) {
    buildError = error instanceof Error ? error : new Error(String(error));
  }
  return {
    kind: 'iterable-webhook',
    name: input.name,
    journey: input.journey,
    fields: input.fields as IterableFieldSet,
    trigger: input.trigger,
    endpoint: input.endpoint ?? REGAL_EVENTS_ENDPOINT,
    method: input.method ?? 'POST',
    headers: input.headers,
    sendEmailAndWorkflowId: input.sendEmailAndWorkflowId ?? false,
    body,
    site,
    ...(buildError ? { buildError } : {}),
  };
}

export function isIterableWebhookDefinition(value: unknown): value is IterableWebhookDefinition {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'iterable-webhook';
}

export type { MergeValue, MergeHelpers, Text, Flag } from './iterable-merge.js';
export type * from './iterable-payload.js';
