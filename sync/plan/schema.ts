/**
 * The plan's shape as zod schemas: the single source of the plan types (sync/plan/types.ts infers
 * them from here) and of the check a saved plan passes before `kac apply plan.json` trusts it. A
 * change is a discriminated union on `kind`: a create without a body, an update without the live
 * object it acts on, or an unknown kind is refused, naming the field.
 */
import { z } from 'zod';
import type { Diagnostic } from '../../compiler/diagnostics.js';
import { RESOURCE_KINDS, type Resource, type ResourceRef, type SourceLocation } from '../../compiler/resource.js';
import type { JsonObject } from '../../compiler/json.js';
import type { BehaviourReport } from '../behaviour/types.js';
import type { LiveDuplicate } from './duplicates.js';

export const PLAN_VERSION = 1;

const ResourceKindSchema = z.enum(RESOURCE_KINDS);
const JsonObjectSchema: z.ZodType<JsonObject> = z.record(z.string(), z.json()) as z.ZodType<JsonObject>;
const ResourceRefSchema = z.object({ kind: ResourceKindSchema, key: z.string() }) satisfies z.ZodType<ResourceRef>;
const SourceLocationSchema = z.object({
  file: z.string(),
  line: z.number().int(),
  column: z.number().int(),
}) satisfies z.ZodType<SourceLocation>;

const ResourceSchema = z.object({
  kind: ResourceKindSchema,
  key: z.string(),
  body: JsonObjectSchema,
  dependsOn: z.array(ResourceRefSchema),
  sensitive: z.array(z.array(z.union([z.string(), z.number()]))),
  source: SourceLocationSchema.optional(),
  renamedFrom: z.string().optional(),
}) satisfies z.ZodType<Resource>;

const DiagnosticSchema = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  location: SourceLocationSchema.optional(),
  hint: z.string().optional(),
}) satisfies z.ZodType<Diagnostic>;

export const FindingSchema = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  resource: ResourceRefSchema,
  message: z.string(),
});

/** One line of a change's semantic summary ("step "x" added", "attribute "talkTimeNum" added"). */
export const SemanticNoteSchema = z.object({
  code: z.enum([
    'step-added',
    'step-removed',
    'step-changed',
    'transition-added',
    'transition-removed',
    'transition-retargeted',
    'condition-changed',
    'params-changed',
    'trigger-changed',
    'attribute-added',
    'attribute-changed',
    'attribute-kept',
    'enabled-changed',
    'field-changed',
    'renamed',
    'secret-unknown',
    'reference-pending',
    'kept-by-partial-update',
  ]),
  message: z.string(),
  /** The workflow step it concerns, so the Mermaid graph can mark it. */
  step: z.string().optional(),
});

/** The live object a change acts on, as recorded in the plan (no body: it may hold secret values). */
export const LiveRefSchema = z.object({ key: z.string(), id: z.string(), fingerprint: z.string() });

/** Why a change cannot be applied as planned. `allow-destroy` lifts with `--allow-destroy`. */
export const RefusalSchema = z.object({
  reason: z.enum([
    'allow-destroy',
    'has-kobjects',
    'klass-rename',
    'attribute-type',
    'outside-namespace',
    'no-provider',
    'duplicate',
  ]),
  message: z.string(),
  hint: z.string().optional(),
});

const changeBase = {
  resource: ResourceRefSchema,
  source: SourceLocationSchema.optional(),
  /** Semantic lines, in the author's terms. */
  summary: z.array(SemanticNoteSchema),
  /** Unified diff of normalised JSON, live → desired, sensitive values masked. Empty when not useful. */
  diff: z.string(),
};

/** Desired body with references resolved where known and secrets as `<secret:X>` placeholders. */
const plannedBody = {
  body: JsonObjectSchema,
  /** sha256 of the canonical desired body as compiled (placeholders unresolved). */
  desiredHash: z.string(),
  /** References still unresolved: "(known after apply)". */
  pendingRefs: z.array(z.string()),
};

