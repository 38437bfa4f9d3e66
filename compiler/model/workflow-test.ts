/**
 * Workflow tests as authored: an org to start from (`given`), one event, and the outcome expected.
 * Plain data; `kac test` runs them in an in-memory local org (sync/behaviour/).
 */
import type { HookDefinition, HookTransaction } from './hook.js';
import type { KlassDefinition } from './klass.js';
import { captureSite, type CallSite } from './site.js';
import type { WorkflowDefinition } from './workflow.js';

/** A matcher for a value the author only partly cares about. */
export interface ValueMatcher {
  readonly kind: 'matcher';
  readonly describe: string;
  test(actual: unknown): boolean;
}

/**
 * Partial matchers. An object in `expect` is already partial (only the keys written are compared);
 * these cover the rest.
 *
 * @example
 * expect: { kobjects: { created: [{ title: match.stringContaining('Converted'), externalId: match.any() }] } }
 */
export const match = {
  /** Any value that is present (not undefined or null). */
  any: (): ValueMatcher => ({ kind: 'matcher', describe: 'any value', test: (a) => a !== undefined && a !== null }),
  /** The field is absent, null or empty. */
  absent: (): ValueMatcher => ({
    kind: 'matcher',
    describe: 'absent',
    test: (a) => a === undefined || a === null || a === '',
  }),
  stringContaining: (part: string): ValueMatcher => ({
    kind: 'matcher',
    describe: `a string containing ${JSON.stringify(part)}`,
    test: (a) => typeof a === 'string' && a.includes(part),
  }),
  regex: (pattern: RegExp): ValueMatcher => ({
    kind: 'matcher',
    describe: `a string matching ${String(pattern)}`,
    test: (a) => typeof a === 'string' && pattern.test(a),
  }),
} as const;

/** `T` with every field optional, recursively, and any field replaceable by a matcher. */
export type Loose<T> = T extends readonly (infer U)[]
  ? readonly Loose<U>[] | ValueMatcher
  : T extends object
    ? { readonly [K in keyof T]?: Loose<T[K]> } | ValueMatcher
    : T | ValueMatcher;

/** A customer in the org before the event. */
export interface GivenCustomer {
  name?: string;
  externalId?: string;
  email?: string;
  phone?: string;
  custom?: Record<string, string | number | boolean>;
}

/** A KObject in the org before the event (a card already on the timeline). */
export interface GivenKObject {
  klass: KlassDefinition<string, any> | string;
  title: string;
  externalId?: string;
  /** The owning customer, by its `externalId` in `given.customers`. */
  customerExternalId?: string;
  custom?: Record<string, string | number | boolean>;
}

/** A conversation in the org before the event; its customer by `externalId` in `given.customers`. */
export interface GivenConversation {
  customerExternalId: string;
  name?: string;
  externalId?: string;
  status?: 'open' | 'snoozed' | 'done';
  custom?: Record<string, string | number | boolean>;
}

export interface Given {
  customers?: readonly GivenCustomer[];
  kobjects?: readonly GivenKObject[];
  conversations?: readonly GivenConversation[];
}

/** A customer as the test sees it after the run. */
export interface CustomerOutcome {
  name: string | null;
  externalId: string | null;
  emails: string[];
  phones: string[];
  custom: Record<string, unknown>;
}

/** A KObject as the test sees it after the run; `customer` is its owner. */
export interface KObjectOutcome {
  klass: string;
  title: string;
  externalId: string | null;
  description: string | null;
  tags: string[];
  custom: Record<string, unknown>;
  customer: CustomerOutcome | null;
}

export interface ConversationOutcome {
  name: string | null;
  externalId: string | null;
  status: string;
  tags: string[];
  custom: Record<string, unknown>;
  customer: CustomerOutcome | null;
}

export interface NoteOutcome {
  body: string;
  externalId: string | null;
  /** The name of the conversation it was added to. */
  conversation: string | null;
}

export interface OutboundCallOutcome {
  method: string;
  url: string;
  body: unknown;
}

export type KObjectExpectation = {
  readonly [K in Exclude<keyof KObjectOutcome, 'klass'>]?: Loose<KObjectOutcome[K]>;
} & {
  /** The Klass, as its definition or its name. */
  readonly klass?: KlassDefinition<string, any> | string;
};

/**
 * The outcome expected. Lists are exact in length and order (each item partial); a section left out is
 * not checked. `nothing: true` says no customer, KObject, conversation, note or outbound call was
 * created or changed.
 */
export interface Expectation {
  nothing?: true;
  kobjects?: { created?: readonly KObjectExpectation[]; updated?: readonly KObjectExpectation[] };
  customers?: { created?: readonly Loose<CustomerOutcome>[]; updated?: readonly Loose<CustomerOutcome>[] };
  conversations?: { created?: readonly Loose<ConversationOutcome>[]; updated?: readonly Loose<ConversationOutcome>[] };
  notes?: { created?: readonly Loose<NoteOutcome>[] };
  outbound?: readonly Loose<OutboundCallOutcome>[];
  /** Step ids the run took after the trigger, in order (one workflow runs) . */
  steps?: readonly string[];
  /** How the run ended: `no-match` when the trigger's conditions did not hold. */
  status?: 'completed' | 'failed' | 'no-match';
}

type EventOf<T> = T extends HookTransaction<infer P> ? P : T;

interface TestInputBase {
  /** What the test proves, in a sentence: printed by `kac test`. */
  name: string;
  given?: Given;
  expect: Expectation;
}

export interface WorkflowTestDefinition {
  readonly kind: 'workflow-test';
  readonly name: string;
  /** The workflow's system name: only it runs. */
  readonly workflow?: string;
  /** The hook's system name: every workflow it triggers runs, as a post to the hook does. */
  readonly hook?: string;
  readonly given: Given;
  readonly event: unknown;
  readonly expect: Expectation;
  readonly site: CallSite;
}

/**
 * A workflow test: seed the org, send one event, state what should happen. Put it in a
 * `workflows/**\/*.test.ts` file (the loader skips them); `kac test` runs every one.
 *
 * @example
 * export default defineWorkflowTest({
 *   name: 'a completed call becomes a Regal Call card',
 *   workflow: callCompleted,
 *   event: { event: 'call.completed', externalId: '12345', properties: { call_id: 'WT1', type: 'Callback' } },
 *   expect: { kobjects: { created: [{ klass: regalCall, externalId: 'WT1' }] } },
 * });
 */
export function defineWorkflowTest<T>(
  input: TestInputBase & { workflow: WorkflowDefinition<string, T>; event: NoInfer<EventOf<T>> },
): WorkflowTestDefinition;
export function defineWorkflowTest<P>(
  input: TestInputBase & { hook: HookDefinition<string, P>; event: NoInfer<P> },
): WorkflowTestDefinition;
export function defineWorkflowTest(
  input: TestInputBase & {
    workflow?: WorkflowDefinition<string, unknown>;
    hook?: HookDefinition<string, unknown>;
    event: unknown;
  },
): WorkflowTestDefinition {
  return {
    kind: 'workflow-test',
    name: input.name,
    ...(input.workflow ? { workflow: input.workflow.name } : {}),
    ...(input.hook ? { hook: input.hook.name } : {}),
    given: input.given ?? {},
    event: input.event,
    expect: input.expect,
    site: captureSite(),
  };
}
