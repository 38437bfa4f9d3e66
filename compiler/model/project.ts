/** The loaded project: every definition the authored files export, and where each came from. */
import type { HookDefinition } from './hook.js';
import type { KlassDefinition } from './klass.js';
import type { OutboundWebhookDefinition } from './outbound-webhook.js';
import type { StandardAttributesDefinition } from './standard-attributes.js';
import type { WorkflowDefinition } from './workflow.js';

/** A definition and the repo-relative file whose exports held it. */
export interface Loaded<D> {
  definition: D;
  file: string;
}

export interface Model {
  /** Absolute project root; diagnostics' files are relative to it. */
  root: string;
  namespace: string;
  klasses: Loaded<KlassDefinition>[];
  hooks: Loaded<HookDefinition>[];
  workflows: Loaded<WorkflowDefinition>[];
  outboundWebhooks: Loaded<OutboundWebhookDefinition>[];
  /** Iterable journey webhooks (issue: Iterable templates); typed in model/iterable.ts. */
  iterableWebhooks: Loaded<unknown>[];
  /** Custom attributes on standard objects (`defineAttributes`); absent = none. */
  standardAttributes?: Loaded<StandardAttributesDefinition>[];
}
