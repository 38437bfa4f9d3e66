import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { JsonObject } from '../../../../compiler/json.js';
import type { Resource, ResourceKind } from '../../../../compiler/resource.js';
import { ApiError } from '../../../../sync/errors.js';
import { memoryLogger } from '../../../../sync/logger.js';
import type { LiveResource } from '../../../../sync/providers/provider.js';
import { createKustomerProvider } from '../../../../sync/providers/kustomer/provider.js';
import { call, clientFor, startTestOrg, workflowBody } from './fixtures.js';

function resource(kind: ResourceKind, key: string, body: JsonObject): Resource {
  return { kind, key, body, dependsOn: [], sensitive: [] };
}

const hook = resource('kustomer.hook', 'regal-events', {
  name: 'regal-events',
  description: 'Regal posts here [managed by kac: regal]',
  type: 'web',
});
const klass = resource('kustomer.klass', 'regal-call', {
  name: 'regal-call',
  displayName: 'Regal Call',
  icon: 'phone',
  color: '#2E7D32',
  status: 'enabled',
});
const attributes = resource('kustomer.klass-attributes', 'regal-call', {
  properties: {
    talkTimeNum: { type: 'number', displayName: 'Talk Time' },
    directionStr: { type: 'string', displayName: 'Direction', enumeration: ['inbound', 'outbound'] },
  },
});
const webhook = resource('kustomer.outbound-webhook', 'regal-sync', {
  name: 'regal-sync',
  url: 'https://hooks.example.com/kustomer',
  events: ['kustomer.customer.create'],
  headers: [{ name: 'Authorization', value: 'Bearer s3cret' }],
  enabled: true,
});

function find(live: LiveResource[], kind: ResourceKind, key: string): LiveResource {
  const found = live.filter((r) => r.kind === kind && r.key === key);
  assert.is(found.length, 1, `${kind} ${key} once`);
  return found[0]!;
}

test('create then fetchLive: every live body, normalised, equals the desired body', async () => {
  const org = await startTestOrg();
  try {
    const provider = createKustomerProvider(clientFor(org), { namespace: 'regal' });
    const ctx = { logger: memoryLogger() };
    const createdHook = await provider.create(hook, ctx);
    assert.equal(Object.keys(createdHook.outputs).sort(), ['eventName', 'id', 'url']);
    assert.is(createdHook.outputs.eventName, `kustomer.hooks.web.${createdHook.id}.receive`);
    const workflow = resource(
      'kustomer.workflow',
      'regal-call-completed',
      workflowBody('regal-call-completed', createdHook.outputs.eventName!),
    );
    for (const r of [klass, attributes, workflow, webhook]) {
      const created = await provider.create(r, ctx);
      assert.equal(created.body, r.body, `${r.kind} as returned by create`);
    }
    const live = await provider.fetchLive(ctx);
    for (const r of [hook, klass, attributes, workflow, webhook])
      assert.equal(find(live, r.kind, r.key).body, r.body, r.kind);
    assert.equal(find(live, 'kustomer.hook', 'regal-events').outputs, createdHook.outputs);
    assert.equal(find(live, 'kustomer.workflow', 'regal-call-completed').facts, { enabled: true });
    assert.equal(find(live, 'kustomer.outbound-webhook', 'regal-sync').sensitive, [['headers', 0, 'value']]);
    assert.equal(find(live, 'kustomer.klass-attributes', 'regal-call').dependsOn, [
      { kind: 'kustomer.klass', key: 'regal-call' },
    ]);
    assert.equal(ctx.logger.lines, []);
  } finally {
    await org.close();
  }
});

test('update changes the live object and its fingerprint; echoing the same body does not', async () => {
  const org = await startTestOrg();
  try {
    const provider = createKustomerProvider(clientFor(org));
    const ctx = { logger: memoryLogger() };
    const workflow = resource('kustomer.workflow', 'regal-wf', workflowBody('regal-wf'));
    const created = await provider.create(workflow, ctx);
    const same = await provider.update(workflow, created, ctx);
    assert.is(same.fingerprint, created.fingerprint);
    const changed = resource('kustomer.workflow', 'regal-wf', { ...workflow.body, description: 'new text' });
    const updated = await provider.update(changed, created, ctx);
    assert.not.equal(updated.fingerprint, created.fingerprint);
    assert.equal(updated.body, changed.body);

    const k = await provider.create(klass, ctx);
    const relabelled = resource('kustomer.klass', 'regal-call', { ...klass.body, displayName: 'Calls' });
    assert.equal((await provider.update(relabelled, k, ctx)).body, relabelled.body);
    const h = await provider.create(hook, ctx);
    const described = resource('kustomer.hook', 'regal-events', { ...hook.body, description: 'other' });
    assert.equal((await provider.update(described, h, ctx)).body, described.body);
    const w = await provider.create(webhook, ctx);
    const moved = resource('kustomer.outbound-webhook', 'regal-sync', {
      ...webhook.body,
      url: 'https://other.example.com/k',
    });
    assert.equal((await provider.update(moved, w, ctx)).body, moved.body);
    const reread = (await provider.fetchLive(ctx)).find((l) => l.id === updated.id);
    assert.is(reread!.fingerprint, updated.fingerprint);
  } finally {
    await org.close();
  }
});

