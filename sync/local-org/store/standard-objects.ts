/**
 * Conversations, notes and users: the standard objects beside customers that real workflows read and
 * write (`kustomer.conversation.*`, `kustomer.note.create`, `kustomer.user.find-by-id`). The store
 * extends this class; bodies are checked with the zod schemas in body-schemas.ts, and every create
 * or change raises its standard event.
 */
import type { z } from 'zod';
import type { JsonObject } from '../../../compiler/json.js';
import {
  HostError,
  type ConversationRecord,
  type CustomerRecord,
  type NoteRecord,
  type UserRecord,
} from '../runtime/host.js';
import type { ApiErrorObject } from '../inferred-api.js';
import { ConversationBodySchema, NoteBodySchema, parseBody, UserBodySchema } from './body-schemas.js';
import { changedFields, type StandardObject } from './events.js';
import type { OrgState } from './state.js';

/** Fields a client may echo back from a read but never sets. */
const SERVER_FIELDS = ['id', 'createdAt', 'updatedAt'];

export abstract class StandardObjects {
  abstract state: OrgState;
  abstract isoNow(): string;
  abstract newId(): string;
  abstract changed(): void;
  abstract getCustomer(id: string): CustomerRecord | undefined;
  abstract emit(object: StandardObject, change: 'create' | 'update', record: object, changes?: JsonObject): void;

  // --- conversations ---

  getConversation(id: string): ConversationRecord | undefined {
    return this.state.conversations.find((c) => c.id === id);
  }

  createConversation(body: Record<string, unknown>): ConversationRecord {
    const value = parsed(ConversationBodySchema, body);
    if (value.customer === undefined)
      invalid([
        {
          status: 400,
          code: 'invalid',
          title: 'Invalid request',
          detail: 'customer: a conversation needs its customer id',
          source: { pointer: '/customer' },
        },
      ]);
    if (!this.getCustomer(value.customer)) throw new HostError(`customer ${value.customer} not found`, 404);
    const now = this.isoNow();
    const { custom, ...rest } = withoutServerFields(value);
    const record: ConversationRecord = {
      status: 'open',
      priority: 1,
      assignedUsers: [],
      assignedTeams: [],
      tags: [],
      ...rest,
      id: this.newId(),
      customer: value.customer,
      custom: (custom as Record<string, unknown> | null | undefined) ?? {},
      createdAt: now,
      updatedAt: now,
    };
    this.state.conversations.push(record);
    this.changed();
    this.emit('conversation', 'create', record);
    return record;
  }

  /** Partial: fields sent replace the stored ones, `custom` merges per attribute. */
  updateConversation(id: string, body: Record<string, unknown>): ConversationRecord {
    const record = this.getConversation(id);
    if (!record) throw new HostError(`conversation ${id} not found`, 404);
    const { custom, customer, ...rest } = withoutServerFields(parsed(ConversationBodySchema, body));
    if (customer !== undefined && customer !== record.customer) {
      invalid([
        {
          status: 400,
          code: 'immutable',
          title: 'Invalid request',
          detail: "customer: a conversation's customer can't be changed here",
          source: { pointer: '/customer' },
        },
      ]);
    }
    this.applyUpdate('conversation', record, rest, custom);
    return record;
  }

  // --- notes ---

  createNote(conversationId: string, body: Record<string, unknown>): NoteRecord {
    const conversation = this.getConversation(conversationId);
    if (!conversation) throw new HostError(`conversation ${conversationId} not found`, 404);
    const value = parsed(NoteBodySchema, body);
    const now = this.isoNow();
    const record: NoteRecord = {
      ...withoutServerFields(value),
      id: this.newId(),
      conversation: conversation.id,
      customer: conversation.customer,
      body: value.body,
      userMentions: value.userMentions ?? [],
      createdAt: now,
      updatedAt: now,
    };
    for (const [index, mention] of record.userMentions.entries()) {
      const user = (mention as { user: string }).user;
      if (!this.getUser(user)) throw new HostError(`userMentions[${index}]: user ${user} not found`, 404);
    }
    this.state.notes.push(record);
    this.changed();
    this.emit('note', 'create', record);
    return record;
  }

  notesOf(conversationId: string): NoteRecord[] {
    return this.state.notes.filter((n) => n.conversation === conversationId);
  }

  // --- users ---

  getUser(id: string): UserRecord | undefined {
    return this.state.users.find((u) => u.id === id);
  }

  createUser(body: Record<string, unknown>): UserRecord {
    const value = parsed(UserBodySchema, body);
    const now = this.isoNow();
    const record: UserRecord = {
      ...withoutServerFields(value),
      id: this.newId(),
      name: value.name,
      displayName: value.displayName ?? value.name,
      email: value.email,
      createdAt: now,
      updatedAt: now,
    };
    this.state.users.push(record);
    this.changed();
    return record;
  }

  /** The org's own user (the API token's), so `kustomer.user.find-by-id` finds who "made" things. */
  protected ensureOrgUser(): void {
    if (this.getUser(this.state.userId)) return;
    const now = this.isoNow();
    this.state.users.push({
      id: this.state.userId,
      name: 'kac local org',
      displayName: 'kac local org',
      email: 'local-org@kac.invalid',
      createdAt: now,
      updatedAt: now,
    });
  }

  /** Applies a partial update and raises `<object>.update` when anything changed. */
  protected applyUpdate(
    object: StandardObject,
    record: { updatedAt: string; custom: Record<string, unknown> },
    fields: Record<string, unknown>,
    custom: unknown,
  ): void {
    const before = structuredClone(record) as Record<string, unknown>;
    Object.assign(record, fields);
    if (custom !== undefined && custom !== null)
      record.custom = { ...record.custom, ...(custom as Record<string, unknown>) };
    const changes = changedFields(before, record as Record<string, unknown>);
    if (Object.keys(changes).length === 0) return;
    record.updatedAt = this.isoNow();
    this.changed();
    this.emit(object, 'update', record, changes);
  }
}

function parsed<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = parseBody(schema, body);
  if (!result.ok) invalid(result.errors);
  return result.value;
}

function invalid(errors: ApiErrorObject[]): never {
  throw new StoreValidationError(errors);
}

/** Same shape as the store's HostValidationError (the HTTP layer answers with `errors`). */
export class StoreValidationError extends HostError {
  constructor(readonly errors: ApiErrorObject[]) {
    super(errors.map((e) => e.detail ?? e.title).join('; '), errors[0]?.status ?? 400);
  }
}

function withoutServerFields<T extends Record<string, unknown>>(body: T): T {
  return Object.fromEntries(
    Object.entries(body).filter(([k, v]) => !SERVER_FIELDS.includes(k) && v !== undefined),
  ) as T;
}
