/**
 * Conversations, their notes, and users: create, read, update (PUT and PATCH, both partial), a
 * customer's conversations, a conversation's notes. Paths follow Kustomer's REST reference; the ones
 * not confirmed there are listed in inferred-api.ts. Bodies are checked by the store (zod schemas in
 * store/body-schemas.ts); each create or change raises its standard event.
 */
import type { JsonObject } from '../../../compiler/json.js';
import type { ConversationRecord, NoteRecord, UserRecord } from '../runtime/host.js';
import { RESOURCE_TYPES } from '../inferred-api.js';
import {
  fail,
  objectBody,
  paginate,
  resourceObject,
  single,
  type ApiRequest,
  type ResourceObject,
  type Route,
} from '../server/http.js';

export function conversationResource(record: ConversationRecord): ResourceObject {
  const { id, customer, ...attributes } = record;
  return resourceObject(
    RESOURCE_TYPES.conversation,
    id,
    attributes as unknown as JsonObject,
    `/v1/conversations/${id}`,
    {
      customer: { data: { type: 'customer', id: customer }, links: { self: `/v1/customers/${customer}` } },
    },
  );
}

export function noteResource(record: NoteRecord): ResourceObject {
  const { id, conversation, customer, ...attributes } = record;
  return resourceObject(RESOURCE_TYPES.note, id, attributes as unknown as JsonObject, `/v1/notes/${id}`, {
    conversation: {
      data: { type: 'conversation', id: conversation },
      links: { self: `/v1/conversations/${conversation}` },
    },
    customer: { data: { type: 'customer', id: customer }, links: { self: `/v1/customers/${customer}` } },
  });
}

export function userResource(record: UserRecord): ResourceObject {
  const { id, ...attributes } = record;
  return resourceObject(RESOURCE_TYPES.user, id, attributes as unknown as JsonObject, `/v1/users/${id}`);
}

function requireConversation(req: ApiRequest, id: string): ConversationRecord {
  const record = req.store.getConversation(id);
  if (!record) fail(404, 'not_found', `conversation ${id} not found`);
  return record;
}

const updateConversation = (req: ApiRequest) =>
  single(200, conversationResource(req.store.updateConversation(req.params[0]!, objectBody(req))));

export const conversationRoutes: Route[] = [
  {
    method: 'POST',
    pattern: /^\/v1\/conversations$/,
    handler: (req) => single(201, conversationResource(req.store.createConversation(objectBody(req)))),
  },
  {
    method: 'GET',
    pattern: /^\/v1\/conversations\/([^/]+)$/,
    handler: (req) => single(200, conversationResource(requireConversation(req, req.params[0]!))),
  },
  { method: 'PUT', pattern: /^\/v1\/conversations\/([^/]+)$/, handler: updateConversation },
  { method: 'PATCH', pattern: /^\/v1\/conversations\/([^/]+)$/, handler: updateConversation },
  {
    method: 'GET',
    pattern: /^\/v1\/customers\/([^/]+)\/conversations$/,
    handler: (req) => {
      const id = req.params[0]!;
      if (!req.store.getCustomer(id)) fail(404, 'not_found', `customer ${id} not found`);
      return paginate(req, req.store.state.conversations.filter((c) => c.customer === id).map(conversationResource));
    },
  },
  {
    method: 'POST',
    pattern: /^\/v1\/conversations\/([^/]+)\/notes$/,
    handler: (req) => single(201, noteResource(req.store.createNote(req.params[0]!, objectBody(req)))),
  },
  {
    method: 'GET',
    pattern: /^\/v1\/conversations\/([^/]+)\/notes$/,
    handler: (req) => paginate(req, req.store.notesOf(requireConversation(req, req.params[0]!).id).map(noteResource)),
  },
  {
    method: 'GET',
    pattern: /^\/v1\/notes\/([^/]+)$/,
    handler: (req) => {
      const note = req.store.state.notes.find((n) => n.id === req.params[0]);
      if (!note) fail(404, 'not_found', `note ${req.params[0]} not found`);
      return single(200, noteResource(note));
    },
  },
  { method: 'GET', pattern: /^\/v1\/users$/, handler: (req) => paginate(req, req.store.state.users.map(userResource)) },
  {
    method: 'POST',
    pattern: /^\/v1\/users$/,
    handler: (req) => single(201, userResource(req.store.createUser(objectBody(req)))),
  },
  {
    method: 'GET',
    pattern: /^\/v1\/users\/([^/]+)$/,
    handler: (req) => {
      const user = req.store.getUser(req.params[0]!);
      if (!user) fail(404, 'not_found', `user ${req.params[0]} not found`);
      return single(200, userResource(user));
    },
  },
];
