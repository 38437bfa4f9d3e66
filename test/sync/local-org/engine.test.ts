/**
 * The local org's workflow engine through the in-memory org: standard-event triggers, callable
 * workflows, scheduled calls on a fake clock, the loop guard, and the actions real workflows use.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createMemoryOrg, type MemoryOrg } from '../../../sync/local-org/memory-org.js';
import { MAX_EVENT_DEPTH } from '../../../sync/local-org/runtime/inferred-semantics.js';

const always = { op: 'true', values: [true] };
const go = (target: string) => [{ target, condition: always }];

function wf(name: string, eventName: string, steps: object[], extra: object = {}) {
  return {
    name,
    enabled: true,
    trigger: { id: '1', eventName, transitions: steps.length > 0 ? go((steps[0] as { id: string }).id) : [], ...extra },
    steps,
  } as never;
}

async function create(org: MemoryOrg, path: string, body: object): Promise<any> {
  const r = await org.request('POST', path, body as never);
  assert.ok(r.status === 201 || r.status === 200, `${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.data;
}

async function orgWithCustomer(options: Parameters<typeof createMemoryOrg>[0] = {}) {
  const org = await createMemoryOrg({ now: () => new Date('2024-05-01T12:00:00.000Z'), ...options });
  const customer = await create(org, '/v1/customers', { name: 'Ada', externalId: 'ext-1' });
  return { org, customer };
}

const triggers = suite('standard-event triggers');

triggers('a conversation update runs its workflow, which calls a callable workflow, which writes a note', async () => {
  const { org, customer } = await orgWithCustomer();
  const callee = await create(org, '/v1/workflows', {
    name: 'write-note',
    enabled: true,
    trigger: {
      id: '1',
      eventName: 'kustomer.workflow.pending.call',
      callable: true,
      schema: {
        properties: { conversationId: { type: 'string' }, text: { type: 'string' } },
        required: ['conversationId'],
      },
      transitions: go('note'),
    },
    response: { schema: { properties: { noteId: { type: 'string' } } } },
    steps: [
      {
        id: 'note',
        action: 'kustomer.note.create',
        params: { conversation: '/#steps.1.conversationId', body: 'VIP: {{{steps.1.text}}}' },
        transitions: go('answer'),
      },
      {
        id: 'answer',
        action: 'kustomer.transform.generic',
        params: { noteId: '/#steps.note.id', extra: 'dropped by the response schema' },
      },
    ],
  });
  await create(
    org,
    '/v1/workflows',
    wf('vip-conversation', 'kustomer.conversation.update', [
      {
        id: 'check',
        transitions: [
          { target: 'call', condition: { op: 'eq', values: ['/#steps.1.changes.attributes.priority.after', 5] } },
        ],
      },
      {
        id: 'call',
        action: `kustomer.workflow.${callee.id}.call`,
        params: { conversationId: '/#steps.1.id', text: '/#steps.1.name' },
        transitions: go('tag'),
      },
      {
        id: 'tag',
        action: 'kustomer.conversation.update',
        params: { id: '/#steps.1.id', tags: ['noted'], custom: { noteIdStr: '/#steps.call.noteId' } },
      },
    ]),
  );
  const conversation = await create(org, '/v1/conversations', { customer: customer.id, name: 'Broken order' });
  assert.equal(org.runs(), [], 'nothing listens to conversation.create');

  const updated = await org.request('PUT', `/v1/conversations/${conversation.id}`, { priority: 5 });
  assert.is(updated.status, 200);
  const [note] = org.notes();
  assert.equal([note?.conversation, note?.customer, note?.body], [conversation.id, customer.id, 'VIP: Broken order']);
  const stored = org.conversations()[0]!;
  assert.equal([stored.tags, stored.custom], [['noted'], { noteIdStr: note!.id }]);
  // The callee's run (recorded as it ends), the caller's, then the caller again for its own tag
  // update, which stops at its branch (priority did not change) and calls nothing.
  assert.equal(
    org.runs().map((r) => [r.log.workflowName, r.eventName, r.depth, r.log.status, r.log.steps.map((s) => s.id)]),
    [
      ['write-note', `kustomer.workflow.${callee.id}.call`, 1, 'completed', ['1', 'note', 'answer']],
      ['vip-conversation', 'kustomer.conversation.update', 0, 'completed', ['1', 'check', 'call', 'tag']],
      ['vip-conversation', 'kustomer.conversation.update', 1, 'completed', ['1', 'check']],
    ],
  );
  assert.is(org.notes().length, 1);
});

triggers('customer and KObject create/update events fire their workflows with the object as step 1', async () => {
  const org = await createMemoryOrg({ now: () => new Date('2024-05-01T12:00:00.000Z') });
  await create(org, '/v1/klasses', { name: 'order' });
  await create(
    org,
    '/v1/workflows',
    wf('on-customer', 'kustomer.customer.create', [
      {
        id: 'k',
        action: 'kustomer.kobject.create-with-customer',
        params: { customer: '/#steps.1.id', klassName: 'order', title: 'Welcome {{{steps.1.name}}}' },
      },
    ]),
  );
  await create(
    org,
    '/v1/workflows',
    wf('on-order', 'kustomer.kobject.order.create', [
      {
        id: 'u',
        action: 'kustomer.customer.update',
        params: { id: '/#steps.1.customer', custom: { firstOrderStr: '/#steps.1.title' } },
      },
    ]),
  );
  await create(
    org,
    '/v1/workflows',
    wf('on-customer-update', 'kustomer.customer.update', [
      {
        id: 'seen',
        action: 'kustomer.transform.generic',
        params: {
          before: '/#steps.1.changes.attributes.custom.before.firstOrderStr',
          after: '/#steps.1.changes.attributes.custom.after.firstOrderStr',
        },
      },
    ]),
  );
  const customer = await create(org, '/v1/customers', { name: 'Bea' });
  assert.equal(org.customers()[0]!.custom, { firstOrderStr: 'Welcome Bea' });
  assert.is(org.kobjects('order')[0]!.customer, customer.id);
  const last = org.runs().at(-1)!;
  assert.equal(
    [last.log.workflowName, last.depth, last.log.steps.at(-1)?.output],
    ['on-customer-update', 2, { after: 'Welcome Bea' }],
  );
  // A disabled workflow does not run.
  const id = org.store.state.workflows.find((w) => w.attributes.name === 'on-customer')!.id;
  await org.request('PUT', `/v1/workflows/${id}`, { enabled: false });
  const before = org.runs().length;
  await create(org, '/v1/customers', { name: 'Cy' });
  assert.is(org.runs().length, before);
});

triggers(`a loop between workflows stops at depth ${MAX_EVENT_DEPTH} and says so`, async () => {
  const { org, customer } = await orgWithCustomer();
  await create(
    org,
    '/v1/workflows',
    wf('count-up', 'kustomer.customer.update', [
      {
        id: 'up',
        action: 'kustomer.customer.update',
        params: { id: '/#steps.1.id', custom: { countStr: '{{math steps.1.custom.countStr "+" 1}}' } },
      },
    ]),
  );
  const r = await org.request('PATCH', `/v1/customers/${customer.id}`, { custom: { countStr: '0' } });
  assert.is(r.status, 200);
  const runs = org.runs();
  assert.is(runs.length, MAX_EVENT_DEPTH + 2);
  assert.ok(runs.slice(0, -1).every((run) => run.log.status === 'completed'));
  assert.equal(
    [runs.at(-1)!.log.status, runs.at(-1)!.log.error],
    [
      'failed',
      `not run: kustomer.customer.update is ${MAX_EVENT_DEPTH + 1} events deep, beyond the local org's limit of ${MAX_EVENT_DEPTH} (a loop between workflows?)`,
    ],
  );
  assert.is(org.customers()[0]!.custom.countStr, String(MAX_EVENT_DEPTH + 1));
});

triggers('an update that changes nothing raises no event', async () => {
  const { org, customer } = await orgWithCustomer();
  await create(
    org,
    '/v1/workflows',
    wf('on-update', 'kustomer.customer.update', [{ id: 't', action: 'kustomer.transform.generic', params: {} }]),
  );
  await org.request('PATCH', `/v1/customers/${customer.id}`, { name: 'Ada' });
  assert.is(org.runs().length, 0);
  await org.request('PATCH', `/v1/customers/${customer.id}`, { name: 'Ada L.' });
  assert.equal(org.runs()[0]!.log.steps[0]!.output, {
    ...org.customers()[0],
    changes: { attributes: { name: { before: 'Ada', after: 'Ada L.' } } },
  });
});

triggers.run();

const calls = suite('callable and scheduled workflows');

calls('POST /v1/workflows/{id}/call runs the callee and answers its response; refusals name the reason', async () => {
  const org = await createMemoryOrg();
  const callee = await create(org, '/v1/workflows', {
    name: 'double',
    enabled: true,
    trigger: { id: '1', eventName: 'kustomer.workflow.x.call', callable: true, transitions: go('calc') },
    steps: [
      {
        id: 'calc',
        action: 'kustomer.transform.generic',
        params: { doubled: '{{math steps.1.n "*" 2}}', n: '/#fn:parseInt,steps.1.text' },
      },
    ],
  });
  const r = await org.request('POST', `/v1/workflows/${callee.id}/call`, { inputs: { n: 21, text: '7 apples' } });
  assert.equal([r.status, r.body.data.attributes.response], [200, { doubled: '42', n: 7 }]);
  const plain = await create(org, '/v1/workflows', wf('plain', 'kustomer.customer.create', []));
  const refused = await org.request('POST', `/v1/workflows/${plain.id}/call`, { inputs: {} });
  assert.equal(
    [refused.status, refused.body.errors[0].detail],
    [400, `workflow "plain" (${plain.id}) is not callable (its trigger is not callable: true)`],
  );
});

calls('a scheduled call runs when the fake clock reaches it, not before', async () => {
  let now = new Date('2024-05-01T12:00:00.000Z');
  const { org, customer } = await orgWithCustomer({ now: () => now });
  const later = await create(org, '/v1/workflows', {
    name: 'follow-up',
    enabled: true,
    trigger: { id: '1', eventName: 'kustomer.workflow.x.call', callable: true, transitions: go('mark') },
    steps: [
      {
        id: 'mark',
        action: 'kustomer.customer.update',
        params: {
          id: '/#steps.1.customerId',
          custom: { followedUpAt: "{{date 'minutes' count=0}}", dayStr: '/#fn:dateFormat,steps.1.at,YYYY-MM-DD HH:mm' },
        },
      },
    ],
  });
  await create(
    org,
    '/v1/workflows',
    wf('schedule-it', 'kustomer.customer.update', [
      {
        id: 'once',
        transitions: [{ target: 's', condition: { op: 'dne', values: ['/#steps.1.custom.followedUpAt'] } }],
      },
      {
        id: 's',
        action: 'kustomer.app.scheduler.schedule-workflow',
        params: {
          runAt: { value: 10, type: 'relative' },
          workflowId: later.id,
          inputs: { customerId: '/#steps.1.id', at: '/#steps.1.updatedAt' },
        },
      },
    ]),
  );
  await org.request('PATCH', `/v1/customers/${customer.id}`, { custom: { tierStr: 'gold' } });
  assert.equal(
    org.store.state.scheduled.map((s) => [s.workflowId, s.runAt]),
    [[later.id, '2024-05-01T12:10:00.000Z']],
  );
  now = new Date('2024-05-01T12:09:59.999Z');
  assert.is(await org.runDueSchedules(), 0);
  now = new Date('2024-05-01T12:10:00.000Z');
  assert.is(await org.runDueSchedules(), 1);
  assert.equal(org.customers()[0]!.custom, {
    tierStr: 'gold',
    followedUpAt: '2024-05-01T12:10:00.000Z',
    dayStr: '2024-05-01 12:00',
  });
  assert.equal(org.store.state.scheduled, []);
});

calls('a call from a run that has no engine fails by name', async () => {
  const { runWorkflow } = await import('../../../sync/local-org/runtime/run.js');
  const org = await createMemoryOrg();
  const log = await runWorkflow(
    wf('x', 'e', [{ id: 'c', action: 'kustomer.workflow.abc.call', params: {} }]) as never,
    {},
    org.store,
  );
  assert.is(
    log.error,
    'step "c" (kustomer.workflow.abc.call): kustomer.workflow.abc.call: this run has no workflow engine to reach other workflows (run it through the local org)',
  );
});

calls.run();

const objects = suite('conversations, notes and users');

objects('conversation and user actions, with zod errors naming the field', async () => {
  const { org, customer } = await orgWithCustomer();
  const user = await create(org, '/v1/users', { name: 'Agent Smith', email: 'smith@example.com' });
  await create(
    org,
    '/v1/workflows',
    wf('open-conversation', 'kustomer.customer.update', [
      {
        id: 'conv',
        action: 'kustomer.conversation.create',
        params: { customer: '/#steps.1.id', name: 'Follow up', priority: '3' },
        transitions: go('find'),
      },
      {
        id: 'find',
        action: 'kustomer.conversation.find-by-id',
        params: { id: '/#steps.conv.id' },
        transitions: go('who'),
      },
      { id: 'who', action: 'kustomer.user.find-by-id', params: { id: user.id }, transitions: go('note') },
      {
        id: 'note',
        action: 'kustomer.note.create',
        params: {
          conversation: '/#steps.find.id',
          body: 'for {{{steps.who.displayName}}}',
          userMentions: [{ user: '/#steps.who.id' }],
        },
      },
    ]),
  );
  await org.request('PATCH', `/v1/customers/${customer.id}`, { custom: { tierStr: 'gold' } });
  assert.equal(
    org.runs().map((r) => r.log.status),
    ['completed'],
  );
  assert.equal(
    org.conversations().map((c) => [c.customer, c.name, c.priority, c.status]),
    [[customer.id, 'Follow up', 3, 'open']],
  );
  assert.equal(
    org.notes().map((n) => [n.body, n.userMentions]),
    [['for Agent Smith', [{ user: user.id }]]],
  );
  const listed = await org.request('GET', `/v1/conversations/${org.conversations()[0]!.id}/notes`);
  assert.is(listed.body.data.length, 1);

  const bad = await org.request('POST', '/v1/conversations', { customer: customer.id, priority: 9, tags: 'x' });
  assert.equal(
    [bad.status, bad.body.errors.map((e: { source: { pointer: string } }) => e.source.pointer)],
    [400, ['/priority', '/tags']],
  );
  const noCustomer = await org.request('POST', '/v1/conversations', { name: 'x' });
  assert.equal(noCustomer.body.errors[0].detail, 'customer: a conversation needs its customer id');
  const badCustomer = await org.request('PATCH', `/v1/customers/${customer.id}`, { emails: [{ address: 'x' }] });
  assert.equal([badCustomer.status, badCustomer.body.errors[0].source.pointer], [400, '/emails/0/email']);
});

objects('workflow names are unique in the local org unless told otherwise', async () => {
  const org = await createMemoryOrg();
  await create(org, '/v1/workflows', wf('one', 'e', []));
  const second = await org.request('POST', '/v1/workflows', wf('one', 'e', []));
  assert.equal([second.status, second.body.errors[0].source.pointer], [409, '/name']);
  const other = await create(org, '/v1/workflows', wf('two', 'e', []));
  assert.is((await org.request('PUT', `/v1/workflows/${other.id}`, { name: 'one' })).status, 409);
  const lax = await createMemoryOrg({ allowDuplicateWorkflowNames: true });
  await create(lax, '/v1/workflows', wf('one', 'e', []));
  assert.is((await lax.request('POST', '/v1/workflows', wf('one', 'e', []))).status, 201);
});

objects.run();
