/**
 * Workflows as authored: a trigger, and a graph of steps built in a callback. Building runs when the
 * definition is made; the result is plain data (`WorkflowDefinition`) that validation and the
 * compiler read.
 */
import type { JsonObject } from '../json.js';
import type { Action } from './action.js';
import type { Condition } from './condition.js';
import type { HookDefinition, HookTransaction } from './hook.js';
import type { KustomerObjectEvent } from './kustomer-objects.js';
import type { PayloadType } from './payload.js';
import { ref, type Ref } from './ref.js';
import { captureSite, type CallSite } from './site.js';

/** The trigger's step id, always "1" in Kustomer workflows. */
export const TRIGGER_STEP_ID = '1';

/** Keys kac does not model, merged verbatim into the compiled JSON (objects deep-merge). `kac import` writes it. */
export type Raw = JsonObject;

interface TriggerBase<Out, Call> {
  readonly displayName?: string;
  readonly raw?: Raw;
  /** The payload's type and JSON Schema, when known: references into it are checked against the schema. */
  readonly payload?: PayloadType<unknown>;
  readonly __out?: Out;
  /** Phantom: a callable workflow's input, for `callWorkflow`. */
  readonly __call?: Call;
}

/** `Call`: the input a callable trigger takes (`never` for the others). */
export type Trigger<Out, Call = never> =
  | (TriggerBase<Out, Call> & {
      readonly kind: 'hook';
      readonly hook: HookDefinition;
      readonly appVersion?: string | null;
    })
  | (TriggerBase<Out, Call> & { readonly kind: 'event'; readonly eventName: string; readonly appVersion?: string })
  | (TriggerBase<Out, Call> & { readonly kind: 'callable'; readonly schema: JsonObject; readonly appVersion?: string });

/**
 * Triggered by posts to an inbound hook. Step `1` is the hook transaction; the posted body is
 * `event` in the steps callback (`/#steps.1.attributes.data`).
 *
 * @example
 * trigger: onHook(regalEvents, { payload: payloadOf<RegalCallCompleted>() }),
 */
export function onHook<P>(
  hook: HookDefinition<string, P>,
  options?: { displayName?: string; appVersion?: string | null; raw?: Raw },
): Trigger<HookTransaction<P>>;
export function onHook<P>(
  hook: HookDefinition<string, any>,
  options: { payload: PayloadType<P>; displayName?: string; appVersion?: string | null; raw?: Raw },
): Trigger<HookTransaction<P>>;
export function onHook(
  hook: HookDefinition<string, any>,
  options: { payload?: PayloadType<unknown>; displayName?: string; appVersion?: string | null; raw?: Raw } = {},
): Trigger<any> {
  return {
    kind: 'hook',
    hook,
    ...(options.payload ? { payload: options.payload } : {}),
    displayName: options.displayName,
    appVersion: options.appVersion,
    ...(options.raw ? { raw: options.raw } : {}),
  };
}

/**
 * Triggered by a Kustomer event, e.g. `kustomer.customer.create`, `kustomer.kobject.regal-call.create`,
 * or any raw event name (a form hook kac does not manage, an app's event).
 *
 * @example
 * trigger: onEvent('kustomer.conversation.create'),
 */
export function onEvent<Out = KustomerObjectEvent>(
  eventName: string,
  options: { displayName?: string; appVersion?: string; payload?: PayloadType<Out>; raw?: Raw } = {},
): Trigger<Out> {
  return {
    kind: 'event',
    eventName,
    ...(options.payload ? { payload: options.payload } : {}),
    displayName: options.displayName,
    appVersion: options.appVersion,
    ...(options.raw ? { raw: options.raw } : {}),
  };
}

export interface TransitionModel {
  /** A step id; may name a step that does not exist (validation reports it). */
  target: string;
  condition: Condition;
  label?: string;
  /** Transition keys kac does not model, kept verbatim. */
  raw?: Raw;
  site: CallSite;
}

export interface StepModel {
  id: string;
  action: Action;
  displayName?: string;
  description?: string;
  errorCases: readonly unknown[];
  /** The step's `appVersion` (e.g. `kustomer-^1.9.2`); overrides the action's own. `null`: none. */
  appVersion?: string | null;
  raw?: Raw;
  transitions: TransitionModel[];
  site: CallSite;
}

export interface StepOptions {
  displayName?: string;
  description?: string;
  /** Kustomer's error cases, as JSON; usually empty. */
  errorCases?: readonly unknown[];
  /**
   * The version of the app that provides the action, e.g. `kustomer-^1.9.2` (as exports carry it).
   * Default: kac's for the action (compiler/compile/app-versions.ts); `null` writes none. Branch
   * steps (no action) carry one only when given.
   */
  appVersion?: string | null;
  /** Step keys kac does not model, kept verbatim (deep-merged into the step's JSON). */
  raw?: Raw;
}

type Target = string | { readonly id: string };

/** A node in the graph: the trigger or a step. `to()` adds a transition; order is first-match. */
export interface Node<Out> {
  readonly id: string;
  /** This node's output, for later steps' params and conditions. */
  readonly out: Ref<Out>;
  /** Adds a transition to `target`, taken when `condition` holds (default: always). `raw`: keys kac does not model. */
  to(target: Target, condition?: Condition, label?: string, options?: { raw?: Raw }): Node<Out>;
}

