/**
 * Typed builders for the Kustomer workflow actions kac knows, plus `action()`, an escape hatch for
 * any other. An action is plain data: its Kustomer action name, params (which may hold references
 * and secrets) and the output type later steps can reference.
 */
import type { ApiAttributes, AttributeMap, AttributeValue, KlassDefinition } from './klass.js';
import type {
  KustomerConversation,
  KustomerCustomer,
  KustomerKObject,
  KustomerNote,
  RegexMatchResult,
  RestApiResult,
} from './kustomer-objects.js';
import type { StringValue, Value } from './ref.js';
import type { Secret } from './secret.js';
import type { StandardAttributesDefinition } from './standard-attributes.js';

export interface Action<Out = unknown> {
  readonly action: string | undefined;
  readonly params: Readonly<Record<string, unknown>>;
  /** Set for KObject actions, so validation can check the mapping against the Klass. */
  readonly klass?: KlassDefinition;
  readonly appVersion?: string;
  /** The workflow a `callWorkflow` step calls (a dependency: its id must exist first). */
  readonly callee?: string;
  /** Phantom: what later steps can reference as this step's output. */
  readonly __out?: Out;
}

/** A KObject's `custom` mapping, typed by its Klass: unknown names and wrong value kinds fail to compile. */
export type CustomMapping<Attrs extends AttributeMap> = {
  [Name in keyof ApiAttributes<Attrs>]?: Value<AttributeValue<ApiAttributes<Attrs>[Name]>> | null;
};

type KlassOf<K> = K extends KlassDefinition<string, infer A> ? A : never;

export interface KObjectFields<Attrs extends AttributeMap> {
  /** The card headline on the timeline. Required. */
  title: StringValue;
  externalId?: StringValue;
  description?: StringValue;
  /** Free JSON kept with the KObject, e.g. the whole event: `event`. */
  data?: unknown;
  custom?: CustomMapping<Attrs>;
  tags?: Value<string[]>;
}

function make<Out>(
  action: string | undefined,
  params: Record<string, unknown>,
  extra: Partial<Action<Out>> = {},
): Action<Out> {
  return { action, params: dropUndefined(params), ...extra };
}

function dropUndefined(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));
}

export const customer = {
  /** `kustomer.customer.find-by-external-id`. */
  findByExternalId: (p: { externalId: StringValue }) =>
    make<KustomerCustomer>('kustomer.customer.find-by-external-id', p),
  /** `kustomer.customer.find-by-email`. */
  findByEmail: (p: { email: StringValue }) => make<KustomerCustomer>('kustomer.customer.find-by-email', p),
  /** `kustomer.customer.find-by-phone`. */
  findByPhone: (p: { phone: StringValue }) => make<KustomerCustomer>('kustomer.customer.find-by-phone', p),
  /**
   * `kustomer.customer.create`. Params mirror `POST /v1/customers` (`emails: [{email}]`,
   * `phones: [{phone}]`): inferred from the API body, not from an export.
   *
   * An argument left out here (`undefined` when the workflow is built) is left out of the params. An
   * argument that is a ref is different: whether it has a value is only known when the step runs, and a
   * Kustomer step's params are a fixed template (no conditional params), so this builder cannot drop
   * `emails: [{ email: <ref> }]` when the ref turns out empty: the entry would be sent without its
   * address. A workflow whose event may lack a field branches (`when.exists(ref)`) to create steps that
   * pass only what the event carries, as the Regal timeline recipe does.
   */
  create: (p: {
    externalId?: StringValue;
    name?: StringValue;
    email?: StringValue;
    phone?: StringValue;
    custom?: Record<string, unknown>;
  }) =>
    make<KustomerCustomer>('kustomer.customer.create', {
      externalId: p.externalId,
      name: p.name,
      emails: p.email === undefined ? undefined : [{ email: p.email }],
      phones: p.phone === undefined ? undefined : [{ phone: p.phone }],
      custom: p.custom,
    }),
  /** `kustomer.customer.update` with `{ id, custom }` as in real exports. */
  update: (p: { id: StringValue; custom?: Record<string, unknown>; [field: string]: unknown }) =>
    make<KustomerCustomer>('kustomer.customer.update', p),
};

