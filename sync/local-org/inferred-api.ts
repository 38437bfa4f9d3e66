/**
 * Every behaviour of the local org that Kustomer's docs do NOT confirm, in one place (docs/reference/
 * kustomer-api.md marks them [I]). Check each against a sandbox org; change it here, nowhere else.
 */

/** Paths not confirmed by the docs. The confirmed ones are written inline in the route files. */
export const INFERRED_PATHS = {
  /** Lists of hooks: the docs confirm only `GET /v1/hooks/form/{id}`. */
  listHooks: 'GET /v1/hooks/{web|form}',
  /** Hook update and delete by id. */
  updateHook: 'PUT /v1/hooks/{web|form}/{id}',
  deleteHook: 'DELETE /v1/hooks/{web|form}/{id}',
  /** Outbound webhook update ("presumably PUT"). */
  updateOutboundWebhook: 'PUT /v1/outbound-webhooks/{id}',
  getOutboundWebhook: 'GET /v1/outbound-webhooks/{id}',
  /**
   * `PUT /v1/customers/{id}`: the confirmed update is `PATCH` (Kustomer's apps SDK); the local org
   * also answers PUT, with the same partial semantics, for older clients.
   */
  updateCustomerPut: 'PUT /v1/customers/{id}',
  /** `GET /v1/customers/{id}` (plain id, no `id=`): the SDK confirms only the `id=` form. */
  customerById: 'GET /v1/customers/{id}',
  /** Conversations: create, read and update are in Kustomer's REST reference; PATCH is accepted like PUT. */
  updateConversationPatch: 'PATCH /v1/conversations/{id}',
  customerConversations: 'GET /v1/customers/{id}/conversations',
  /** Notes are created on their conversation. */
  createNote: 'POST /v1/conversations/{id}/notes',
  listNotes: 'GET /v1/conversations/{id}/notes',
  getNote: 'GET /v1/notes/{id}',
  /** Users: read by id; create exists so a test can make a user to mention. */
  users: 'GET /v1/users, GET /v1/users/{id}, POST /v1/users',
  /** Calling a callable workflow: seen in an ex-Kustomer engineer's curl notes [R]; answers `{ data: { response } }`. */
  callWorkflow: 'POST /v1/workflows/{id}/call',
  /**
   * Standard-object metadata: `company`, `conversation`, `customer` and `message` are confirmed;
   * `user` (a standard name in app definitions) and `note` are inferred. Whether a PUT merges per
   * attribute or replaces the map is not confirmed either: kac's provider sends the whole map back
   * (sync/providers/kustomer/resources/standard-attributes.ts), right under both.
   */
  standardMetadata: 'GET|PUT /v1/metadata/{user|note}',
  /** Emulator only: the workflow run logs. Kustomer shows them in the workflow logger UI, not the API. */
  runs: 'GET /__kac/runs',
} as const;

/** Emulator-only path prefix: never part of Kustomer's API. */
export const EMULATOR_PREFIX = '/__kac';

/**
 * Metadata `type` per attribute name suffix. The suffixes are confirmed; the type strings are not.
 * Longest suffixes first, so `Bool` is never read as a name ending in `l`.
 */
export const ATTRIBUTE_TYPE_BY_SUFFIX: readonly (readonly [suffix: string, type: string])[] = [
  ['Bool', 'boolean'],
  ['Str', 'string'],
  ['Txt', 'text'],
  ['Num', 'number'],
  ['Url', 'url'],
  ['At', 'date'],
  ['Id', 'id'],
];

/** Str and Txt values: "max 1,024 chars" (confirmed for Str; the API reference says the same for Txt). */
export const MAX_STRING_ATTRIBUTE_LENGTH = 1024;

/** Kustomer's classic error body was not confirmed; this JSON:API-like shape is what the docs expect. */
export interface ApiErrorObject {
  status: number;
  code: string;
  title: string;
  detail?: string;
  source?: { pointer: string };
}

/**
 * Workflow names are unique in the local org: a second workflow with a name already used is refused
 * (409) on create and on rename. Kustomer's docs call `name` the system name but do not say it is
 * unique (kustomer-api.md §3.6 "[I]"); kac keys workflows by name, so the local org enforces it as an
 * explicit choice. `startLocalOrg({ allowDuplicateWorkflowNames: true })` models an org that has
 * duplicates (tests of how kac reports them).
 */
