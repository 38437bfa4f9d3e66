// The compiled Regal workflows, run by the local org's workflow runtime on the sample events: each
// event reaches exactly its own workflow, the customer is found (external id, userId, phone, email) or
// created, and the KObject carries every mapped attribute with the kind its Klass declares.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { buildProject } from '../../../compiler/build.js';
import type { JsonObject } from '../../../compiler/json.js';
import { ATTRIBUTE_SUFFIX } from '../../../compiler/model/klass.js';
import { runWorkflow, type CustomerRecord, type WorkflowRunLog } from '../../../sync/local-org/runtime/index.js';
import { hookTransaction, memoryHost, type MemoryHost } from '../../sync/local-org/runtime/memory-host.js';

const root = resolve(dirname(new URL(import.meta.url).pathname), '../../..');
const sample = (file: string): Record<string, any> =>
  JSON.parse(readFileSync(join(root, 'test/fixtures/regal', file), 'utf8'));

const build = await buildProject(root);
const workflows = build.resources
  .filter((r) => r.kind === 'kustomer.workflow' && r.key.startsWith('regal-'))
  .map((r) => r.body);
const klassNames = build.model.klasses.map((k) => k.definition.name);
const WORKFLOW_OF: Record<string, string> = {
  'sms.sent': 'regal-sms-sent',
  'sms.received': 'regal-sms-received',
  'sms.conversation.completed': 'regal-sms-conversation-completed',
  'call.completed': 'regal-call-completed',
  'contact.created': 'regal-contact-created',
};
const workflow = (name: string): JsonObject => workflows.find((w) => w.name === name)!;
const path = (log: WorkflowRunLog) => log.steps.map((s) => s.id);

async function run(
  name: string,
  event: Record<string, unknown>,
  host: MemoryHost = memoryHost({ klasses: klassNames }),
) {
  const log = await runWorkflow(workflow(name), hookTransaction(event), host);
  return { log, host };
}

const content = suite('Regal workflows on the sample events');

content('the project builds without diagnostics', () => {
  const mine = build.diagnostics.filter((d) => !d.location?.file.startsWith('workflows/iterable/'));
  assert.equal(mine, []);
  assert.equal(workflows.map((w) => w.name).sort(), Object.values(WORKFLOW_OF).sort());
});

const SAMPLES = [
  'sms.sent',
  'sms.received',
  'sms.conversation.completed',
  'call.completed',
  'contact.created',
  'call.completed.reporting',
];
for (const file of SAMPLES) {
  content(`${file}: only its own workflow runs, and it completes`, async () => {
    const event = sample(`${file}.json`);
    const own = WORKFLOW_OF[(event.event ?? event.name) as string]!;
    for (const name of Object.values(WORKFLOW_OF)) {
      const { log } = await run(name, event);
      assert.is(log.status, name === own ? 'completed' : 'no-match', `${name}: ${log.error ?? ''}`);
    }
  });

  content(`${file}: every mapped attribute has its Klass's kind`, async () => {
    const event = sample(`${file}.json`);
    const { log, host } = await run(WORKFLOW_OF[(event.event ?? event.name) as string]!, event);
    assert.is(log.status, 'completed', log.error);
    assert.is(host.kobjects.length, 1);
    const [kobject] = host.kobjects;
    const klass = build.model.klasses.find((k) => k.definition.name === kobject!.klassName)!.definition;
    const kinds = Object.fromEntries(
      Object.entries(klass.attributes).map(([key, a]) => [`${key}${ATTRIBUTE_SUFFIX[a.kind]}`, a.kind]),
    );
    // Every KObject step maps every attribute; a field the event lacks resolves to nothing and is left out.
    const steps = (workflow(log.workflowName).steps as JsonObject[]).filter(
      (st) => st.action === 'kustomer.kobject.create-with-customer',
    );
    assert.is(steps.length, 15, '4 found-by + 11 created-with');
    for (const st of steps)
      assert.equal(
        Object.keys((st.params as any).custom).sort(),
        Object.keys(kinds).sort(),
        `${st.id} maps every attribute`,
      );
    const expected = {
      string: 'string',
      text: 'string',
      dropdown: 'string',
      url: 'string',
      number: 'number',
      boolean: 'boolean',
    } as Record<string, string>;
    for (const [name, value] of Object.entries(kobject!.custom)) {
      if (value === null || value === undefined) continue;
      assert.is(typeof value, expected[kinds[name]!], `${name} = ${JSON.stringify(value)}`);
      if (typeof value === 'string') assert.ok(value.length <= 1024, `${name} is too long for Kustomer`);
    }
    assert.equal(kobject!.data, event, 'data is the whole event');
  });
}