export const CreateChangeSchema = z.object({
  kind: z.literal('create'),
  ...changeBase,
  ...plannedBody,
  /** Set when the body would reference a name that exists more than once live. */
  refusal: RefusalSchema.optional(),
});
export const UpdateChangeSchema = z.object({
  kind: z.literal('update'),
  ...changeBase,
  ...plannedBody,
  live: LiveRefSchema,
  /** Set when the live object was found under the resource's `renamedFrom` name. */
  renamedFrom: z.string().optional(),
  refusal: RefusalSchema.optional(),
});
/** A workflow removed from git: Kustomer has no workflow delete, so kac disables it. */
/** `extraCopy`: one extra copy of a name that exists more than once live (acted on by its id). */
export const DisableChangeSchema = z.object({
  kind: z.literal('disable'),
  ...changeBase,
  live: LiveRefSchema,
  extraCopy: z.literal(true).optional(),
});
/** A hook, outbound webhook or Klass removed from git. Refused unless allowed (`has-kobjects` always). */
export const DeleteChangeSchema = z.object({
  kind: z.literal('delete'),
  ...changeBase,
  live: LiveRefSchema,
  refusal: RefusalSchema.optional(),
  extraCopy: z.literal(true).optional(),
});
/** A resource of a system without a write API (Iterable journey webhooks): done by a person. */
export const ManualChangeSchema = z.object({
  kind: z.literal('manual'),
  ...changeBase,
  desiredHash: z.string(),
  /** Paste-ready configuration and steps. Secrets appear as placeholders. */
  instructions: z.string(),
  reason: z.enum(['not-confirmed', 'changed', 'removed']),
});
export const NoopChangeSchema = z.object({
  kind: z.literal('noop'),
  ...changeBase,
  live: LiveRefSchema.optional(),
  /** Why nothing happens although something is notable (attributes kept, secret not comparable). */
  notes: z.array(z.string()),
});

export const ChangeSchema = z.discriminatedUnion('kind', [
  CreateChangeSchema,
  UpdateChangeSchema,
  DisableChangeSchema,
  DeleteChangeSchema,
  ManualChangeSchema,
  NoopChangeSchema,
]);

const BehaviourReportSchema = z.object({
  samples: z.array(z.string()),
  workflows: z.array(
    z.object({
      workflow: z.string(),
      change: z.enum(['create', 'update', 'disable']),
      sampleEvents: z.number().int(),
      differences: z.array(z.object({ event: z.string(), source: z.string(), sentences: z.array(z.string()) })),
      tests: z
        .object({
          total: z.number().int(),
          passed: z.number().int(),
          nowFailing: z.array(z.string()),
          nowPassing: z.array(z.string()),
        })
        .nullable(),
    }),
  ),
}) satisfies z.ZodType<BehaviourReport>;

const LiveDuplicateSchema = z.object({
  kind: ResourceKindSchema,
  key: z.string(),
  copies: z.array(z.object({ id: z.string(), referencedBy: z.array(z.string()), enabled: z.boolean() })),
  kept: z.string(),
  ambiguous: z.boolean(),
}) satisfies z.ZodType<LiveDuplicate>;

export const PlanSchema = z.object({
  version: z.literal(PLAN_VERSION),
  createdAt: z.string(),
  namespace: z.string(),
  /** `target`: where it points, e.g. `local org at http://127.0.0.1:51234` or the base URL. Never a key. */
  environment: z.object({ name: z.string(), target: z.string() }),
  /** Whether deletes were allowed when the plan was made. */
  allowDestroy: z.boolean(),
  /** Every desired resource as compiled (placeholders, no values): a saved plan is self-contained. */
  desired: z.array(ResourceSchema),
  /** One per desired resource and per live object in the namespace; sorted by kind order, then key. */
  changes: z.array(ChangeSchema),
  /** `kind:key` → the live object's id and fingerprint, for every object in the namespace that was read. */
  fingerprints: z.record(z.string(), LiveRefSchema),
  /** Kinds whose system has no write API: their live objects are recorded confirmations. */
  manualKinds: z.array(ResourceKindSchema),
  /** Live objects outside the namespace, by kind: never touched, only counted. */
  outsideNamespace: z.partialRecord(ResourceKindSchema, z.number()),
  findings: z.array(FindingSchema),
  /** Errors make the plan unappliable (attribute type changed, Klass renamed ...). */
  diagnostics: z.array(DiagnosticSchema),
  /** What changing workflows do differently with the sample events and tests (`kac plan` adds it). */
  behaviour: BehaviourReportSchema.optional(),
  /** The org the plan was read from (saved plans): applying it to another org is refused. */
  org: z.object({ id: z.string().optional(), baseUrl: z.string(), key: z.string() }).optional(),
  /** Managed names that exist more than once live (each is also a warning diagnostic). */
  duplicates: z.array(LiveDuplicateSchema).optional(),
});