export const kobject = {
  /**
   * `kustomer.kobject.create-with-customer`: a KObject on the customer's timeline. Params as Kustomer's
   * system app declares the action: customer, klassName, title, data, custom, externalId ...
   */
  createWithCustomer: <K extends KlassDefinition<string, any>>(
    klass: K,
    p: KObjectFields<KlassOf<K>> & { customer: StringValue },
  ) =>
    make<KustomerKObject<CustomMapping<KlassOf<K>>>>(
      'kustomer.kobject.create-with-customer',
      { customer: p.customer, klassName: klass.name, ...fields(p) },
      { klass },
    ),
  /** `kustomer.kobject.create`: a KObject not linked to a customer. */
  create: <K extends KlassDefinition<string, any>>(klass: K, p: KObjectFields<KlassOf<K>>) =>
    make<KustomerKObject<CustomMapping<KlassOf<K>>>>(
      'kustomer.kobject.create',
      { klassName: klass.name, ...fields(p) },
      { klass },
    ),
  /**
   * `kustomer.kobject.find-by-external-id`: the KObject with that externalId, or no `id` when there is
   * none (so `when.dne(step.out.id)` means "not recorded yet").
   */
  findByExternalId: <K extends KlassDefinition<string, any>>(klass: K, p: { externalId: StringValue }) =>
    make<KustomerKObject<CustomMapping<KlassOf<K>>>>(
      'kustomer.kobject.find-by-external-id',
      { klassName: klass.name, externalId: p.externalId },
      { klass },
    ),
  /** `kustomer.kobject.update`. */
  update: <K extends KlassDefinition<string, any>>(
    klass: K,
    p: Partial<KObjectFields<KlassOf<K>>> & { id: StringValue },
  ) =>
    make<KustomerKObject<CustomMapping<KlassOf<K>>>>(
      'kustomer.kobject.update',
      { id: p.id, klassName: klass.name, ...fields(p) },
      { klass },
    ),
};

function fields(p: Partial<KObjectFields<AttributeMap>>): Record<string, unknown> {
  return {
    title: p.title,
    externalId: p.externalId,
    description: p.description,
    data: p.data,
    custom: p.custom,
    tags: p.tags,
  };
}

/** The values a standard object's `custom` holds for the attributes a `defineAttributes` declares. */
export type StandardValues<Attrs extends AttributeMap> = {
  [Name in keyof ApiAttributes<Attrs>]?: AttributeValue<ApiAttributes<Attrs>[Name]> | null;
};

/** `kustomer.conversation.find-by-id`; pass the conversation's `defineAttributes` to type `out.custom`. */
function conversationFindById(p: { id: StringValue }): Action<KustomerConversation>;
function conversationFindById<A extends AttributeMap>(
  p: { id: StringValue },
  attributes: StandardAttributesDefinition<'conversation', A>,
): Action<KustomerConversation<StandardValues<A>>>;
function conversationFindById(p: { id: StringValue }): Action<KustomerConversation> {
  return make('kustomer.conversation.find-by-id', { id: p.id });
}

/**
 * Conversation actions of Kustomer's system app, params as in real exports (kustomer-api.md §3.4).
 * A "not found" conversation is an output without `id` (`when.exists(found.out.id)`).
 */
export const conversation = {
  findById: conversationFindById,
  /**
   * `kustomer.conversation.update` with `{ id, status, subStatus, priority, queue, custom }`; type
   * `custom` with `customOf(conversationAttributes, { … })`.
   */
  update: (p: {
    id: StringValue;
    status?: StringValue;
    subStatus?: StringValue;
    priority?: Value<number>;
    custom?: Record<string, unknown>;
    [field: string]: unknown;
  }) => make<KustomerConversation>('kustomer.conversation.update', p),
};

export const note = {
  /** `kustomer.note.create`: an internal note on a conversation, `{ conversation, body, userMentions }` as in exports. */
  create: (p: {
    conversation: StringValue;
    body: StringValue;
    userMentions?: readonly { user: StringValue }[] | Value<{ user: string }[]>;
  }) =>
    make<KustomerNote>('kustomer.note.create', {
      conversation: p.conversation,
      body: p.body,
      userMentions: p.userMentions,
    }),
};

export interface RestApiParams<Body> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  uri: StringValue;
  headers?: Record<string, StringValue | Secret>;
  qs?: Record<string, StringValue>;
  data?: unknown;
  /** Phantom: the response body's type, for typed references to `out.body`. */
  body?: import('./payload.js').PayloadType<Body>;
}

/** `kustomer.rest-api.json`: an HTTP call whose `body` and `response.statusCode` later steps can use. */
export function restApi<Body = any>(p: RestApiParams<Body>): Action<RestApiResult<Body>> {
  const { body: _phantom, ...params } = p;
  return make('kustomer.rest-api.json', { json: true, ...params });
}

/** `kustomer.regex-match.generic`: tests a string; output `match`. Also used to compute strings. */
export function regexMatch(p: { testString: StringValue; regex: string }): Action<RegexMatchResult> {
  return make('kustomer.regex-match.generic', p);
}

/** A branch node: no action, only transitions (a "Condition" step in the builder). */
export function branch(): Action<never> {
  return make(undefined, {});
}

/**
 * Any Kustomer action by name, params as its JSON. The escape hatch for actions without a typed
 * builder; the output is untyped.
 *
 * @example
 * step('agent', action('kustomer.user.find-by-id', { id: event.modifiedBy }));
 */
export function action<Out = any>(
  name: string,
  params: Record<string, unknown>,
  options: { appVersion?: string } = {},
): Action<Out> {
  return make<Out>(name, params, options.appVersion === undefined ? {} : { appVersion: options.appVersion });
}
