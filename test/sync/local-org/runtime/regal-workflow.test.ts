/**
 * The Regal guide's workflow (seed 000 + 001): check the event name, find the customer by external
 * id, create the customer when it does not exist, then create a KObject on the customer's timeline
 * with the event's properties mapped to the Klass's custom attributes.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { JsonObject } from '../../../../compiler/json.js';
import { runWorkflow } from '../../../../sync/local-org/runtime/index.js';
import { hookTransaction, memoryHost } from './memory-host.js';

const p = (field: string) => `/#steps.1.attributes.data.properties.${field}`;
const kobjectParams = (customer: string) => ({
  customer,
  klassName: 'regal-call',
  title:
    '{{{steps.1.attributes.data.properties.direction}}} call with {{{steps.1.attributes.data.properties.agent_fullname}}}',
  externalId: p('call_id'),
  data: '/#steps.1.attributes.data',
  tags: p('tags'),
  custom: {
    callIdStr: p('call_id'),
    directionStr: p('direction'),
    dispositionStr: p('disposition'),
    talkTimeNum: p('talk_time'),
    wrapupTimeNum: p('wrapup_time'),
    notesTxt: p('notes'),
    campaignNameStr: p('campaign_name'),
  },
});

const regalCallWorkflow = {
  name: 'regal-call-completed',
  description: 'Regal call.completed → regal-call KObject [managed by kac: regal]',
  enabled: true,
  meta: { displayName: 'Regal: call completed' },
  trigger: {
    id: '1',
    eventName: 'kustomer.hooks.web.5a345109e578360010eaa1ad.receive',
    transitions: [
      {
        target: 'findCustomer',
        condition: { op: 'eq', values: ['/#steps.1.attributes.data.event', 'call.completed'] },
        meta: { name: 'Call completed' },
      },
    ],
  },
  steps: [
    {
      id: 'findCustomer',
      action: 'kustomer.customer.find-by-external-id',
      params: { externalId: '/#steps.1.attributes.data.externalId' },
      transitions: [
        {
          target: 'createCall',
          condition: { op: 'exists', values: ['/#steps.findCustomer.id', ''] },
          meta: { name: 'Customer exists' },
        },
        {
          target: 'createCustomer',
          condition: { op: 'dne', values: ['/#steps.findCustomer.id'] },
          meta: { name: 'No customer' },
        },
      ],
      errorCases: [],
    },
    {
      id: 'createCustomer',
      action: 'kustomer.customer.create',
      params: {
        externalId: '/#steps.1.attributes.data.externalId',
        emails: [{ email: '/#steps.1.attributes.data.traits.email' }],
        phones: [{ phone: '/#steps.1.attributes.data.traits.phone' }],
      },
      transitions: [{ target: 'createCallForNew', condition: { op: 'true', values: [true] } }],
      errorCases: [],
    },
    {
      id: 'createCall',
      action: 'kustomer.kobject.create-with-customer',
      params: kobjectParams('/#steps.findCustomer.id'),
      transitions: [],
      errorCases: [],
    },
    {
      id: 'createCallForNew',
      action: 'kustomer.kobject.create-with-customer',
      params: kobjectParams('/#steps.createCustomer.id'),
      transitions: [],
      errorCases: [],
    },
  ],
} as unknown as JsonObject;

const callCompleted = (callId: string) => ({
  event: 'call.completed',
  externalId: '12345',
  originalTimestamp: '2021-11-11T15:30:08.000Z',
  traits: { email: 'lead@example.test', phone: '+19545552399' },
  properties: {
    agent_fullname: 'Regal Voice Circle Bank',
    call_id: callId,
    campaign_name: 'Phone Lead - Call 1',
    direction: 'OUTBOUND',
    disposition: 'Converted During Convo',
    notes: "Customer will call us back when she's ready",
    tags: ['Discount Applied', 'Happy'],
    talk_time: 15,
    wrapup_time: 4,
  },
});

const regal = suite('runWorkflow: Regal call.completed');

regal('unknown customer: created, then exactly one KObject linked to it with the mapped attributes', async () => {
  const host = memoryHost({ klasses: ['regal-call'] });
  const log = await runWorkflow(regalCallWorkflow, hookTransaction(callCompleted('WT1')), host);
  assert.is(log.status, 'completed', log.error);
  assert.equal(
    log.steps.map((s) => [s.id, s.transitionLabel]),
    [
      ['1', 'Call completed'],
      ['findCustomer', 'No customer'],
      ['createCustomer', undefined],
      ['createCallForNew', undefined],
    ],
  );
  assert.is(host.customers.length, 1);
  const customer = host.customers[0]!;
  assert.equal(
    [customer.externalId, customer.emails, customer.phones],
    ['12345', [{ email: 'lead@example.test' }], [{ phone: '+19545552399' }]],
  );
  assert.is(host.kobjects.length, 1);
  const kobject = host.kobjects[0]!;
  assert.is(kobject.customer, customer.id);
  assert.is(kobject.klassName, 'regal-call');
  assert.is(kobject.title, 'OUTBOUND call with Regal Voice Circle Bank');
  assert.is(kobject.externalId, 'WT1');
  assert.equal(kobject.tags, ['Discount Applied', 'Happy']);
  assert.equal(kobject.data, callCompleted('WT1'));
  assert.equal(kobject.custom, {
    callIdStr: 'WT1',
    directionStr: 'OUTBOUND',
    dispositionStr: 'Converted During Convo',
    talkTimeNum: 15,
    wrapupTimeNum: 4,
    notesTxt: "Customer will call us back when she's ready",
    campaignNameStr: 'Phone Lead - Call 1',
  });
});

regal('known customer: found, no new customer, the KObject goes on the existing timeline', async () => {
  const host = memoryHost({ klasses: ['regal-call'] });
  await runWorkflow(regalCallWorkflow, hookTransaction(callCompleted('WT1')), host);
  const log = await runWorkflow(regalCallWorkflow, hookTransaction(callCompleted('WT2')), host);
  assert.equal(
    log.steps.map((s) => s.id),
    ['1', 'findCustomer', 'createCall'],
  );
  assert.is(host.customers.length, 1);
  assert.equal(
    host.kobjects.map((k) => [k.externalId, k.customer]),
    [
      ['WT1', host.customers[0]!.id],
      ['WT2', host.customers[0]!.id],
    ],
  );
});

regal('another event name: no-match, nothing is created', async () => {
  const host = memoryHost({ klasses: ['regal-call'] });
  const log = await runWorkflow(
    regalCallWorkflow,
    hookTransaction({ ...callCompleted('WT1'), event: 'sms.sent' }),
    host,
  );
  assert.is(log.status, 'no-match');
  assert.equal([host.customers.length, host.kobjects.length], [0, 0]);
});

regal("the Klass missing in the org: the KObject step fails the run with the store's error", async () => {
  const host = memoryHost();
  const log = await runWorkflow(regalCallWorkflow, hookTransaction(callCompleted('WT1')), host);
  assert.is(log.status, 'failed');
  assert.is(
    log.error,
    'step "createCallForNew" (kustomer.kobject.create-with-customer): Klass regal-call does not exist (HTTP 404)',
  );
  assert.is(host.customers.length, 1); // Kustomer has no transactions across steps either
});

regal.run();
