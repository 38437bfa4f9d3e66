/**
 * Conversation, note and user actions of Kustomer's system app (kustomer-api.md §3.4, params as seen
 * in exports): conversation find-by-id / create / update (`{id, status, queue, subStatus, custom,
 * priority}`), note create (`{conversation, body, userMentions}`), user find-by-id. Outputs are the
 * records, as the customer actions' are; "not found" is the inferred empty output.
 */
import { HostError } from '../host.js';
import { notFoundOutput } from '../inferred-semantics.js';
import { asParams, omit, requireString, snapshot, type ActionHandler } from './params.js';

const FIND = 'kustomer.conversation.find-by-id';
const CREATE = 'kustomer.conversation.create';
const UPDATE = 'kustomer.conversation.update';
const NOTE_CREATE = 'kustomer.note.create';
const USER_FIND = 'kustomer.user.find-by-id';

export const conversationActions: Record<string, ActionHandler> = {
  [FIND]: (raw, ctx) => {
    const found = ctx.host.getConversation(requireString(asParams(raw, FIND), 'id', FIND));
    return found === undefined ? notFoundOutput() : snapshot(found);
  },

  // Params are the `POST /v1/conversations` body itself (`customer` required).
  [CREATE]: (raw, ctx) => {
    const params = asParams(raw, CREATE);
    requireString(params, 'customer', CREATE);
    return snapshot(ctx.host.createConversation({ ...params }));
  },

  [UPDATE]: (raw, ctx) => {
    const params = asParams(raw, UPDATE);
    const id = requireString(params, 'id', UPDATE);
    if (!ctx.host.getConversation(id)) throw new HostError(`conversation ${id} not found`, 404);
    return snapshot(ctx.host.updateConversation(id, omit(params, ['id'])));
  },

  [NOTE_CREATE]: (raw, ctx) => {
    const params = asParams(raw, NOTE_CREATE);
    const conversation = requireString(params, 'conversation', NOTE_CREATE);
    requireString(params, 'body', NOTE_CREATE);
    return snapshot(ctx.host.createNote(conversation, omit(params, ['conversation'])));
  },

  [USER_FIND]: (raw, ctx) => {
    const found = ctx.host.getUser(requireString(asParams(raw, USER_FIND), 'id', USER_FIND));
    return found === undefined ? notFoundOutput() : snapshot(found);
  },
};