test('remove: a workflow is disabled, hooks and webhooks deleted, a Klass with KObjects refused', async () => {
  const org = await startTestOrg();
  try {
    const provider = createKustomerProvider(clientFor(org));
    const ctx = { logger: memoryLogger() };
    const wf = await provider.create(resource('kustomer.workflow', 'regal-wf', workflowBody('regal-wf')), ctx);
    const h = await provider.create(hook, ctx);
    const w = await provider.create(webhook, ctx);
    const k = await provider.create(klass, ctx);
    const a = await provider.create(attributes, ctx);
    await call(org, 'POST', '/v1/klasses/regal-call', { title: 'A call' });
    for (const live of [wf, h, w, a]) await provider.remove(live, ctx);
    const error = await provider.remove(k, ctx).catch((e: unknown) => e);
    assert.instance(error, ApiError);
    assert.equal([(error as ApiError).details.status, (error as ApiError).details.path], [409, `/v1/klasses/${k.id}`]);
    const live = await provider.fetchLive(ctx);
    assert.equal(live.map((r) => `${r.kind}:${r.key}`).sort(), [
      'kustomer.klass-attributes:regal-call',
      'kustomer.klass:regal-call',
      'kustomer.workflow:regal-wf',
    ]);
    assert.equal(find(live, 'kustomer.workflow', 'regal-wf').facts, { enabled: false });
    assert.equal(ctx.logger.lines, [
      `warn: Kustomer has no attribute delete: the attributes of Klass "regal-call" stay as they are`,
    ]);
  } finally {
    await org.close();
  }
});

test('creates under 5xx and dropped connections never duplicate (lookup by name before retrying)', async () => {
  const org = await startTestOrg();
  try {
    const provider = createKustomerProvider(clientFor(org, { maxRetries: 10 }));
    const ctx = { logger: memoryLogger() };
    org.setFaults({ failRate: 0.3, dropRate: 0.2, seed: 11 });
    for (let i = 0; i < 8; i++) {
      await provider.create(resource('kustomer.hook', `regal-h${i}`, { name: `regal-h${i}`, type: 'web' }), ctx);
      await provider.create(resource('kustomer.klass', `regal-k${i}`, { name: `regal-k${i}`, status: 'enabled' }), ctx);
      await provider.create(
        resource('kustomer.outbound-webhook', `regal-o${i}`, { ...webhook.body, name: `regal-o${i}` }),
        ctx,
      );
    }
    org.setFaults({});
    const names = (rows: { attributes: JsonObject }[]) => rows.map((r) => r.attributes.name as string).sort();
    const expected = (p: string) => Array.from({ length: 8 }, (_, i) => `regal-${p}${i}`).sort();
    assert.equal(names(org.store.state.hooks), expected('h'));
    assert.equal(names(org.store.state.klasses), expected('k'));
    assert.equal(names(org.store.state.outboundWebhooks), expected('o'));
    assert.ok(org.requests.some((r) => r.method === 'POST' && r.fault?.endsWith('-after')));
  } finally {
    await org.close();
  }
});

test('namespace: attribute metadata is read only for managed Klasses', async () => {
  const org = await startTestOrg();
  try {
    await call(org, 'POST', '/v1/klasses', { name: 'other-thing' });
    await call(org, 'POST', '/v1/klasses', { name: 'regal-call', status: 'disabled' });
    const provider = createKustomerProvider(clientFor(org), { namespace: 'regal' });
    const live = await provider.fetchLive({ logger: memoryLogger() });
    assert.equal(live.map((r) => `${r.kind}:${r.key}`).sort(), [
      'kustomer.klass-attributes:regal-call',
      'kustomer.klass:other-thing',
      'kustomer.klass:regal-call',
    ]);
    assert.equal(
      org.requests.filter((r) => r.path.startsWith('/v1/metadata')).map((r) => r.path),
      ['/v1/metadata/kobject.regal-call'],
    );
  } finally {
    await org.close();
  }
});

test.run();
