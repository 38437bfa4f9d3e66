/**
 * Triggers beyond hooks: Kustomer's standard object events, KObject events, app events, and callable
 * workflows (another workflow calls them by id with typed inputs). Event names: inferred-events.ts.
 */
import type { JsonObject, JsonValue } from '../json.js';
import { action, type Action } from './action.js';
import { appEventName, callActionName, kobjectEventName, standardEventName } from './inferred-events.js';
import type { KlassDefinition } from './klass.js';
import type { KustomerObjectEvent } from './kustomer-objects.js';
import type { Value } from './ref.js';
import { refPlaceholder } from '../placeholders.js';
import { onEvent, type Raw, type Trigger, type WorkflowDefinition } from './workflow.js';

interface TriggerOptions {
  displayName?: string;
  appVersion?: string;
  raw?: Raw;
}

/** `kustomer.conversation.create` or `.update` (which also fires on every new message). */
export function onConversation(event: 'create' | 'update', options: TriggerOptions = {}): Trigger<KustomerObjectEvent> {
  return onEvent(standardEventName('conversation', event), options);
}

/** `kustomer.customer.create` or `.update`. */
export function onCustomer(event: 'create' | 'update', options: TriggerOptions = {}): Trigger<KustomerObjectEvent> {
  return onEvent(standardEventName('customer', event), options);
}

/** `kustomer.kobject.<klass>.create` or `.update`. */
export function onKObject(
  klass: KlassDefinition | string,
  event: 'create' | 'update',
  options: TriggerOptions = {},
): Trigger<KustomerObjectEvent> {
  return onEvent(kobjectEventName(typeof klass === 'string' ? klass : klass.name, event), options);
}

/** An app's event, `kustomer.app.<app>.<event>`: the escape hatch for triggers kac has no builder for. */
export function onAppEvent<Out = any>(app: string, event: string, options: TriggerOptions = {}): Trigger<Out> {
  return onEvent<Out>(appEventName(app, event), options);
}

type SchemaType = 'string' | 'number' | 'boolean' | 'object' | 'array';

/** A callable workflow's input schema, as Kustomer stores it: `{ properties: { x: { type } }, required }`. */
export interface InputSchema {
  readonly properties: { readonly [name: string]: { readonly type: SchemaType; readonly [key: string]: JsonValue } };
  readonly required?: readonly string[];
}

type TypeOf<T> = T extends 'string'
  ? string
  : T extends 'number'
    ? number
    : T extends 'boolean'
      ? boolean
      : T extends 'array'
        ? unknown[]
        : Record<string, unknown>;
type Props<S extends InputSchema> = S['properties'];
type Required<S extends InputSchema> = S['required'] extends readonly (infer R)[] ? R & keyof Props<S> : never;

/** The input a schema describes: required names must be given, the others may be. */
export type CallInput<S extends InputSchema> = { [K in Required<S>]: TypeOf<Props<S>[K]['type']> } & {
  [K in Exclude<keyof Props<S>, Required<S>>]?: TypeOf<Props<S>[K]['type']>;
};

/**
 * Called by other workflows (`callWorkflow`), with inputs `schema` describes; `event.<input>` is
 * `/#steps.1.<input>`. Kustomer derives the trigger's event name from the workflow id.
 *
 * @example
 * trigger: onCall({ properties: { conversationId: { type: 'string' } }, required: ['conversationId'] }),
 */
export function onCall<const S extends InputSchema>(
  schema: S,
  options: TriggerOptions = {},
): Trigger<CallInput<S>, CallInput<S>> {
  return {
    kind: 'callable',
    schema: schema as unknown as JsonObject,
    ...(options.displayName === undefined ? {} : { displayName: options.displayName }),
    ...(options.appVersion === undefined ? {} : { appVersion: options.appVersion }),
    ...(options.raw ? { raw: options.raw } : {}),
  };
}

/** Each input as a literal or a reference to an earlier step's output. */
export type CallArgs<I> = { [K in keyof I]: Value<I[K]> };

/**
 * Calls a callable workflow (action `kustomer.workflow.<its id>.call`); the input is checked against
 * its `onCall` schema. The id is resolved by the sync, like a hook's.
 *
 * @example
 * step('note', callWorkflow(writeNote, { conversationId: event.id }));
 */
export function callWorkflow<I>(
  callee: WorkflowDefinition<string, unknown, I>,
  input: NoInfer<CallArgs<I>>,
): Action<unknown> {
  const id = refPlaceholder({ kind: 'kustomer.workflow', key: callee.name, field: 'id' });
  return { ...action(callActionName(id), input as Record<string, unknown>), callee: callee.name };
}
