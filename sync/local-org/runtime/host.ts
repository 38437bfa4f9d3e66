/**
 * What the workflow runtime needs from the local org's store. The store implements it; the runtime
 * never touches HTTP or files. Records are the JSON:API `attributes` plus `id`, as Kustomer's
 * workflow actions output them.
 */
export interface CustomerRecord {
  id: string;
  name?: string | null;
  externalId?: string | null;
  emails: { email: string; type?: string }[];
  phones: { phone: string; type?: string }[];
  custom: Record<string, unknown>;
  tags: string[];
  createdAt: string;
  updatedAt: string;
}

export interface KObjectRecord {
  id: string;
  klassName: string;
  customer?: string;
  externalId?: string | null;
  title: string;
  description?: string | null;
  data: unknown;
  custom: Record<string, unknown>;
  tags: string[];
  createdAt: string;
  updatedAt: string;
}

export interface ConversationRecord {
  id: string;
  /** The customer the conversation belongs to (required by Kustomer's create). */
  customer: string;
  name?: string | null;
  externalId?: string | null;
  status: string;
  subStatus?: string | null;
  priority: number;
  queue?: unknown;
  assignedUsers: string[];
  assignedTeams: string[];
  tags: string[];
  custom: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

export interface NoteRecord {
  id: string;
  conversation: string;
  customer: string;
  body: string;
  externalId?: string | null;
  userMentions: unknown[];
  createdAt: string;
  updatedAt: string;
}

export interface UserRecord {
  id: string;
  name: string;
  displayName: string;
  email: string;
  createdAt: string;
  updatedAt: string;
}

/** Thrown by the host for a request Kustomer would refuse (unknown Klass, wrong attribute type ...). */
export class HostError extends Error {
  constructor(
    message: string,
    readonly status: number = 400,
  ) {
    super(message);
    this.name = 'HostError';
  }
}

export interface RuntimeHost {
  findCustomerByExternalId(externalId: string): CustomerRecord | undefined;
  findCustomerByEmail(email: string): CustomerRecord | undefined;
  findCustomerByPhone(phone: string): CustomerRecord | undefined;
  getCustomer(id: string): CustomerRecord | undefined;
  /** Body as `POST /v1/customers`: `{ name, externalId, emails: [{email}], phones: [{phone}], custom }`. */
  createCustomer(body: Record<string, unknown>): CustomerRecord;
  updateCustomer(id: string, body: Record<string, unknown>): CustomerRecord;
  /** Body as `POST /v1/klasses/{name}` (or `/v1/customers/{id}/klasses/{name}` with `customer`). */
  createKObject(klassName: string, body: Record<string, unknown>): KObjectRecord;
  updateKObject(klassName: string, id: string, body: Record<string, unknown>): KObjectRecord;
  getKObject(klassName: string, id: string): KObjectRecord | undefined;
  findKObjectByExternalId(klassName: string, externalId: string): KObjectRecord | undefined;
  /** Body as `POST /v1/conversations`: `{ customer, name, status, priority, custom, tags ... }`. */
  createConversation(body: Record<string, unknown>): ConversationRecord;
  updateConversation(id: string, body: Record<string, unknown>): ConversationRecord;
  getConversation(id: string): ConversationRecord | undefined;
  /** Body as `POST /v1/conversations/{id}/notes`: `{ body, userMentions, externalId }`. */
  createNote(conversationId: string, body: Record<string, unknown>): NoteRecord;
  getUser(id: string): UserRecord | undefined;
  /** The clock, injectable for deterministic tests. */
  now(): Date;
}
