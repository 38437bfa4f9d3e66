/**
 * zod schemas of the attributes kac reads from Kustomer, per kind. Loose: fields kac doesn't use pass
 * through untouched (they are part of the live body), while the fields it relies on must be there.
 */
import { z } from 'zod';

export const KlassAttributesSchema = z.looseObject({
  name: z.string(),
  status: z.string().optional(),
  updatedAt: z.string().optional(),
});

export const MetadataAttributesSchema = z.looseObject({
  properties: z.record(z.string(), z.looseObject({})).optional(),
  updatedAt: z.string().optional(),
});

export const WorkflowAttributesSchema = z.looseObject({
  name: z.string(),
  enabled: z.boolean().optional(),
  trigger: z.looseObject({ eventName: z.string().optional() }).optional(),
  steps: z.array(z.looseObject({ id: z.string() })).optional(),
  rev: z.number().optional(),
  updatedAt: z.string().optional(),
});

export const HookAttributesSchema = z.looseObject({
  name: z.string(),
  eventName: z.string(),
  url: z.string().optional(),
  updatedAt: z.string().optional(),
});

export const OutboundWebhookAttributesSchema = z.looseObject({
  name: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  enabled: z.boolean().optional(),
  headers: z.array(z.looseObject({ name: z.string(), value: z.string() })).optional(),
  updatedAt: z.string().optional(),
});
