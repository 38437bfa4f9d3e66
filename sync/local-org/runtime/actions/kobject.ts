/**
 * KObject actions: create with customer (`POST /v1/customers/{customer}/klasses/{klassName}` as the
 * system app declares it), create, update, find by external id. Only the KObject body fields are
 * copied from params into the body (inferred.ts KOBJECT_BODY_FIELDS), as the action's input template
 * does; `klassName` and `id` address the object, they are not part of it.
 */
import { HostError } from '../host.js';
import { KOBJECT_BODY_FIELDS, notFoundOutput } from '../inferred-semantics.js';
import { asParams, pick, requireString, snapshot, type ActionHandler } from './params.js';

const CREATE = 'kustomer.kobject.create';
const CREATE_WITH_CUSTOMER = 'kustomer.kobject.create-with-customer';
const UPDATE = 'kustomer.kobject.update';
const FIND_BY_EXTERNAL_ID = 'kustomer.kobject.find-by-external-id';

const LINK_FIELDS = ['customer', 'company'] as const;

export const kobjectActions: Record<string, ActionHandler> = {
  [CREATE_WITH_CUSTOMER]: (raw, ctx) => {
    const params = asParams(raw, CREATE_WITH_CUSTOMER);
    const customer = requireString(params, 'customer', CREATE_WITH_CUSTOMER);
    const klassName = requireString(params, 'klassName', CREATE_WITH_CUSTOMER);
    // The real endpoint is addressed by the customer's id, so an unknown customer is a 404.
    if (!ctx.host.getCustomer(customer)) throw new HostError(`customer ${customer} not found`, 404);
    return snapshot(ctx.host.createKObject(klassName, { ...pick(params, KOBJECT_BODY_FIELDS), customer }));
  },

  [CREATE]: (raw, ctx) => {
    const params = asParams(raw, CREATE);
    const klassName = requireString(params, 'klassName', CREATE);
    return snapshot(ctx.host.createKObject(klassName, pick(params, [...KOBJECT_BODY_FIELDS, ...LINK_FIELDS])));
  },

  [UPDATE]: (raw, ctx) => {
    const params = asParams(raw, UPDATE);
    const id = requireString(params, 'id', UPDATE);
    const klassName = requireString(params, 'klassName', UPDATE);
    if (!ctx.host.getKObject(klassName, id)) throw new HostError(`${klassName} KObject ${id} not found`, 404);
    return snapshot(ctx.host.updateKObject(klassName, id, pick(params, [...KOBJECT_BODY_FIELDS, ...LINK_FIELDS])));
  },

  [FIND_BY_EXTERNAL_ID]: (raw, ctx) => {
    const params = asParams(raw, FIND_BY_EXTERNAL_ID);
    const klassName = requireString(params, 'klassName', FIND_BY_EXTERNAL_ID);
    const externalId = requireString(params, 'externalId', FIND_BY_EXTERNAL_ID);
    const found = ctx.host.findKObjectByExternalId(klassName, externalId);
    return found === undefined ? notFoundOutput() : snapshot(found);
  },
};
