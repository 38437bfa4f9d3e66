import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runAction, SUPPORTED_ACTIONS } from '../../../../sync/local-org/runtime/actions/index.js';
import { HostError } from '../../../../sync/local-org/runtime/host.js';
import { WorkflowRunError, type ActionContext } from '../../../../sync/local-org/runtime/types.js';
import { startLoopback } from './loopback.js';
import { memoryHost, type MemoryHost } from './memory-host.js';

function setup(): { host: MemoryHost; ctx: ActionContext } {
  const host = memoryHost({
    klasses: ['regal-call'],
    customers: [
      {
        id: 'c0ffee000000000000000001',
        externalId: 'ext-1',
        emails: [{ email: 'ada@example.test' }],
        phones: [{ phone: '+19545552399' }],
        custom: { tierStr: 'gold' },
      },
    ],
  });
  return { host, ctx: { host, fetch: globalThis.fetch, httpTimeoutMs: 5_000 } };
}

async function rejects(promise: Promise<unknown>, type: Function, message: string): Promise<void> {
  try {
    await promise;
  } catch (error) {
    assert.instance(error, type);
    assert.is((error as Error).message, message);
    return;
  }
  assert.unreachable(`expected: ${message}`);
}

const customer = suite('runAction: customer');
customer('find-by-external-id / -email / -phone output the customer record', async () => {
  const { ctx } = setup();
  for (const [action, params] of [
    ['kustomer.customer.find-by-external-id', { externalId: 'ext-1' }],
    ['kustomer.customer.find-by-email', { email: 'ada@example.test' }],
    ['kustomer.customer.find-by-phone', { phone: '+19545552399' }],
  ] as const) {
    const out = (await runAction(action, params, ctx)) as { id: string; custom: object };
    assert.is(out.id, 'c0ffee000000000000000001', action);
    assert.equal(out.custom, { tierStr: 'gold' });
  }
});
customer('a find that matches nothing outputs {} (so /#steps.<id>.id does not exist)', async () => {
  const { ctx } = setup();
  assert.equal(await runAction('kustomer.customer.find-by-external-id', { externalId: 'nobody' }, ctx), {});
  assert.equal(await runAction('kustomer.customer.find-by-email', { email: 'x@y.z' }, ctx), {});
  assert.equal(await runAction('kustomer.customer.find-by-phone', { phone: '+1' }, ctx), {});
});
customer('numeric external ids are looked up as strings', async () => {
  const { ctx, host } = setup();
  await runAction('kustomer.customer.find-by-external-id', { externalId: 12345 }, ctx);
  assert.equal(host.calls.at(-1), { method: 'findCustomerByExternalId', args: ['12345'] });
});
customer('a missing required param fails the step with the param named', async () => {
  const { ctx } = setup();
  await rejects(
    Promise.resolve().then(() => runAction('kustomer.customer.find-by-external-id', {}, ctx)),
    WorkflowRunError,
    'kustomer.customer.find-by-external-id: param "externalId" is required (a non-empty string), got nothing (the reference may point at a missing value)',
  );
});
customer('create sends the POST /v1/customers body and outputs the new record', async () => {
  const { ctx, host } = setup();
  const body = {
    externalId: 'ext-2',
    name: 'Grace',
    emails: [{ email: 'g@example.test' }],
    phones: [{ phone: '+1555' }],
    custom: { tierStr: 'new' },
  };
  const out = (await runAction('kustomer.customer.create', body, ctx)) as { id: string; externalId: string };
  assert.equal(host.calls.at(-1), { method: 'createCustomer', args: [body] });
  assert.is(out.externalId, 'ext-2');
  assert.is(host.customers.length, 2);
});
customer('update sends {id} as the address and the rest as the body; output is a snapshot', async () => {
  const { ctx, host } = setup();
  const out = (await runAction(
    'kustomer.customer.update',
    { id: 'c0ffee000000000000000001', custom: { loadingBool: true } },
    ctx,
  )) as { custom: object };
  assert.equal(host.calls.at(-1), {
    method: 'updateCustomer',
    args: ['c0ffee000000000000000001', { custom: { loadingBool: true } }],
  });
  assert.equal(out.custom, { tierStr: 'gold', loadingBool: true });
  host.customers[0]!.custom.changedLater = 1;
  assert.equal(out.custom, { tierStr: 'gold', loadingBool: true });
});
customer('update of an unknown customer is a HostError 404', async () => {
  const { ctx } = setup();
  await rejects(
    Promise.resolve().then(() => runAction('kustomer.customer.update', { id: 'nope', custom: {} }, ctx)),
    HostError,
    'customer nope not found',
  );
});
customer.run();

