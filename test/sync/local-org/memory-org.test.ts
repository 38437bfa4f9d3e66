/**
 * createMemoryOrg: a complete local org without a port or disk, driven directly or through kac's own
 * Kustomer client and provider (its `fetch`), as `kac test` does.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { silentLogger } from '../../../sync/logger.js';
import { createMemoryOrg } from '../../../sync/local-org/memory-org.js';
import { createKustomerClient } from '../../../sync/providers/kustomer/client/index.js';
import { createKustomerProvider } from '../../../sync/providers/kustomer/provider.js';

const always = { op: 'true', values: [true] };

test("kac's Kustomer provider applies to the memory org through its fetch; a hook post then runs the workflow", async () => {
  const org = await createMemoryOrg({ now: () => new Date('2024-05-01T12:00:00.000Z') });
  const provider = createKustomerProvider(
    createKustomerClient({ baseUrl: org.baseUrl, apiKey: org.token, fetch: org.fetch, logger: silentLogger }),
  );
  const ctx = { logger: silentLogger };
  await provider.create(
    {
      kind: 'kustomer.hook',
      key: 'demo-events',
      body: { name: 'demo-events', type: 'web' },
      dependsOn: [],
      sensitive: [],
    },
    ctx,
  );
  await provider.create(
    {
      kind: 'kustomer.klass',
      key: 'demo-call',
      body: { name: 'demo-call', displayName: 'Call', status: 'enabled' },
      dependsOn: [],
      sensitive: [],
    },
    ctx,
  );
  const hook = org.store.state.hooks[0]!;
  await provider.create(
    {
      kind: 'kustomer.workflow',
      key: 'demo-call-completed',
      body: {
        name: 'demo-call-completed',
        enabled: true,
        trigger: {
          id: '1',
          eventName: String(hook.attributes.eventName),
          transitions: [{ target: 'find', condition: always }],
        },
        steps: [
          {
            id: 'find',
            action: 'kustomer.customer.find-by-external-id',
            params: { externalId: '/#steps.1.attributes.data.externalId' },
            transitions: [{ target: 'create', condition: { op: 'dne', values: ['/#steps.find.id'] } }],
          },
          {
            id: 'create',
            action: 'kustomer.customer.create',
            params: { externalId: '/#steps.1.attributes.data.externalId' },
            transitions: [{ target: 'card', condition: always }],
          },
          {
            id: 'card',
            action: 'kustomer.kobject.create-with-customer',
            params: {
              customer: '/#steps.create.id',
              klassName: 'demo-call',
              title: 'Call {{{steps.1.attributes.data.callId}}}',
            },
          },
        ],
      },
      dependsOn: [],
      sensitive: [],
    },
    ctx,
  );
  const live = await provider.fetchLive(ctx);
  assert.equal(
    live.map((r) => `${r.kind} ${r.key}`).sort(),
    [
      'kustomer.hook demo-events',
      'kustomer.klass demo-call',
      'kustomer.klass-attributes demo-call',
      'kustomer.workflow demo-call-completed',
    ].sort(),
  );

  const logs = await org.postHook('demo-events', { externalId: 'ext-7', callId: 'c-1' });
  assert.equal(
    logs.map((l) => l.status),
    ['completed'],
  );
  assert.equal(
    org.kobjects('demo-call').map((k) => [k.title, k.customer]),
    [['Call c-1', org.customers()[0]!.id]],
  );
  assert.equal(
    org.runs().map((r) => [r.hookId, r.log.workflowName]),
    [[hook.id, 'demo-call-completed']],
  );
});

test('its fetch checks the token and the JSON, as the HTTP server does', async () => {
  const org = await createMemoryOrg();
  const wrong = await org.fetch(`${org.baseUrl}/v1/workflows`, { headers: { authorization: 'Bearer nope' } });
  assert.is(wrong.status, 401);
  const bad = await org.fetch(`${org.baseUrl}/v1/customers`, {
    method: 'POST',
    headers: { authorization: `Bearer ${org.token}` },
    body: '{',
  });
  assert.equal(
    [bad.status, ((await bad.json()) as { errors: { detail: string }[] }).errors[0]!.detail],
    [400, 'the body is not valid JSON'],
  );
  const missing = await org.request('GET', '/v1/nothing');
  assert.is(missing.status, 404);
});

test.run();