export const UNIQUE_WORKFLOW_NAMES = true;

/** Status for refusals the docs describe without a status code. */
export const STATUS = {
  /** Klass delete while KObjects exist ("fails"). */
  klassHasKObjects: 409,
  /** A second Klass with a name already used ("unique in the org"). */
  duplicateName: 409,
  /** `DELETE /v1/workflows/{id}`: there is no such route. */
  noWorkflowDelete: 404,
} as const;

/**
 * `x-ratelimit-reset`: the docs show "now + 60s" without saying epoch or seconds. The emulator sends
 * seconds until the window resets, with millisecond decimals so scaled-down test windows stay fast.
 * The client accepts epoch seconds, epoch milliseconds and relative seconds alike.
 */
export function formatRateLimitReset(msUntilReset: number): string {
  return (Math.max(0, msUntilReset) / 1000).toFixed(3);
}

/**
 * A callable trigger's eventName is the server's: `kustomer.workflow.<the workflow's own id>.call`,
 * whatever the client sent [R: a PUT with `callable: true` sends none (jessekoconnor/dev-notes); exports
 * carry their own id]. Other triggers are kept as sent.
 */
export function callableTrigger(trigger: unknown, workflowId: string): unknown {
  if (
    typeof trigger !== 'object' ||
    trigger === null ||
    Array.isArray(trigger) ||
    (trigger as { callable?: unknown }).callable !== true
  )
    return trigger;
  return { ...trigger, eventName: `kustomer.workflow.${workflowId}.call` };
}

/** Workflow server fields on reads (seen in a real `GET /v1/workflows/{id}`); their defaults are guesses. */
export function workflowServerDefaults(): Record<string, unknown> {
  return {
    appDisabled: false,
    editable: true,
    containsVariables: false,
    schedules: [],
    dynamicSchedules: [],
    systemDisabled: false,
    appSettings: [],
    objectMapping: { mappedKlasses: [] },
  };
}

/** Outbound webhooks: `enabled` when the create body leaves it out. */
export const OUTBOUND_WEBHOOK_DEFAULT_ENABLED = true;

/** Roles the emulator's token reports on `GET /v1/auth/tokens/current` (shape inferred). */
export const EMULATOR_TOKEN_ROLES = [
  'org.permission.workflow.read',
  'org.permission.workflow.create',
  'org.permission.workflow.update',
  'org.permission.klass.read',
  'org.permission.klass.create',
  'org.permission.klass.update',
  'org.permission.klass.delete',
  'org.permission.metadata.read',
  'org.permission.metadata.update',
  'org.permission.hook.create',
  'org.permission.hook.read',
  'org.hooks',
  'org.permission.outbound_webhook.read',
  'org.permission.outbound_webhook.delete',
  'org.outbound_webhooks',
  'org.permission.customer.create',
  'org.permission.customer.read',
  'org.permission.kobject.create',
  'org.permission.kobject.read',
  'org.permission.kobject.update',
];

/**
 * A hook post, and any request that creates or changes a standard object, is answered after the
 * workflows it triggered ran (and the ones those triggered), so a client sees their effects at once.
 * Kustomer queues the runs and answers immediately (runs finish "in any order").
 */
export const HOOK_RUNS_BEFORE_RESPONSE = true;

/** Web hook posts: the body limit is confirmed (400 kb); counting a kb as 1,024 bytes is not. */
export const HOOK_BODY_LIMIT_BYTES = 400 * 1024;

/** The JSON:API `type` of each resource, where no real response was seen. */
export const RESOURCE_TYPES = {
  klass: 'klass',
  metadata: 'metadata',
  workflow: 'workflow',
  webHook: 'web_hook',
  formHook: 'form_hook',
  outboundWebhook: 'outbound_webhook',
  customer: 'customer',
  kobject: 'kobject',
  conversation: 'conversation',
  note: 'note',
  user: 'user',
  token: 'token',
  transaction: 'transaction',
} as const;