content('call.completed, Kustomer envelope, unknown contact: customer created with the external id', async () => {
  const { log, host } = await run('regal-call-completed', sample('call.completed.json'));
  assert.equal(path(log), [
    '1',
    'find-recorded-event',
    'find-by-external-id',
    'find-by-phone',
    'find-by-email',
    'create-customer-with-external-id',
    'create-kobject-created-with-external-id',
  ]);
  assert.equal(
    host.customers.map((c) => [c.externalId, c.phones, c.emails]),
    [['12345', [{ phone: '+19545552399' }], [{ email: 'jane.doe@example.com' }]]],
  );
  const [kobject] = host.kobjects;
  assert.equal(
    {
      customer: kobject!.customer,
      externalId: kobject!.externalId,
      title: kobject!.title,
      description: kobject!.description,
      tags: kobject!.tags,
    },
    {
      customer: host.customers[0]!.id,
      externalId: 'WTXXXXXXXXXXXXXXXX',
      title: 'Scheduled Callback (OUTBOUND): Converted During Convo',
      description: "Customer will call us back when she's ready",
      tags: ['Discount Applied', 'Happy'],
    },
  );
  // Fields the event does not carry (agent_email, journey_*, ...) are left out; templates render them empty.
  assert.equal(kobject!.custom, {
    callIdStr: 'WTXXXXXXXXXXXXXXXX',
    directionStr: 'OUTBOUND',
    typeStr: 'Scheduled Callback',
    dispositionStr: 'Converted During Convo',
    objectionsTxt: '',
    tagsStr: 'Discount Applied,Happy',
    agentFullnameStr: 'Regal Voice Circle Bank',
    agentIdStr: 'circle.bank@example.com',
    contactPhoneStr: '+19545552399',
    regalVoicePhoneStr: '+12058834856',
    campaignNameStr: 'Phone Lead - Call 1',
    campaignFriendlyIdStr: '63',
    journeyFriendlyIdStr: '',
    startedAtUnixNum: 1636644589,
    endedAtUnixNum: 1636644604,
    completedAtUnixNum: 1636644608,
    talkTimeNum: 15,
    wrapupTimeNum: 4,
    handleTimeNum: 19,
  });
});

content('call.completed, Reporting envelope: found or created by userId, then found by it next time', async () => {
  const event = sample('call.completed.reporting.json');
  const { log, host } = await run('regal-call-completed', event);
  assert.equal(path(log), [
    '1',
    'find-recorded-event',
    'find-by-user-id',
    'find-by-phone',
    'find-by-email',
    'create-customer-with-user-id',
    'create-kobject-created-with-user-id',
  ]);
  assert.is(host.customers[0]!.externalId, '12345');
  assert.is(host.kobjects[0]!.custom.campaignFriendlyIdStr, '63');
  const again = await runWorkflow(
    workflow('regal-call-completed'),
    hookTransaction({ ...event, properties: { ...event.properties, call_id: 'WT2' } }),
    host,
  );
  assert.equal(path(again), ['1', 'find-recorded-event', 'find-by-user-id', 'create-kobject-found-by-user-id']);
  assert.is(host.kobjects[1]!.customer, host.customers[0]!.id);
});

content('a re-sent event is recognised by its KObject externalId: no second card', async () => {
  const event = sample('call.completed.json');
  const { host } = await run('regal-call-completed', event);
  const again = await runWorkflow(workflow('regal-call-completed'), hookTransaction(event), host);
  assert.is(again.status, 'completed');
  assert.equal(path(again), ['1', 'find-recorded-event']);
  assert.is(host.kobjects.length, 1);
  assert.is(host.customers.length, 1);
});

const existing: [string, Partial<CustomerRecord>, string[]][] = [
  [
    'by external id',
    { externalId: '12345' },
    ['1', 'find-recorded-event', 'find-by-external-id', 'create-kobject-found-by-external-id'],
  ],
  [
    'by phone',
    { phones: [{ phone: '+19545552399' }] },
    ['1', 'find-recorded-event', 'find-by-external-id', 'find-by-phone', 'create-kobject-found-by-phone'],
  ],
  [
    'by email',
    { emails: [{ email: 'jane.doe@example.com' }] },
    [
      '1',
      'find-recorded-event',
      'find-by-external-id',
      'find-by-phone',
      'find-by-email',
      'create-kobject-found-by-email',
    ],
  ],
];
for (const [how, record, expectedPath] of existing) {
  content(`sms.sent for an existing customer found ${how}: no customer is created`, async () => {
    const host = memoryHost({ klasses: klassNames, customers: [{ id: 'c1', ...record }] });
    const { log } = await run('regal-sms-sent', sample('sms.sent.json'), host);
    assert.equal(path(log), expectedPath);
    assert.is(host.customers.length, 1);
    assert.is(host.kobjects[0]!.customer, 'c1');
  });
}