const kobject = suite('runAction: KObject');
kobject('create-with-customer posts the KObject body with customer, without klassName', async () => {
  const { ctx, host } = setup();
  const params = {
    customer: 'c0ffee000000000000000001',
    klassName: 'regal-call',
    title: 'Call',
    externalId: 'call-1',
    data: { a: 1 },
    custom: { talkTimeNum: 15 },
    tags: ['Happy'],
    unknownParam: 'dropped',
  };
  const out = (await runAction('kustomer.kobject.create-with-customer', params, ctx)) as {
    id: string;
    customer: string;
  };
  assert.equal(host.calls.at(-1), {
    method: 'createKObject',
    args: [
      'regal-call',
      {
        externalId: 'call-1',
        title: 'Call',
        data: { a: 1 },
        tags: ['Happy'],
        custom: { talkTimeNum: 15 },
        customer: 'c0ffee000000000000000001',
      },
    ],
  });
  assert.is(out.customer, 'c0ffee000000000000000001');
});
kobject("create-with-customer for an unknown customer is a 404; unknown Klass is the host's error", async () => {
  const { ctx } = setup();
  await rejects(
    Promise.resolve().then(() =>
      runAction(
        'kustomer.kobject.create-with-customer',
        { customer: 'ghost', klassName: 'regal-call', title: 't' },
        ctx,
      ),
    ),
    HostError,
    'customer ghost not found',
  );
  await rejects(
    Promise.resolve().then(() =>
      runAction(
        'kustomer.kobject.create-with-customer',
        { customer: 'c0ffee000000000000000001', klassName: 'nope', title: 't' },
        ctx,
      ),
    ),
    HostError,
    'Klass nope does not exist',
  );
});
kobject('create, update and find-by-external-id', async () => {
  const { ctx, host } = setup();
  const created = (await runAction(
    'kustomer.kobject.create',
    { klassName: 'regal-call', title: 'Loose', externalId: 'k-1', custom: { aStr: 'a' } },
    ctx,
  )) as { id: string };
  assert.equal(host.calls.at(-1), {
    method: 'createKObject',
    args: ['regal-call', { externalId: 'k-1', title: 'Loose', custom: { aStr: 'a' } }],
  });
  const updated = (await runAction(
    'kustomer.kobject.update',
    { id: created.id, klassName: 'regal-call', custom: { bStr: 'b' } },
    ctx,
  )) as { custom: object };
  assert.equal(host.calls.at(-1), {
    method: 'updateKObject',
    args: ['regal-call', created.id, { custom: { bStr: 'b' } }],
  });
  assert.equal(updated.custom, { aStr: 'a', bStr: 'b' });
  const found = (await runAction(
    'kustomer.kobject.find-by-external-id',
    { klassName: 'regal-call', externalId: 'k-1' },
    ctx,
  )) as { id: string };
  assert.is(found.id, created.id);
  assert.equal(
    await runAction('kustomer.kobject.find-by-external-id', { klassName: 'regal-call', externalId: 'k-2' }, ctx),
    {},
  );
  await rejects(
    Promise.resolve().then(() => runAction('kustomer.kobject.update', { id: 'zz', klassName: 'regal-call' }, ctx)),
    HostError,
    'regal-call KObject zz not found',
  );
});
kobject.run();

