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

export const UserBodySchema = z.looseObject({
  name: z.string().min(1),
  displayName: z.string().optional(),
  email: z.string().min(3),
});

/** The parsed body, or every problem found (zod issues plus custom-attribute type checks). */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): { ok: true; value: z.infer<S> } | { ok: false; errors: ApiErrorObject[] } {
  const result = schema.safeParse(body);
  const errors: ApiErrorObject[] = result.success ? [] : result.error.issues.map(issueError);
  if (body !== null && typeof body === 'object' && 'custom' in body) errors.push(...validateCustomValues((body as { custom: unknown }).custom));
  if (errors.length > 0 || !result.success) return { ok: false, errors };
  return { ok: true, value: result.data };
}

function issueError(issue: z.core.$ZodIssue): ApiErrorObject {
  const path = issue.path.map(String);
  const field = path.length > 0 ? path.join('.') : 'body';
  return { status: 400, code: 'invalid', title: 'Invalid request', detail: `${field}: ${issue.message}`, source: { pointer: `/${path.join('/')}` } };
}
