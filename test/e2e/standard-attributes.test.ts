/**
 * Standard-object attributes through the real CLI against the local org: apply creates and changes
 * kac's own attributes (namespace `acme`: names starting with "acme"), every other attribute of the
 * same metadata stays byte for byte, an attribute someone else adds is not drift, a UI edit to one of
 * kac's is, and the workflow that writes them runs.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { z } from 'zod';
import type { JsonObject } from '../../compiler/json.js';
import { createKustomerClient, type KustomerClient } from '../../sync/providers/kustomer/client/index.js';
import { createHarness, type Harness } from './harness.js';

const e2e = suite('standard-object attributes (e2e)');
let h: Harness;
let client: KustomerClient;

/** What an admin or another integration did in Kustomer's UI: a metadata PUT of its own attributes. */
const FOREIGN_CUSTOMER = {
  loyaltyTierStr: { type: 'string', displayName: 'Loyalty tier', enumeration: ['bronze', 'gold'] },
  countryTreeStr: {
    type: 'string',
    displayName: 'Country',
    tree: { children: [{ id: 'AF', displayName: 'Afghanistan' }] },
    lastNodeRequired: false,
  },
  shopifyIdNum: { type: 'number', displayName: 'Shopify id', sensitive: { enabled: true, maskType: 'full' } },
};

const uiPut = (object: string, properties: JsonObject) =>
  client.put(`/v1/metadata/${object}`, { properties }, z.unknown());
const stored = (object: string) =>
  (h.org.store.state.metadata[object] ?? {}) as JsonObject & { properties?: Record<string, JsonObject> };
/** The org's own bytes for every attribute kac does not own. */
const foreignBytes = (object: string) =>
  JSON.stringify(Object.entries(stored(object).properties ?? {}).filter(([name]) => !name.startsWith('acme')));

e2e.before(async () => {
  h = await createHarness({}, 'standard-attributes');
  client = createKustomerClient({ baseUrl: h.org.baseUrl, apiKey: h.org.token });
  await uiPut('customer', FOREIGN_CUSTOMER);
  await uiPut('conversation', { priorityLevelNum: { type: 'number', displayName: 'Priority' } });
});
e2e.after(async () => {
  await h.dispose();
});

e2e("the first plan adds kac's attributes to the existing metadata and never mentions the others", async () => {
  const r = await h.kac('plan', '--detailed-exitcode');
  assert.is(r.code, 2, r.err);
  assert.match(r.out, 'attribute acmeTierStr (string) added');
  assert.match(r.out, 'attribute acmeTopicStr (string) added');
  for (const foreign of ['loyaltyTierStr', 'countryTreeStr', 'shopifyIdNum', 'priorityLevelNum'])
    assert.not.match(r.out, foreign);
});

e2e(
  'apply writes them; every attribute kac does not own is unchanged byte for byte; a fresh plan is empty',
  async () => {
    const before = { customer: foreignBytes('customer'), conversation: foreignBytes('conversation') };
    const r = await h.kac('apply', '--auto-approve');
    assert.is(r.code, 0, r.err + r.out);
    assert.match(r.out, 'Verified: a fresh plan is empty; the org matches git.');
    assert.equal(stored('customer').properties!.acmeTierStr, {
      type: 'string',
      displayName: 'Acme Tier',
      enumeration: ['gold', 'silver'],
    });
    assert.equal(stored('conversation').properties!.acmeOrderCountNum, { type: 'number', displayName: 'Orders' });
    assert.is(foreignBytes('customer'), before.customer);
    assert.is(foreignBytes('conversation'), before.conversation);
    assert.is((await h.kac('plan', '--detailed-exitcode')).code, 0);
  },
);

e2e('an attribute someone else adds in the UI is neither drift nor a change', async () => {
  await uiPut('customer', { npsScoreNum: { type: 'number', displayName: 'NPS' } });
  const plan = await h.kac('plan', '--detailed-exitcode');
  assert.is(plan.code, 0, plan.out);
  assert.not.match(plan.out, 'npsScoreNum');
  const drift = await h.kac('drift');
  assert.is(drift.code, 0, drift.out + drift.err);
});

