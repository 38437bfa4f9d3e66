import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startLocalOrg } from '../../../sync/local-org/server/server.js';
import { call, startTestOrg } from '../providers/kustomer/fixtures.js';

/** The Regal guide's shape: create the customer, then a KObject on their timeline. */
function timelineWorkflow(eventName: string) {
  return {
    name: 'regal-call-completed',
    description: 'call.completed → regal-call',
    enabled: true,
    trigger: { id: '1', eventName, transitions: [{ target: 'customer', condition: { op: 'true', values: [true] } }] },
    steps: [
      {
        id: 'customer',
        action: 'kustomer.customer.create',
        params: { emails: [{ email: '/#steps.1.attributes.data.email' }] },
        transitions: [{ target: 'kobject', condition: { op: 'exists', values: ['/#steps.customer.id'] } }],
        errorCases: [],
      },
      {
        id: 'kobject',
        action: 'kustomer.kobject.create-with-customer',
        params: {
          customer: '/#steps.customer.id',
          klassName: 'regal-call',
          title: 'Call completed',
          data: '/#steps.1.attributes.data',
          custom: { talkTimeNum: '/#steps.1.attributes.data.talkTime' },
        },
        transitions: [],
        errorCases: [],
      },
    ],
  };
}

test('web hooks: url and eventName on create; a post runs the enabled workflows it triggers', async () => {
  const org = await startTestOrg();
  try {
    const hook = (await call(org, 'POST', '/v1/hooks/web', { name: 'regal-events', description: 'Regal posts here' }))
      .body.data;
    assert.is(hook.type, 'web_hook');
    assert.is(hook.attributes.eventName, `kustomer.hooks.web.${hook.id}.receive`);
    assert.match(hook.attributes.url, new RegExp(`^${org.baseUrl}/v1/hooks/web/[0-9a-f]{40}$`));
    await call(org, 'POST', '/v1/klasses', { name: 'regal-call' });
    await call(org, 'POST', '/v1/workflows', timelineWorkflow(hook.attributes.eventName));
    await call(org, 'POST', '/v1/workflows', {
      ...timelineWorkflow(hook.attributes.eventName),
      name: 'regal-disabled',
      enabled: false,
    });

    const path = new URL(hook.attributes.url).pathname;
    const posted = await call(org, 'POST', path, { email: 'jane@example.com', talkTime: 42 });
    assert.equal([posted.status, posted.body.data.type, posted.body.meta], [200, 'transaction', { workflowRuns: 1 }]);

    const [run] = org.runs();
    assert.equal(
      [run!.log.workflowName, run!.log.status, run!.log.steps.map((s) => s.id)],
      ['regal-call-completed', 'completed', ['1', 'customer', 'kobject']],
    );
    assert.equal((run!.log.steps[0]!.output as { attributes: { data: unknown } }).attributes.data, {
      email: 'jane@example.com',
      talkTime: 42,
    });
    const customer = org.store.findCustomerByEmail('jane@example.com');
    assert.ok(customer);
    const kobjects = org.store.state.kobjects;
    assert.equal(
      kobjects.map((k) => [k.klassName, k.customer, k.title, k.custom]),
      [['regal-call', customer!.id, 'Call completed', { talkTimeNum: 42 }]],
    );

    const runs = await call(org, 'GET', '/__kac/runs?workflow=regal-call-completed');
    assert.equal(runs.body.data.length, 1);
    assert.is((await call(org, 'POST', path, { email: 'x@example.com' }, null)).status, 401);
  } finally {
    await org.close();
  }
});

test('hook posts over 400 kB are refused with 413', async () => {
  const org = await startTestOrg();
  try {
    const hook = (await call(org, 'POST', '/v1/hooks/web', { name: 'regal-events' })).body.data;
    const path = new URL(hook.attributes.url).pathname;
    const justUnder = JSON.stringify({ pad: 'x'.repeat(400 * 1024 - 20) });
    const over = JSON.stringify({ pad: 'x'.repeat(400 * 1024) });
    assert.is((await call(org, 'POST', path, justUnder)).status, 200);
    const r = await call(org, 'POST', path, over);
    assert.equal([r.status, r.body.errors[0].status], [413, 413]);
  } finally {
    await org.close();
  }
});

test('form hooks: posted without a token at /v1/hooks/form/{orgId}/{hash}', async () => {
  const org = await startTestOrg();
  try {
    const hook = (await call(org, 'POST', '/v1/hooks/form', { name: 'regal-form' })).body.data;
    assert.is(hook.attributes.eventName, `kustomer.hooks.form.${hook.id}.receive`);
    const url = new URL(hook.attributes.url);
    assert.match(url.pathname, new RegExp(`^/v1/hooks/form/${org.orgId}/[0-9a-f]{40}$`));
    assert.is((await call(org, 'POST', url.pathname, { a: 1 }, null)).status, 200);
    assert.equal(
      (await call(org, 'GET', '/v1/hooks/form')).body.data.map((h: { id: string }) => h.id),
      [hook.id],
    );
  } finally {
    await org.close();
  }
});

test('state survives a restart (same token, same objects); reset empties it', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'kac-local-'));
  try {
    const first = await startLocalOrg({ stateDir: dir });
    const token = first.token;
    await call(first, 'POST', '/v1/klasses', { name: 'regal-call' });
    const hook = (await call(first, 'POST', '/v1/hooks/web', { name: 'regal-events' })).body.data;
    await first.close();

    const second = await startLocalOrg({ stateDir: dir });
    try {
      assert.is(second.token, token);
      assert.equal(
        (await call(second, 'GET', '/v1/klasses')).body.data.map(
          (k: { attributes: { name: string } }) => k.attributes.name,
        ),
        ['regal-call'],
      );
      const again = (await call(second, 'GET', `/v1/hooks/web/${hook.id}`)).body.data;
      assert.is(new URL(again.attributes.url).pathname, new URL(hook.attributes.url).pathname);
      await second.reset();
      assert.equal((await call(second, 'GET', '/v1/klasses')).body.data, []);
    } finally {
      await second.close();
    }
    const third = await startLocalOrg({ stateDir: dir });
    assert.equal(third.store.state.klasses, []);
    await third.close();
    const fresh = await startLocalOrg({ stateDir: dir, reset: true, token: 'new-token' });
    assert.is(fresh.token, 'new-token');
    await fresh.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a runtime that throws is recorded as a failed run, not a crash', async () => {
  const org = await startTestOrg({
    runWorkflow: async () => {
      throw new Error('boom');
    },
  });
  try {
    const hook = (await call(org, 'POST', '/v1/hooks/web', { name: 'regal-events' })).body.data;
    await call(org, 'POST', '/v1/workflows', {
      ...timelineWorkflow(hook.attributes.eventName),
      steps: [],
      trigger: { id: '1', eventName: hook.attributes.eventName, transitions: [] },
    });
    const r = await call(org, 'POST', new URL(hook.attributes.url).pathname, {});
    assert.is(r.status, 200);
    assert.equal(
      org.runs().map((run) => [run.log.status, run.log.error]),
      [['failed', 'runtime error: boom']],
    );
  } finally {
    await org.close();
  }
});

test.run();
