/**
 * Kustomer's workflow JSON (export format, and the body of POST/PUT /v1/workflows) as zod schemas.
 * Loose objects everywhere: fields kac does not model (response schemas, callable triggers,
 * `replaces`, server fields) survive a parse unchanged. Params are any JSON.
 */
import { z } from 'zod';

export type KustomerCondition = { op: string; values: unknown[]; [key: string]: unknown };

const LOGICAL_OPS = ['and', 'or'];

export const KustomerConditionSchema: z.ZodType<KustomerCondition> = z.lazy(() =>
  z.looseObject({ op: z.string().min(1), values: z.array(z.unknown()) }).superRefine((condition, ctx) => {
    if (!LOGICAL_OPS.includes(condition.op)) return;
    condition.values.forEach((value, i) => {
      const nested = KustomerConditionSchema.safeParse(value);
      if (!nested.success) {
        for (const issue of nested.error.issues)
          ctx.addIssue({ ...issue, path: ['values', i, ...issue.path] } as never);
      }
    });
  }),
);

export const KustomerTransitionSchema = z.looseObject({
  target: z.string().min(1),
  condition: KustomerConditionSchema,
  meta: z.looseObject({ name: z.string().optional() }).optional(),
});

const MetaSchema = z.looseObject({ displayName: z.string().optional(), description: z.string().optional() });

export const KustomerTriggerSchema = z.looseObject({
  id: z.literal('1'),
  /** Absent on a callable trigger kac writes: Kustomer derives it from the workflow id. */
  eventName: z.string().min(1).optional(),
  callable: z.boolean().optional(),
  schema: z.record(z.string(), z.unknown()).optional(),
  appVersion: z.string().optional(),
  meta: MetaSchema.optional(),
  transitions: z.array(KustomerTransitionSchema),
});

export const KustomerStepSchema = z.looseObject({
  id: z.string().min(1),
  /** Absent on a branch (condition-only) step. */
  action: z.string().min(1).optional(),
  appVersion: z.string().optional(),
  params: z.record(z.string(), z.unknown()).optional(),
  meta: MetaSchema.optional(),
  transitions: z.array(KustomerTransitionSchema).optional(),
  errorCases: z.array(z.unknown()).optional(),
});

export const KustomerWorkflowSchema = z.looseObject({
  name: z.string().min(1),
  description: z.string().optional(),
  enabled: z.boolean().optional(),
  meta: MetaSchema.optional(),
  trigger: KustomerTriggerSchema.refine((t) => t.eventName !== undefined || t.callable === true, {
    message: 'a trigger needs an eventName unless it is callable',
  }),
  steps: z.array(KustomerStepSchema),
  response: z.looseObject({ schema: z.record(z.string(), z.unknown()) }).optional(),
});

export type KustomerWorkflow = z.infer<typeof KustomerWorkflowSchema>;