e2e("a UI edit to one of kac's attributes is drift, and apply puts it back without touching the others", async () => {
  await uiPut('customer', { acmeLastOrderAt: { displayName: 'Renamed in the UI' } });
  const drift = await h.kac('drift');
  assert.is(drift.code, 2, drift.out + drift.err);
  assert.match(drift.out, 'customer');
  const plan = await h.kac('plan', '--detailed-exitcode');
  assert.is(plan.code, 2);
  assert.match(plan.out, 'attribute acmeLastOrderAt changed: displayName');
  const before = foreignBytes('customer');
  const r = await h.kac('apply', '--auto-approve');
  assert.is(r.code, 0, r.err + r.out);
  assert.match(r.out, 'Verified: a fresh plan is empty; the org matches git.');
  assert.is(stored('customer').properties!.acmeLastOrderAt!.displayName, 'Last order');
  assert.is(foreignBytes('customer'), before);
  assert.ok(stored('customer').properties!.npsScoreNum, 'the attribute added in the UI is still there');
});

e2e('an attribute added or changed in git is planned per attribute and applied', async () => {
  const file = join(h.root, 'klasses/standard/conversation.ts');
  const source = await readFile(file, 'utf8');
  await writeFile(
    file,
    source.replace(
      'acmeTopic: attribute.string(),',
      "acmeTopic: attribute.string({ displayName: 'Topic' }),\n  acmeEscalated: attribute.boolean(),",
    ),
  );
  const plan = await h.kac('plan', '--detailed-exitcode');
  assert.is(plan.code, 2, plan.err);
  assert.match(plan.out, 'attribute acmeEscalatedBool (boolean) added');
  assert.match(plan.out, 'attribute acmeTopicStr changed: displayName');
  const r = await h.kac('apply', '--auto-approve');
  assert.is(r.code, 0, r.err + r.out);
  assert.equal(stored('conversation').properties!.acmeEscalatedBool, {
    type: 'boolean',
    displayName: 'Acme Escalated',
  });
  assert.equal(stored('conversation').properties!.priorityLevelNum, { type: 'number', displayName: 'Priority' });
});

e2e("an attribute of kac's that git no longer declares is kept, and the plan says so", async () => {
  await uiPut('customer', { acmeLegacyStr: { type: 'string', displayName: 'Legacy' } });
  const plan = await h.kac('plan', '--detailed-exitcode');
  assert.is(plan.code, 0, plan.out);
  assert.match(plan.out + plan.err, 'acmeLegacyStr');
  assert.ok(stored('customer').properties!.acmeLegacyStr);
});

e2e("a type change of one of kac's attributes is refused with a hint", async () => {
  h.org.store.state.metadata.customer!.properties = {
    ...stored('customer').properties,
    acmeVipBool: { type: 'string', displayName: 'Acme Vip' },
  };
  const plan = await h.kac('plan');
  assert.is(plan.code, 1, plan.out);
  assert.match(
    plan.out + plan.err,
    'attribute "acmeVipBool" of "customer" is "string" in Kustomer but "boolean" in git',
  );
  h.org.store.state.metadata.customer!.properties = {
    ...stored('customer').properties,
    acmeVipBool: { type: 'boolean', displayName: 'Acme Vip', description: 'Set by the order sync' },
  };
});

e2e('the workflow writes the attributes through a typed mapping', async () => {
  await client.post('/v1/customers', { externalId: 'c-1', name: 'Ada' }, z.unknown());
  const hooks = await client.list('/v1/hooks/web', z.looseObject({ name: z.string(), url: z.string() }));
  const url = hooks.find((x) => x.attributes.name === 'acme-orders')!.attributes.url;
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${h.org.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      event: 'order.placed',
      customerId: 'c-1',
      placedAt: '2026-11-30T10:00:00.000Z',
      tier: 'gold',
    }),
  });
  assert.is(res.status, 200, await res.text());
  const customer = h.org.store.state.customers.find((c) => c.externalId === 'c-1')!;
  assert.equal(customer.custom, {
    acmeLastOrderAt: '2026-11-30T10:00:00.000Z',
    acmeTierStr: 'gold',
    acmeVipBool: true,
  });
});

e2e("drift --adopt writes a UI edit of kac's attributes back into the defineAttributes file", async () => {
  await uiPut('conversation', { acmeOrderCountNum: { displayName: 'Orders so far' } });
  const r = await h.kac('drift', '--adopt');
  assert.is(r.code, 2, r.out + r.err);
  assert.match(r.err + r.out, 'adopted   kustomer.standard-attributes conversation → klasses/standard/conversation.ts');
  const text = await readFile(join(h.root, 'klasses/standard/conversation.ts'), 'utf8');
  assert.match(text, "export default defineAttributes('conversation', {");
  assert.match(text, "acmeOrderCount: attribute.number({ displayName: 'Orders so far' }),");
  assert.not.match(text, 'priorityLevel');
  assert.is((await h.kac('plan', '--detailed-exitcode')).code, 0);
});

e2e.run();
