/**
 * Zod schemas of the request bodies the local org accepts for customers, conversations and notes,
 * and `parseBody`, which turns every problem into a JSON:API-like error naming the field
 * (`source.pointer` `/emails/0/email`). Bodies are loose: keys kac does not model are kept verbatim.
 */
import { z } from 'zod';
import type { ApiErrorObject } from '../inferred-api.js';
import { validateCustomValues } from './validate.js';

const optionalText = z.string().nullish();
const stringList = z.array(z.string());

export const CustomerBodySchema = z.looseObject({
  name: optionalText,
  externalId: optionalText,
  emails: z.array(z.looseObject({ email: z.string(), type: z.string().optional() })).optional(),
  phones: z.array(z.looseObject({ phone: z.string(), type: z.string().optional() })).optional(),
  tags: stringList.optional(),
  custom: z.record(z.string(), z.unknown()).nullish(),
});
export type CustomerBody = z.infer<typeof CustomerBodySchema>;

export const ConversationBodySchema = z.looseObject({
  customer: z.string().min(1).optional(),
  name: optionalText,
  externalId: optionalText,
  status: z.enum(['open', 'snoozed', 'done']).optional(),
  subStatus: optionalText,
  // Kustomer's priorities are 1 (lowest) to 5 (urgent); exports send numbers.
  priority: z.coerce.number().int().min(1).max(5).optional(),
  assignedUsers: stringList.optional(),
  assignedTeams: stringList.optional(),
  tags: stringList.optional(),
  custom: z.record(z.string(), z.unknown()).nullish(),
});
export type ConversationBody = z.infer<typeof ConversationBodySchema>;

export const NoteBodySchema = z.looseObject({
  body: z.string().min(1, 'body is required and must be a non-empty string'),
  externalId: optionalText,
  userMentions: z.array(z.looseObject({ user: z.string() })).optional(),
});
export type NoteBody = z.infer<typeof NoteBodySchema>;

const kobjectFields = {
  externalId: z.string({ error: 'must be a string' }).nullish(),
  description: z.string({ error: 'must be a string' }).nullish(),
  tags: z.array(z.string(), { error: 'must be a list of strings' }).optional(),
  custom: z.record(z.string(), z.unknown()).nullish(),
};

/** `POST /v1/klasses/{name}` (and the customer-linked create): `title` is required. */
export const KObjectCreateBodySchema = z.looseObject({
  title: z
    .string({ error: 'is required and must be a non-empty string' })
    .min(1, { error: 'is required and must be a non-empty string' }),
  ...kobjectFields,
});

/** `PUT /v1/klasses/{name}/{id}`: partial, but a title sent must not be empty. */
export const KObjectUpdateBodySchema = z.looseObject({
  title: z.string({ error: 'must be a non-empty string' }).min(1, { error: 'must be a non-empty string' }).optional(),
  ...kobjectFields,
});

export const UserBodySchema = z.looseObject({
  name: z.string().min(1),
  displayName: z.string().optional(),
  email: z.string().min(3),
});

const requiredText = (field: string, max: number) => {
  const required = `${field} is required and must be a non-empty string`;
  return z
    .string({ error: required })
    .min(1, { error: required })
    .max(max, { error: `${field} must be at most ${max} characters` });
};
const isHeaderList = (value: unknown) =>
  Array.isArray(value) &&
  value.every(
    (h) =>
      h !== null &&
      typeof h === 'object' &&
      typeof (h as { name?: unknown }).name === 'string' &&
      typeof (h as { value?: unknown }).value === 'string',
  );

/** Outbound webhooks (docs §5.1): name ≤ 255, https url ≤ 255, 1..12 events, headers `[{name, value}]`. */
export const OutboundWebhookBodySchema = z.strictObject({
  name: requiredText('name', 255),
  url: requiredText('url', 255).regex(/^https:\/\/[^\s/]+/, { error: 'url must be an https:// URL' }),
  events: z
    .array(z.string(), { error: 'events is required and must be a non-empty list of event names' })
    .min(1, { error: 'events is required and must be a non-empty list of event names' })
    .max(12, { error: (issue) => `at most 12 events are allowed, got ${(issue.input as unknown[]).length}` }),
  headers: z.unknown().refine(isHeaderList, { error: 'headers must be a list of { name, value } strings' }).optional(),
  enabled: z.boolean({ error: 'enabled must be a boolean' }).optional(),
});