const rest = suite('runAction: kustomer.rest-api.json');
rest('calls the URI with method, headers, qs and JSON data; outputs body and response', async () => {
  const server = await startLoopback((req) =>
    req.method === 'POST'
      ? { status: 201, body: { ok: true, echo: JSON.parse(req.body) }, headers: { 'x-trace': 't1' } }
      : { status: 404, body: { code: 'NOT_FOUND', message: 'no' } },
  );
  try {
    const { ctx } = setup();
    const out = (await runAction(
      'kustomer.rest-api.json',
      {
        uri: `${server.baseUrl}/v1/things`,
        method: 'post',
        json: true,
        headers: { 'X-Key': 'k' },
        qs: { a: '1', b: ['x', 'y'] },
        data: { n: 1 },
      },
      ctx,
    )) as any;
    assert.equal(out.body, { ok: true, echo: { n: 1 } });
    assert.is(out.response.statusCode, 201);
    assert.is(out.response.headers['x-trace'], 't1');
    const req = server.requests[0]!;
    assert.is(req.method, 'POST');
    assert.is(req.url, '/v1/things?a=1&b=x&b=y');
    assert.is(req.headers['x-key'], 'k');
    assert.is(req.headers['content-type'], 'application/json');
    // A 4xx is an output, not a failure: exports branch on statusCode and body.code.
    const missing = (await runAction(
      'kustomer.rest-api.json',
      { uri: `${server.baseUrl}/v1/none`, method: 'GET', json: true },
      ctx,
    )) as any;
    assert.equal(missing, {
      body: { code: 'NOT_FOUND', message: 'no' },
      response: { statusCode: 404, headers: missing.response.headers },
    });
  } finally {
    await server.close();
  }
});
rest('a body that is not JSON is kept as text', async () => {
  const server = await startLoopback(() => ({ body: 'plain words', headers: { 'content-type': 'text/plain' } }));
  try {
    const out = (await runAction('kustomer.rest-api.json', { uri: server.baseUrl, json: true }, setup().ctx)) as any;
    assert.is(out.body, 'plain words');
  } finally {
    await server.close();
  }
});
rest('a call with no response fails the step: timeout, refused connection, bad URI', async () => {
  const server = await startLoopback(() => ({ hang: true }));
  const { ctx } = setup();
  try {
    await rejects(
      Promise.resolve().then(() =>
        runAction(
          'kustomer.rest-api.json',
          { uri: `${server.baseUrl}/slow?key=secret`, method: 'GET' },
          { ...ctx, httpTimeoutMs: 50 },
        ),
      ),
      WorkflowRunError,
      `kustomer.rest-api.json: GET ${server.baseUrl}/slow failed: timed out after 50 ms`,
    );
  } finally {
    await server.close();
  }
  await rejects(
    Promise.resolve().then(() => runAction('kustomer.rest-api.json', { uri: server.baseUrl, method: 'GET' }, ctx)),
    WorkflowRunError,
    `kustomer.rest-api.json: GET ${server.baseUrl}/ failed: ECONNREFUSED`,
  );
  await rejects(
    Promise.resolve().then(() =>
      runAction('kustomer.rest-api.json', { uri: '/clients/1/invoice', method: 'GET' }, ctx),
    ),
    WorkflowRunError,
    'kustomer.rest-api.json: uri "/clients/1/invoice" is not an absolute http(s) URL (is a {{{variables.<id>}}} missing?)',
  );
});
rest.run();

const regex = suite('runAction: kustomer.regex-match.generic');
const regexTable: [Record<string, unknown>, unknown][] = [
  [{ testString: 'order #A-123 shipped', regex: '[A-Z]-\\d+' }, { match: 'A-123' }],
  [{ testString: 'ABC', regex: '/b/i' }, { match: 'B' }],
  [{ testString: 'abc', regex: 'z' }, { match: null }],
  [{ regex: '.*' }, { match: '' }],
];
for (const [params, expected] of regexTable) {
  regex(JSON.stringify(params), async () =>
    assert.equal(await runAction('kustomer.regex-match.generic', params, setup().ctx), expected),
  );
}
regex('an invalid regex fails the step', async () => {
  await rejects(
    Promise.resolve().then(() =>
      runAction('kustomer.regex-match.generic', { testString: 'x', regex: '(' }, setup().ctx),
    ),
    WorkflowRunError,
    'kustomer.regex-match.generic: regex "(" is invalid: Invalid regular expression: /(/: Unterminated group',
  );
});
regex.run();

const unsupported = suite('runAction: unsupported actions');
unsupported('any other action fails with its name; the supported list is explicit', async () => {
  await rejects(
    Promise.resolve().then(() => runAction('kustomer.conversation.assign-user', { id: 'x' }, setup().ctx)),
    WorkflowRunError,
    'action kustomer.conversation.assign-user is not supported by the local Kustomer org',
  );
  assert.equal(SUPPORTED_ACTIONS, [
    'kustomer.app.scheduler.schedule-workflow',
    'kustomer.conversation.create',
    'kustomer.conversation.find-by-id',
    'kustomer.conversation.update',
    'kustomer.customer.create',
    'kustomer.customer.find-by-email',
    'kustomer.customer.find-by-external-id',
    'kustomer.customer.find-by-phone',
    'kustomer.customer.update',
    'kustomer.kobject.create',
    'kustomer.kobject.create-with-customer',
    'kustomer.kobject.find-by-external-id',
    'kustomer.kobject.update',
    'kustomer.note.create',
    'kustomer.regex-match.generic',
    'kustomer.rest-api.json',
    'kustomer.transform.generic',
    'kustomer.user.find-by-id',
    'kustomer.workflow.<id>.call',
  ]);
});
unsupported.run();
