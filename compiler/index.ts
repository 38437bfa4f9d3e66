/**
 * kac's authoring API: the one module authored files (klasses/, workflows/, kac.config.ts) import.
 */
export { defineKlass, attribute, type KlassDefinition, type AttributeDefinition } from './model/klass.js';
export {
  defineAttributes,
  customOf,
  STANDARD_OBJECTS,
  type StandardObject,
  type StandardAttributesDefinition,
} from './model/standard-attributes.js';
export { defineHook, type HookDefinition, type HookTransaction } from './model/hook.js';
export { defineWorkflow, onHook, onEvent, type WorkflowDefinition, type Node, type Raw } from './model/workflow.js';
export {
  onCall,
  callWorkflow,
  onConversation,
  onCustomer,
  onKObject,
  onAppEvent,
  type InputSchema,
  type CallInput,
} from './model/triggers.js';
export {
  defineOutboundWebhook,
  type OutboundWebhookDefinition,
  type OutboundWebhookEvent,
} from './model/outbound-webhook.js';
export {
  customer,
  kobject,
  conversation,
  note,
  restApi,
  regexMatch,
  branch,
  action,
  type Action,
  type CustomMapping,
  type StandardValues,
} from './model/action.js';
export { when, type Condition } from './model/condition.js';
export { secret, type Secret } from './model/secret.js';
export { payloadOf, type JsonSchema, type PayloadType } from './model/payload.js';
export { defineConfig, type KacConfig } from './model/config.js';
export type { Ref, Value } from './model/ref.js';
export type * from './model/kustomer-objects.js';
export {
  defineIterableWebhook,
  iterableFields,
  type IterableWebhookDefinition,
  type IterableTrigger,
  type IterableFieldSet,
  type MergeHelpers,
  type MergeValue,
  type RegalPayload,
} from './model/iterable.js';
export {
  defineWorkflowTest,
  match,
  type WorkflowTestDefinition,
  type Expectation,
  type Given,
  type ValueMatcher,
} from './model/workflow-test.js';
