/**
 * The plan as data: what kac would do to one environment and why. Plain JSON end to end, so a plan
 * can be saved (`--out plan.json`), rendered three ways and applied later. No secret values, ever.
 * The types are inferred from the zod schemas in schema.ts, which also check a saved plan.
 */
import type { z } from 'zod';
import type {
  ChangeSchema,
  CreateChangeSchema,
  DeleteChangeSchema,
  DisableChangeSchema,
  LiveRefSchema,
  ManualChangeSchema,
  NoopChangeSchema,
  PlanSchema,
  RefusalSchema,
  SemanticNoteSchema,
  UpdateChangeSchema,
} from './schema.js';

export { PLAN_VERSION } from './schema.js';

export type SemanticNote = z.infer<typeof SemanticNoteSchema>;
export type LiveRef = z.infer<typeof LiveRefSchema>;
export type Refusal = z.infer<typeof RefusalSchema>;
export type CreateChange = z.infer<typeof CreateChangeSchema>;
export type UpdateChange = z.infer<typeof UpdateChangeSchema>;
export type DisableChange = z.infer<typeof DisableChangeSchema>;
export type DeleteChange = z.infer<typeof DeleteChangeSchema>;
export type ManualChange = z.infer<typeof ManualChangeSchema>;
export type NoopChange = z.infer<typeof NoopChangeSchema>;
export type Change = z.infer<typeof ChangeSchema>;
export type ChangeKind = Change['kind'];
export type Impact = 'none' | 'safe' | 'destroy' | 'manual' | 'refused';
export type Plan = z.infer<typeof PlanSchema>;
export type PlanEnvironment = Plan['environment'];
/** Desired body with references resolved where known and secrets as `<secret:X>` placeholders. */
export type PlannedBody = Pick<CreateChange, 'body' | 'desiredHash' | 'pendingRefs'>;

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
