// The local org serves the metadata of every standard object kac manages attributes on.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { STANDARD_OBJECTS } from '../../../compiler/model/standard-attributes.js';
import { call, startTestOrg } from '../providers/kustomer/fixtures.js';

test('GET /v1/metadata/<standard object> answers for each; a PUT merges per attribute; other names are 404', async () => {
  const org = await startTestOrg();
  try {
    for (const object of STANDARD_OBJECTS) {
      const empty = await call(org, 'GET', `/v1/metadata/${object}`);
      assert.equal(
        [empty.status, empty.body.data.id, empty.body.data.attributes.properties],
        [200, object, {}],
        object,
      );
      await call(org, 'PUT', `/v1/metadata/${object}`, { properties: { tierStr: { displayName: 'Tier' } } });
      const put = await call(org, 'PUT', `/v1/metadata/${object}`, {
        properties: { regalScoreNum: { displayName: 'Score' } },
      });
      assert.equal(
        put.body.data.attributes.properties,
        { tierStr: { type: 'string', displayName: 'Tier' }, regalScoreNum: { type: 'number', displayName: 'Score' } },
        object,
      );
      assert.equal(
        (await call(org, 'GET', `/v1/metadata/${object}`)).body.data.attributes.properties,
        put.body.data.attributes.properties,
      );
    }
    assert.is((await call(org, 'GET', '/v1/metadata/customers')).status, 404);
  } finally {
    await org.close();
  }
});

test.run();