content(
  'unknown contact, every mix of identifiers: the customer is created with exactly those, and every create step is reachable',
  async () => {
    const { event: _e, externalId: _x, traits: _t, ...rest } = sample('sms.received.json');
    const ids = { externalId: 'ext-1', userId: 'user-1', phone: '+19545552399', email: 'jane.doe@example.com' };
    const keys = Object.keys(ids) as (keyof typeof ids)[];
    const used = new Set<string>();
    for (let mask = 1; mask < 1 << keys.length; mask++) {
      const has = Object.fromEntries(keys.map((k, i) => [k, (mask & (1 << i)) !== 0])) as Record<
        keyof typeof ids,
        boolean
      >;
      const traits = { ...(has.phone ? { phone: ids.phone } : {}), ...(has.email ? { email: ids.email } : {}) };
      const event = {
        ...rest,
        event: 'sms.received',
        traits,
        ...(has.externalId ? { externalId: ids.externalId } : {}),
        ...(has.userId ? { userId: ids.userId } : {}),
      };
      const { log, host } = await run('regal-sms-received', event);
      const what = keys.filter((k) => has[k]).join('+');
      assert.is(log.status, 'completed', `${what}: ${log.error ?? ''}`);
      assert.equal(
        host.customers.map((c) => [c.externalId ?? null, c.phones ?? [], c.emails ?? []]),
        [
          [
            has.externalId ? ids.externalId : has.userId ? ids.userId : null,
            has.phone ? [{ phone: ids.phone }] : [],
            has.email ? [{ email: ids.email }] : [],
          ],
        ],
        what,
      );
      assert.equal(
        host.kobjects.map((k) => k.customer),
        [host.customers[0]!.id],
        what,
      );
      for (const id of path(log)) if (id.startsWith('create-customer')) used.add(id);
    }
    const creates = (workflow('regal-sms-received').steps as JsonObject[])
      .filter((st) => st.action === 'kustomer.customer.create')
      .map((st) => st.id as string);
    assert.is(creates.length, 11);
    assert.equal([...used].sort(), creates.sort(), 'no create step is dead, none is missing');
  },
);

content('an event with no identifier at all ends at the trigger', async () => {
  const { event: _e, externalId: _x, traits: _t, ...rest } = sample('sms.received.json');
  const { log, host } = await run('regal-sms-received', { ...rest, event: 'sms.received' });
  assert.is(log.status, 'no-match');
  assert.equal(host.kobjects, []);
});

content(
  'contact.created: the customer is created with the contact name, the KObject keyed by the contact',
  async () => {
    const { host } = await run('regal-contact-created', sample('contact.created.json'));
    assert.is(host.customers[0]!.name, 'Jane Doe');
    assert.is(host.kobjects[0]!.externalId, 'contact.created::12345::+19545552399:jane.doe@example.com');
  },
);

content('contact.created: a found customer without a name gets the contact name, then the card', async () => {
  const cases: [string, Partial<CustomerRecord>][] = [
    ['external-id', { externalId: '12345' }],
    ['phone', { phones: [{ phone: '+19545552399' }] }],
    ['email', { emails: [{ email: 'jane.doe@example.com' }] }],
  ];
  for (const [how, known] of cases) {
    const host = memoryHost({
      klasses: klassNames,
      customers: [{ id: 'c0000000000000000000000a', name: null, ...known }],
    });
    const event = sample('contact.created.json');
    const { log } = await run(
      'regal-contact-created',
      how === 'external-id' ? event : { ...event, externalId: undefined },
      host,
    );
    assert.is(log.status, 'completed', log.error);
    assert.ok(path(log).includes(`update-customer-found-by-${how}`), path(log).join(' → '));
    assert.is(host.customers.length, 1);
    assert.is(host.customers[0]!.name, 'Jane Doe', how);
    assert.equal(
      host.kobjects.map((k) => k.customer),
      ['c0000000000000000000000a'],
    );
  }
});

content('contact.created: a found customer keeps its name when the event lacks part of it', async () => {
  for (const properties of [{ firstName: 'Jane' }, { firstName: 'Jane', lastName: '' }, { lastName: 'Doe' }, {}]) {
    const host = memoryHost({
      klasses: klassNames,
      customers: [{ id: 'c0000000000000000000000a', name: 'Jane Q. Doe', externalId: '12345' }],
    });
    const { log } = await run('regal-contact-created', { ...sample('contact.created.json'), properties }, host);
    assert.is(log.status, 'completed', log.error);
    assert.not.ok(
      path(log).some((id) => id.startsWith('update-customer')),
      path(log).join(' → '),
    );
    assert.is(host.customers[0]!.name, 'Jane Q. Doe');
    assert.is(host.kobjects.length, 1);
  }
});

content('other events never rename a found customer', async () => {
  const host = memoryHost({
    klasses: klassNames,
    customers: [{ id: 'c0000000000000000000000a', name: 'Jane Q. Doe', externalId: '12345' }],
  });
  const { log } = await run('regal-call-completed', sample('call.completed.json'), host);
  assert.is(log.status, 'completed', log.error);
  assert.equal(
    host.calls.filter((c) => c.method === 'updateCustomer'),
    [],
  );
});

content.run();
