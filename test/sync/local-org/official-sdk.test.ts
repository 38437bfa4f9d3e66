/**
 * Kustomer's official apps SDK (`@kustomer/apps-server-sdk`) as a real client of the local org: its
 * Customers and KObjects API classes, unchanged except for the base URL they send to, get every
 * answer they expect. The paths they call are confirmed facts (kustomer-api.md addendum).
 */
import { createRequire } from 'node:module';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startLocalOrg, type LocalOrg } from '../../../sync/local-org/server/server.js';

const require = createRequire(import.meta.url);
// The API classes alone (the package root pulls in its app server and CLI).
const { Customers } = require('@kustomer/apps-server-sdk/lib/api/customer.js') as {
  Customers: new (...args: unknown[]) => any;
};
const { KObjects } = require('@kustomer/apps-server-sdk/lib/api/kobject.js') as {
  KObjects: new (...args: unknown[]) => any;
};

/** The SDK picks its host from a fixed table by `env`; only that getter is pointed at the local org. */
function againstLocalOrg<T extends new (...args: any[]) => any>(Api: T, org: LocalOrg): InstanceType<T> {
  class Local extends Api {
    get baseUrls() {
      return { gateway: org.baseUrl, api: org.baseUrl, web: org.baseUrl };
    }
  }
  // token: the SDK sends `Authorization: Bearer <options.token>` and skips its app-token exchange.
  return new Local('app-token', 'local-org', {
    app: 'kactest',
    clientId: 'kac',
    visibility: 'private',
    token: org.token,
    namespace: false,
  });
}

test('Customers and KObjects from the official SDK get every answer they expect', async () => {
  const org = await startLocalOrg({ stateDir: null, schedulerIntervalMs: 0 });
  try {
    const customers = againstLocalOrg(Customers, org);
    const kobjects = againstLocalOrg(KObjects, org);
    await fetch(`${org.baseUrl}/v1/klasses`, {
      method: 'POST',
      headers: { authorization: `Bearer ${org.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'order' }),
    });

    const created = await customers.create({
      name: 'Ada Lovelace',
      externalId: 'ext-1',
      emails: [{ email: 'ada@example.com' }],
      phones: [{ phone: '+1 555 0100' }],
    });
    assert.ok(/^[0-9a-f]{24}$/.test(created.id));
    assert.is(created.name, 'Ada Lovelace');

    assert.is((await customers.getById(created.id)).externalId, 'ext-1');
    assert.is((await customers.getByExternalId('ext-1')).id, created.id);
    assert.is((await customers.getByEmail('ada@example.com')).id, created.id);
    assert.is((await customers.getByPhone('+15550100')).id, created.id);
    // Not found is a 404, which the SDK turns into undefined.
    assert.is(await customers.getById('000000000000000000000000'), undefined);
    assert.is(await customers.getByExternalId('nobody'), undefined);

    const updated = await customers.update(created.id, { name: 'Ada King', custom: { tierStr: 'gold' } });
    assert.equal(
      [updated.id, updated.name, updated.custom, updated.externalId],
      [created.id, 'Ada King', { tierStr: 'gold' }, 'ext-1'],
    );

    const order = await customers.createKObject(created.id, 'order', {
      title: 'Order 1',
      externalId: 'o-1',
      custom: { totalNum: 12 },
    });
    assert.is(order.title, 'Order 1');
    const found = await kobjects.getByExternalId('o-1', 'order');
    assert.equal([found.id, found.custom], [order.id, { totalNum: 12 }]);
    assert.is(await kobjects.getByExternalId('o-2', 'order'), undefined);
    const changed = await kobjects.update(order.id, 'order', { custom: { totalNum: 13 } });
    assert.equal(changed.custom, { totalNum: 13 });

    // Every request the SDK made reached an endpoint (no 405 "not an endpoint").
    assert.equal(
      org.requests.filter(
        (r) => r.status === 405 || (r.status === 404 && !/id=0{24}|externalId=(nobody|o-2)/.test(r.path)),
      ),
      [],
    );
  } finally {
    await org.close();
  }
});

test.run();
