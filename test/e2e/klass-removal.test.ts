/**
 * A Klass removed from git: kac deletes it only with --allow-destroy, and never while it has KObjects
 * (Kustomer refuses too). The KObject count is read at plan time, for removal candidates only.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { z } from 'zod';
import { silentLogger } from '../../sync/logger.js';
import { createKustomerClient } from '../../sync/providers/kustomer/client/index.js';
import { createHarness, orgNames, type Harness } from './harness.js';

const removal = suite('Klass removal (e2e)');
let h: Harness;

removal.before(async () => {
  h = await createHarness();
  assert.is((await h.kac('apply', '--auto-approve')).code, 0);
});
removal.after(async () => {
  await h.dispose();
});

const countRequests = () => h.org.requests.filter((r) => /^\/v1\/klasses\/e2e-[a-z]+\?/.test(r.path)).length;

removal('an ordinary plan (nothing to remove) makes no KObject-count request', async () => {
  const before = countRequests();
  assert.is((await h.kac('plan')).code, 0);
  assert.is(countRequests(), before);
});

removal('setup: two managed Klasses that git does not declare, one with a KObject', async () => {
  const client = createKustomerClient({ baseUrl: h.org.baseUrl, apiKey: h.org.token, logger: silentLogger });
  const any = z.looseObject({});
  // Two managed Klasses that git does not declare: one holds a KObject, one is empty.
  await client.post('/v1/klasses', { name: 'e2e-retired', displayName: 'Retired', status: 'enabled' }, any);
  await client.post('/v1/klasses', { name: 'e2e-empty', displayName: 'Empty', status: 'enabled' }, any);
  await client.post('/v1/klasses/e2e-retired', { title: 'An old card' }, any);
});

removal('a plan without --allow-destroy refuses both deletions and counts no KObjects', async () => {
  const before = countRequests();
  const r = await h.kac('plan', '--format', 'json');
  assert.is(r.code, 0);
  const plan = JSON.parse(r.out);
  const deletes = plan.changes.filter((c: { kind: string }) => c.kind === 'delete');
  assert.equal(deletes.map((c: { resource: { key: string } }) => c.resource.key).sort(), ['e2e-empty', 'e2e-retired']);
  assert.ok(deletes.every((c: { refusal?: unknown }) => c.refusal !== undefined));
  // Counting KObjects is only needed for a delete kac would otherwise make.
  assert.ok(countRequests() - before <= 2);
});

removal('with --allow-destroy, the Klass with KObjects is still refused, naming the count', async () => {
  const r = await h.kac('plan', '--allow-destroy', '--format', 'json');
  const plan = JSON.parse(r.out);
  const retired = plan.changes.find((c: { resource: { key: string } }) => c.resource.key === 'e2e-retired');
  const empty = plan.changes.find((c: { resource: { key: string } }) => c.resource.key === 'e2e-empty');
  assert.is(retired.refusal.reason, 'has-kobjects');
  assert.match(retired.refusal.message, 'has 1 KObject(s)');
  assert.is(empty.refusal, undefined);
});

removal('apply --allow-destroy deletes the empty Klass and keeps the one with KObjects', async () => {
  await h.kac('apply', '--auto-approve', '--allow-destroy');
  const klasses = orgNames(h.org).klasses ?? [];
  assert.ok(klasses.includes('e2e-retired'));
  assert.not.ok(klasses.includes('e2e-empty'));
});

removal.run();