/** Inbound hooks: only a name (≤ 255) and a description are the client's. */
export const HookBodySchema = z.strictObject({
  name: requiredText('name', 255),
  description: z.string({ error: 'description must be a string' }).optional(),
});

/** Klasses (docs "Key fields"): names of letters, digits, `_` and `-`; `status` enabled or disabled. */
const klassName = z
  .string({ error: 'name is required and may contain only letters, digits, "_" and "-"' })
  .regex(/^[A-Za-z0-9_-]+$/, { error: 'name is required and may contain only letters, digits, "_" and "-"' });
export const KlassBodySchema = z.strictObject({
  name: klassName,
  displayName: z.string({ error: 'displayName must be a string' }).optional(),
  icon: z.string({ error: 'icon must be a string' }).optional(),
  color: z.string({ error: 'color must be a string' }).optional(),
  jsonSchema: z.unknown().optional(),
  klassSchema: z.unknown().optional(),
  mixins: z.array(z.unknown(), { error: 'mixins must be a list' }).optional(),
  status: z.enum(['enabled', 'disabled'], { error: 'status must be "enabled" or "disabled"' }).optional(),
});

/** A workflow's root fields the local org checks; the document itself is loose (steps: validateWorkflowGraph). */
export const WorkflowBodySchema = z.looseObject({
  name: requiredText('name', 255),
  description: z.string({ error: 'description must be a string' }).optional(),
  enabled: z.boolean({ error: 'enabled must be a boolean' }).optional(),
  meta: z.record(z.string(), z.unknown(), { error: 'meta must be an object' }).optional(),
});

export interface ParseOptions {
  /** A key the schema does not know is refused with this text (strict schemas), e.g. `"x" is not a hook field`. */
  unknownKey?: (key: string) => string;
}

/** The parsed body, or every problem found (zod issues plus custom-attribute type checks). */
export function parseBody<S extends z.ZodType>(
  schema: S,
  body: unknown,
  options: ParseOptions = {},
): { ok: true; value: z.infer<S> } | { ok: false; errors: ApiErrorObject[] } {
  const result = schema.safeParse(body);
  const errors: ApiErrorObject[] = result.success
    ? []
    : result.error.issues.flatMap((issue) => issueErrors(issue, options));
  // Custom attribute values are typed by their name's suffix; zod has already said so if `custom` is not an object.
  if (
    body !== null &&
    typeof body === 'object' &&
    'custom' in body &&
    !errors.some((e) => e.source?.pointer === '/custom')
  ) {
    errors.push(...validateCustomValues((body as { custom: unknown }).custom));
  }
  if (errors.length > 0 || !result.success) return { ok: false, errors };
  return { ok: true, value: result.data };
}

/** One error per issue (one per key for unknown keys), the field in its pointer and its text. */
function issueErrors(issue: z.core.$ZodIssue, options: ParseOptions): ApiErrorObject[] {
  const path = issue.path.map(String);
  const error = (pointer: string[], detail: string): ApiErrorObject => ({
    status: 400,
    code: 'invalid',
    title: 'Invalid request',
    detail,
    source: { pointer: `/${pointer.join('/')}` },
  });
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) =>
      error([...path, key], options.unknownKey ? options.unknownKey(key) : `"${key}" is not a known field`),
    );
  }
  const field = path.length > 0 ? path.join('.') : 'body';
  // Messages written for a schema name their field ("at most 12 events ..."); zod's own do not.
  const named = path.length > 0 && issue.message.includes(String(path.at(-1)));
  return [error(path, named ? issue.message : `${field}: ${issue.message}`)];
}
