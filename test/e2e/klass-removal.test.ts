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

const countRequests = (h: Harness) => h.org.requests.filter((r) => /^\/v1\/klasses\/e2e-[a-z]+\?/.test(r.path)).length;

const ordinary = suite('Klass removal (e2e): nothing to remove');
let clean: Harness;
ordinary.before(async () => {
  clean = await createHarness();
  assert.is((await clean.kac('apply', '--auto-approve')).code, 0);
});
ordinary.after(async () => {
  await clean.dispose();
});

ordinary('an ordinary plan (nothing to remove) makes no KObject-count request', async () => {
  const before = countRequests(clean);
  assert.is((await clean.kac('plan')).code, 0);
  assert.is(countRequests(clean), before);
});

ordinary.run();

const removal = suite('Klass removal (e2e): two managed Klasses git does not declare, one with a KObject');
let h: Harness;

removal.before(async () => {
  h = await createHarness();
  assert.is((await h.kac('apply', '--auto-approve')).code, 0);
  const client = createKustomerClient({ baseUrl: h.org.baseUrl, apiKey: h.org.token, logger: silentLogger });
  const any = z.looseObject({});
  await client.post('/v1/klasses', { name: 'e2e-retired', displayName: 'Retired', status: 'enabled' }, any);
  await client.post('/v1/klasses', { name: 'e2e-empty', displayName: 'Empty', status: 'enabled' }, any);
  await client.post('/v1/klasses/e2e-retired', { title: 'An old card' }, any);
});
removal.after(async () => {
  await h.dispose();
});

removal(
  'a plan without --allow-destroy refuses both deletions; KObjects are counted once per removal candidate',
  async () => {
    const before = countRequests(h);
    const r = await h.kac('plan', '--format', 'json');
    assert.is(r.code, 0);
    const plan = JSON.parse(r.out);
    const deletes = plan.changes.filter((c: { kind: string }) => c.kind === 'delete');
    assert.equal(deletes.map((c: { resource: { key: string } }) => c.resource.key).sort(), [
      'e2e-empty',
      'e2e-retired',
    ]);
    assert.ok(deletes.every((c: { refusal?: unknown }) => c.refusal !== undefined));
    // Only the two removal candidates are counted (the plan names the Klass that has KObjects).
    assert.is(countRequests(h) - before, 2);
  },
);

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
  const r = await h.kac('apply', '--auto-approve', '--allow-destroy');
  assert.is(r.code, 0, r.out + r.err); // a refused delete is reported in the plan, not an apply failure
  assert.match(r.out, 'has 1 KObject(s)');
  const klasses = orgNames(h.org).klasses ?? [];
  assert.ok(klasses.includes('e2e-retired'));
  assert.not.ok(klasses.includes('e2e-empty'));
});

removal.run();