export interface WorkflowContext<TriggerOut> {
  trigger: Node<TriggerOut>;
  /** The posted body for hook triggers (`/#steps.1.attributes.data`), else the trigger output. */
  event: TriggerOut extends HookTransaction<infer P> ? Ref<P> : Ref<TriggerOut>;
  /** Adds a step. Ids are stable keys in Kustomer: keep them when editing. */
  step<Out>(id: string, action: Action<Out>, options?: StepOptions): Node<Out>;
}

export interface WorkflowInput<Name extends string, TriggerOut, Call = never> {
  /** System name, slug-like, starting with the config's namespace. Unique in the org. */
  name: Name;
  /** The title in Kustomer's UI (`meta.displayName`); default the name. `null`: no `meta` at all. */
  displayName?: string | null;
  description?: string;
  /**
   * Default true: the description ends with ` [managed by kac: <namespace>]`. `false` keeps it exactly
   * as written: what `kac import` writes for an object kac did not create, so importing changes nothing.
   */
  managedMarker?: boolean;
  /** Default true. Kustomer creates workflows disabled unless told otherwise. */
  enabled?: boolean;
  trigger: Trigger<TriggerOut, Call>;
  steps: (ctx: WorkflowContext<TriggerOut>) => void;
  /** What a callable workflow answers: `{ schema: { properties, required } }` (Kustomer's `response`). */
  response?: { schema: JsonObject; [key: string]: JsonObject[string] };
  /** Root keys kac does not model (e.g. `replaces`), kept verbatim. `kac import` writes them here. */
  raw?: Raw;
  renamedFrom?: string;
}

export interface WorkflowDefinition<Name extends string = string, TriggerOut = unknown, Call = any> {
  readonly kind: 'workflow';
  /** Type only (never set): the trigger's output, so a workflow test's `event` is typed by it. */
  readonly __triggerOut?: TriggerOut;
  readonly name: Name;
  readonly displayName?: string | null;
  readonly description?: string;
  readonly managedMarker?: boolean;
  readonly enabled: boolean;
  readonly trigger: Trigger<unknown, unknown>;
  readonly triggerTransitions: TransitionModel[];
  readonly steps: StepModel[];
  readonly response?: JsonObject;
  readonly raw?: Raw;
  readonly renamedFrom?: string;
  readonly site: CallSite;
  /** Phantom: the input a callable workflow takes. */
  readonly __call?: Call;
  /** An exception thrown by the steps callback, reported as a diagnostic rather than a crash. */
  readonly buildError?: Error;
}

/**
 * A workflow: a trigger and a graph of steps with conditional transitions.
 *
 * @example
 * export default defineWorkflow({
 *   name: 'regal-contact-created',
 *   trigger: onHook(regalEvents, { payload: payloadOf<RegalContactCreated>() }),
 *   steps({ trigger, event, step }) {
 *     const find = step('find-customer', customer.findByExternalId({ externalId: event.externalId }));
 *     trigger.to(find, when.eq(event.event, 'contact.created'), 'contact.created');
 *   },
 * });
 */
export function defineWorkflow<const Name extends string, TriggerOut, Call = never>(
  input: WorkflowInput<Name, TriggerOut, Call>,
): WorkflowDefinition<Name, TriggerOut, Call> {
  const site = captureSite();
  const steps: StepModel[] = [];
  const triggerTransitions: TransitionModel[] = [];

  const node = <Out>(id: string, transitions: TransitionModel[]): Node<Out> => {
    const self: Node<Out> = {
      id,
      out: ref<Out>(id),
      to(target, condition = { op: 'true', values: [true] }, label, options = {}) {
        transitions.push({
          target: typeof target === 'string' ? target : target.id,
          condition,
          label,
          ...(options.raw ? { raw: options.raw } : {}),
          site: captureSite(site),
        });
        return self;
      },
    };
    return self;
  };

  const trigger = node<TriggerOut>('1', triggerTransitions);
  const event = (
    input.trigger.kind === 'hook' ? ref('1', ['attributes', 'data']) : ref('1')
  ) as WorkflowContext<TriggerOut>['event'];
  const ctx: WorkflowContext<TriggerOut> = {
    trigger,
    event,
    step(id, action, options = {}) {
      const model: StepModel = {
        id,
        action,
        displayName: options.displayName,
        description: options.description,
        errorCases: options.errorCases ?? [],
        ...(options.appVersion === undefined ? {} : { appVersion: options.appVersion }),
        ...(options.raw ? { raw: options.raw } : {}),
        transitions: [],
        site: captureSite(site),
      };
      steps.push(model);
      return node(id, model.transitions);
    },
  };

  let buildError: Error | undefined;
  try {
    input.steps(ctx);
  } catch (error) {
    buildError = error instanceof Error ? error : new Error(String(error));
  }

  return {
    kind: 'workflow',
    name: input.name,
    displayName: input.displayName,
    description: input.description,
    ...(input.managedMarker === false ? { managedMarker: false } : {}),
    enabled: input.enabled ?? true,
    trigger: input.trigger,
    triggerTransitions,
    steps,
    ...(input.response ? { response: input.response as JsonObject } : {}),
    ...(input.raw ? { raw: input.raw } : {}),
    renamedFrom: input.renamedFrom,
    site,
    ...(buildError ? { buildError } : {}),
  };
}
