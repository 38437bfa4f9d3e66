/**
 * The local org's state file (`<stateDir>/org.json`) and its run logs as zod schemas: a file that
 * does not match is refused naming the file, the field and what was expected, never silently reset.
 * Each schema is checked against the type the store and runtime use (`satisfies`), so the two cannot
 * drift apart. Objects are loose: a field this version does not know is kept, never dropped on the next save.
 */
import { z } from 'zod';
import type { JsonObject } from '../../../compiler/json.js';
import type { ConversationRecord, CustomerRecord, KObjectRecord, NoteRecord, UserRecord } from '../runtime/host.js';
import type { StepLog, WorkflowRunLog } from '../runtime/types.js';
import type { HookRow, OrgState, Row, ScheduledCall, StoredRun } from './state.js';

const JsonObjectSchema = z.record(z.string(), z.json()) as z.ZodType<JsonObject>;

const RowSchema = z.looseObject({ id: z.string(), attributes: JsonObjectSchema }) satisfies z.ZodType<Row>;
const HookRowSchema = RowSchema.extend({
  kind: z.enum(['web', 'form']),
  hash: z.string(),
}) satisfies z.ZodType<HookRow>;

const CustomerRecordSchema = z.looseObject({
  id: z.string(),
  name: z.string().nullish(),
  externalId: z.string().nullish(),
  emails: z.array(z.looseObject({ email: z.string(), type: z.string().optional() })),
  phones: z.array(z.looseObject({ phone: z.string(), type: z.string().optional() })),
  custom: z.record(z.string(), z.unknown()),
  tags: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
}) satisfies z.ZodType<CustomerRecord>;

const KObjectRecordSchema = z
  .looseObject({
    id: z.string(),
    klassName: z.string(),
    customer: z.string().optional(),
    externalId: z.string().nullish(),
    title: z.string(),
    description: z.string().nullish(),
    data: z.unknown().optional(),
    custom: z.record(z.string(), z.unknown()),
    tags: z.array(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  // `data` may be absent from the file (undefined is not JSON); the record always has the key.
  .transform((k): KObjectRecord => ({ ...k, data: k.data })) satisfies z.ZodType<KObjectRecord, unknown>;

const ConversationRecordSchema = z.looseObject({
  id: z.string(),
  customer: z.string(),
  name: z.string().nullish(),
  externalId: z.string().nullish(),
  status: z.string(),
  subStatus: z.string().nullish(),
  priority: z.number(),
  queue: z.unknown().optional(),
  assignedUsers: z.array(z.string()),
  assignedTeams: z.array(z.string()),
  tags: z.array(z.string()),
  custom: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  updatedAt: z.string(),
}) satisfies z.ZodType<ConversationRecord>;

const NoteRecordSchema = z.looseObject({
  id: z.string(),
  conversation: z.string(),
  customer: z.string(),
  body: z.string(),
  externalId: z.string().nullish(),
  userMentions: z.array(z.unknown()),
  createdAt: z.string(),
  updatedAt: z.string(),
}) satisfies z.ZodType<NoteRecord>;

const UserRecordSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  displayName: z.string(),
  email: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
}) satisfies z.ZodType<UserRecord>;

const ScheduledCallSchema = z.looseObject({
  id: z.string(),
  workflowId: z.string(),
  inputs: JsonObjectSchema,
  runAt: z.string(),
  scheduledBy: z.string().optional(),
}) satisfies z.ZodType<ScheduledCall>;

const StepLogSchema = z.looseObject({
  id: z.string(),
  action: z.string().optional(),
  params: z.unknown().optional(),
  output: z.unknown().optional(),
  error: z.string().optional(),
  next: z.string().optional(),
  transitionLabel: z.string().optional(),
}) satisfies z.ZodType<StepLog>;

export const WorkflowRunLogSchema = z.looseObject({
  id: z.string(),
  workflowId: z.string().optional(),
  workflowName: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  status: z.enum(['completed', 'failed', 'no-match']),
  steps: z.array(StepLogSchema),
  error: z.string().optional(),
}) satisfies z.ZodType<WorkflowRunLog>;

export const StoredRunSchema = z.looseObject({
  hookId: z.string().optional(),
  eventName: z.string(),
  log: WorkflowRunLogSchema,
}) satisfies z.ZodType<StoredRun>;

export const OrgStateSchema = z.looseObject({
  version: z.literal(1),
  orgId: z.string(),
  userId: z.string(),
  token: z.string(),
  klasses: z.array(RowSchema),
  metadata: z.record(z.string(), JsonObjectSchema),
  workflows: z.array(RowSchema),
  hooks: z.array(HookRowSchema),
  outboundWebhooks: z.array(RowSchema),
  customers: z.array(CustomerRecordSchema),
  kobjects: z.array(KObjectRecordSchema),
  // Lists added after version 1 was first written: older state files have none of them.
  conversations: z.array(ConversationRecordSchema).default([]),
  notes: z.array(NoteRecordSchema).default([]),
  users: z.array(UserRecordSchema).default([]),
  scheduled: z.array(ScheduledCallSchema).default([]),
  runs: z.array(StoredRunSchema),
}) satisfies z.ZodType<OrgState>;
