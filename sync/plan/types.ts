/**
 * The plan as data: what kac would do to one environment and why. Plain JSON end to end, so a plan
 * can be saved (`--out plan.json`), rendered three ways and applied later. No secret values, ever.
 */
import type { Diagnostic } from '../../compiler/diagnostics.js';
import type { JsonObject } from '../../compiler/json.js';
import type { Resource, ResourceKind, ResourceRef, SourceLocation } from '../../compiler/resource.js';
import type { Finding } from '../providers/provider.js';
import type { LiveDuplicate } from './duplicates.js';
import type { BehaviourReport } from '../behaviour/types.js';

export const PLAN_VERSION = 1;

/** One line of a change's semantic summary ("step "x" added", "attribute "talkTimeNum" added"). */
export interface SemanticNote {
  code:
    | 'step-added'
    | 'step-removed'
    | 'step-changed'
    | 'transition-added'
    | 'transition-removed'
    | 'transition-retargeted'
    | 'condition-changed'
    | 'params-changed'
    | 'trigger-changed'
    | 'attribute-added'
    | 'attribute-changed'
    | 'attribute-kept'
    | 'enabled-changed'
    | 'field-changed'
    | 'renamed'
    | 'secret-unknown'
    | 'reference-pending';
  message: string;
  /** The workflow step it concerns, so the Mermaid graph can mark it. */
  step?: string;
}

/** The live object a change acts on, as recorded in the plan (no body: it may hold secret values). */
export interface LiveRef {
  key: string;
  id: string;
  fingerprint: string;
}

/** Why a change cannot be applied as planned. `allow-destroy` lifts with `--allow-destroy`. */
export interface Refusal {
  reason: 'allow-destroy' | 'has-kobjects' | 'klass-rename' | 'attribute-type' | 'outside-namespace' | 'no-provider' | 'duplicate';
  message: string;
  hint?: string;
}

interface ChangeBase {
  resource: ResourceRef;
  source?: SourceLocation;
  /** Semantic lines, in the author's terms. */
  summary: SemanticNote[];
  /** Unified diff of normalised JSON, live → desired, sensitive values masked. Empty when not useful. */
  diff: string;
}

/** Desired body with references resolved where known and secrets as `<secret:X>` placeholders. */
export interface PlannedBody {
  body: JsonObject;
  /** sha256 of the canonical desired body as compiled (placeholders unresolved). */
  desiredHash: string;
  /** References still unresolved: "(known after apply)". */
  pendingRefs: string[];
}

export interface CreateChange extends ChangeBase, PlannedBody {
  kind: 'create';
  /** Set when the body would reference a name that exists more than once live. */
  refusal?: Refusal;
}

export interface UpdateChange extends ChangeBase, PlannedBody {
  kind: 'update';
  live: LiveRef;
  /** Set when the live object was found under the resource's `renamedFrom` name. */
  renamedFrom?: string;
  refusal?: Refusal;
}

/** A workflow removed from git: Kustomer has no workflow delete, so kac disables it. */
export interface DisableChange extends ChangeBase {
  kind: 'disable';
  live: LiveRef;
  /** One extra copy of a name that exists more than once live (acted on by its id). */
  extraCopy?: true;
}

/** A hook, outbound webhook or Klass removed from git. Refused unless allowed. */
export interface DeleteChange extends ChangeBase {
  kind: 'delete';
  live: LiveRef;
  /** `allow-destroy` until `--allow-destroy`; `has-kobjects` always. */
  refusal?: Refusal;
  /** One extra copy of a name that exists more than once live (acted on by its id). */
  extraCopy?: true;
}

/** A resource of a system without a write API (Iterable journey webhooks): done by a person. */
export interface ManualChange extends ChangeBase {
  kind: 'manual';
  desiredHash: string;
  /** Paste-ready configuration and steps. Secrets appear as placeholders. */
  instructions: string;
  reason: 'not-confirmed' | 'changed' | 'removed';
}

export interface NoopChange extends ChangeBase {
  kind: 'noop';
  live?: LiveRef;
  /** Why nothing happens although something is notable (attributes kept, secret not comparable). */
  notes: string[];
}

export type Change = CreateChange | UpdateChange | DisableChange | DeleteChange | ManualChange | NoopChange;
export type ChangeKind = Change['kind'];
export type Impact = 'none' | 'safe' | 'destroy' | 'manual' | 'refused';

export interface PlanEnvironment {
  name: string;
  /** Where it points, e.g. `local org (http://127.0.0.1:51234)` or the base URL. Never a key. */
  target: string;
}

export interface Plan {
  version: typeof PLAN_VERSION;
  createdAt: string;
  namespace: string;
  environment: PlanEnvironment;
  /** Whether deletes were allowed when the plan was made. */
  allowDestroy: boolean;
  /** Every desired resource as compiled (placeholders, no values): a saved plan is self-contained. */
  desired: Resource[];
  /** One per desired resource and per live object in the namespace; sorted by kind order, then key. */
  changes: Change[];
  /** `kind:key` → the live object's id and fingerprint, for every object in the namespace that was read. */
  fingerprints: Record<string, LiveRef>;
  /** Kinds whose system has no write API: their live objects are recorded confirmations. */
  manualKinds: ResourceKind[];
  /** Live objects outside the namespace, by kind: never touched, only counted. */
  outsideNamespace: Partial<Record<ResourceKind, number>>;
  findings: Finding[];
  /** Errors make the plan unappliable (attribute type changed, Klass renamed ...). */
  diagnostics: Diagnostic[];
  /** The org the plan was read from (saved plans): applying it to another org is refused. */
  org?: { id?: string; baseUrl: string; key: string };
  /** Managed names that exist more than once live (each is also a warning diagnostic). */
  duplicates?: LiveDuplicate[];
  /** What changing workflows do differently with the sample events and tests (`kac plan` adds it). */
  behaviour?: BehaviourReport;
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
