// The provider's side of standard-object attributes: only kac's attributes are read into the body
// and the fingerprint; a write re-reads and sends every other attribute back exactly as read.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { JsonObject } from '../../../../compiler/json.js';
import type { Resource } from '../../../../compiler/resource.js';
import { memoryLogger } from '../../../../sync/logger.js';
import { createKustomerProvider } from '../../../../sync/providers/kustomer/provider.js';
import {
  liveStandardAttributes,
  mergedMetadataBody,
} from '../../../../sync/providers/kustomer/resources/standard-attributes.js';
import { call, clientFor, startTestOrg } from './fixtures.js';

const FOREIGN = {
  loyaltyTierStr: { type: 'string', displayName: 'Loyalty', enumeration: ['bronze', 'gold'] },
  countryTreeStr: {
    type: 'string',
    tree: { children: [{ id: 'AF', displayName: 'Afghanistan' }] },
    lastNodeRequired: false,
  },
};
const desired: Resource = {
  kind: 'kustomer.standard-attributes',
  key: 'customer',
  body: {
    properties: {
      regalLastCallAt: { type: 'date', displayName: 'Last call' },
      regalCallsNum: { type: 'number', displayName: 'Calls' },
    },
  },
  dependsOn: [],
  sensitive: [],
};

const merge = suite('mergedMetadataBody');

merge("every live attribute as read, kac's merged over their live versions, the other PUT keys as read", () => {
  const live: JsonObject = {
    properties: {
      ...FOREIGN,
      regalCallsNum: { type: 'number', displayName: 'Old', sensitive: { enabled: true } },
      regalOldStr: { type: 'string' },
    },
    standardProperties: { name: { displayName: 'Full name' } },
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
  assert.equal(mergedMetadataBody(live, desired.body, 'regal'), {
    standardProperties: { name: { displayName: 'Full name' } },
    properties: {
      ...FOREIGN,
      regalCallsNum: { type: 'number', displayName: 'Calls', sensitive: { enabled: true } },
      regalOldStr: { type: 'string' },
      regalLastCallAt: { type: 'date', displayName: 'Last call' },
    },
  });
});

merge('an attribute kac does not own in the desired body is refused, never written', () => {
  assert.throws(
    () => mergedMetadataBody({}, { properties: { loyaltyTierStr: { type: 'string' } } }, 'regal'),
    /kac does not own: loyaltyTierStr/,
  );
});

merge.run();

const live = suite('liveStandardAttributes');

live("the body and the fingerprint hold kac's attributes only", () => {
  const object = (props: JsonObject) => ({
    type: 'metadata',
    id: 'customer',
    attributes: { properties: props, updatedAt: String(Object.keys(props).length) },
  });
  const a = liveStandardAttributes(
    'customer',
    object({ ...FOREIGN, regalCallsNum: { type: 'number', modifiedAt: 'x' } }),
    'regal',
  );
  const b = liveStandardAttributes(
    'customer',
    object({ regalCallsNum: { type: 'number', modifiedAt: 'x' }, npsNum: { type: 'number' } }),
    'regal',
  );
  assert.equal(a.body, { properties: { regalCallsNum: { type: 'number' } } });
  assert.is(a.fingerprint, b.fingerprint, 'another attribute added or gone does not make a saved plan stale');
  assert.equal(a.facts, { otherAttributes: 2 });
  const c = liveStandardAttributes(
    'customer',
    object({ regalCallsNum: { type: 'number', displayName: 'Edited' } }),
    'regal',
  );
  assert.is.not(c.fingerprint, a.fingerprint);
});

live.run();

const provider = suite('the Kustomer provider and standard objects');

provider('fetchLive reads only the standard objects it is given, and only with a namespace', async () => {
  const org = await startTestOrg();
  try {
    const ctx = { logger: memoryLogger() };
    const client = clientFor(org);
    const gets = () => client.stats().byMethod.GET ?? 0;
    let before = gets();
    const live = await createKustomerProvider(client, { namespace: 'regal', standardObjects: ['customer'] }).fetchLive(
      ctx,
    );
    assert.equal(
      live.filter((r) => r.kind === 'kustomer.standard-attributes').map((r) => [r.key, r.body]),
      [['customer', { properties: {} }]],
    );
    const withObject = gets() - before;
    before = gets();
    await createKustomerProvider(client, { namespace: 'regal' }).fetchLive(ctx);
    assert.is(gets() - before, withObject - 1, 'one metadata GET per given object, none otherwise');
    const none = await createKustomerProvider(client, { standardObjects: ['customer'] }).fetchLive(ctx);
    assert.equal(
      none.filter((r) => r.kind === 'kustomer.standard-attributes'),
      [],
      'no namespace, no ownership: nothing read',
    );
  } finally {
    await org.close();
  }
});

provider("create, then update, keep every other attribute of the object; a fresh read sees kac's only", async () => {
  const org = await startTestOrg();
  try {
    const ctx = { logger: memoryLogger() };
    assert.is((await call(org, 'PUT', '/v1/metadata/customer', { properties: FOREIGN })).status, 200);
    const p = createKustomerProvider(clientFor(org), { namespace: 'regal', standardObjects: ['customer'] });
    const created = await p.create(desired, ctx);
    assert.equal(created.body, desired.body);
    const changed = {
      ...desired,
      body: { properties: { regalLastCallAt: { type: 'date', displayName: 'Most recent call' } } },
    };
    const updated = await p.update(changed, created, ctx);
    assert.equal(updated.body, {
      properties: {
        regalLastCallAt: { type: 'date', displayName: 'Most recent call' },
        regalCallsNum: { type: 'number', displayName: 'Calls' },
      },
    });
    const stored = org.store.state.metadata.customer!.properties as JsonObject;
    assert.equal(stored.loyaltyTierStr, FOREIGN.loyaltyTierStr);
    assert.equal(stored.countryTreeStr, FOREIGN.countryTreeStr);
    const again = (await p.fetchLive(ctx)).find((r) => r.kind === 'kustomer.standard-attributes')!;
    assert.equal([again.body, again.fingerprint], [updated.body, updated.fingerprint]);
    await p.remove(updated, ctx);
    assert.match(ctx.logger.lines.join('\n'), 'Kustomer has no attribute delete');
    assert.ok((org.store.state.metadata.customer!.properties as JsonObject).regalCallsNum, 'remove deletes nothing');
  } finally {
    await org.close();
  }
});

provider('without a namespace a write is refused: ownership needs it', async () => {
  const org = await startTestOrg();
  try {
    const p = createKustomerProvider(clientFor(org));
    try {
      await p.create(desired, { logger: memoryLogger() });
      assert.unreachable('a write without a namespace');
    } catch (error) {
      assert.match(String(error), 'standard-object attributes need the namespace');
    }
  } finally {
    await org.close();
  }
});

provider.run();
