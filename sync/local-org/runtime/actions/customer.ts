/**
 * Customer actions of Kustomer's system app: find by external id / email / phone (the record, or
 * the inferred "not found" output), create (body as `POST /v1/customers`), update (`{id, ...}`).
 */
import { HostError } from '../host.js';
import { notFoundOutput } from '../inferred-semantics.js';
import type { ActionContext } from '../types.js';
import { asParams, omit, requireString, snapshot, type ActionHandler } from './params.js';

function finder(action: string, param: string, find: (ctx: ActionContext, value: string) => unknown): ActionHandler {
  return (raw, ctx) => {
    const value = requireString(asParams(raw, action), param, action);
    const found = find(ctx, value);
    return found === undefined ? notFoundOutput() : snapshot(found);
  };
}

export const customerActions: Record<string, ActionHandler> = {
  'kustomer.customer.find-by-external-id': finder('kustomer.customer.find-by-external-id', 'externalId', (ctx, v) =>
    ctx.host.findCustomerByExternalId(v),
  ),
  'kustomer.customer.find-by-email': finder('kustomer.customer.find-by-email', 'email', (ctx, v) =>
    ctx.host.findCustomerByEmail(v),
  ),
  'kustomer.customer.find-by-phone': finder('kustomer.customer.find-by-phone', 'phone', (ctx, v) =>
    ctx.host.findCustomerByPhone(v),
  ),

  // Params are the `POST /v1/customers` body itself (unset references already dropped).
  'kustomer.customer.create': (raw, ctx) =>
    snapshot(ctx.host.createCustomer({ ...asParams(raw, 'kustomer.customer.create') })),

  'kustomer.customer.update': (raw, ctx) => {
    const action = 'kustomer.customer.update';
    const params = asParams(raw, action);
    const id = requireString(params, 'id', action);
    if (!ctx.host.getCustomer(id)) throw new HostError(`customer ${id} not found`, 404);
    return snapshot(ctx.host.updateCustomer(id, omit(params, ['id'])));
  },
};
