import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { call, startTestOrg, workflowBody } from '../providers/kustomer/fixtures.js';
import { FaultInjector } from '../../../sync/local-org/server/faults.js';

test('401 without a valid token, with an errors array', async () => {
  const org = await startTestOrg({ token: 'right-token' });
  try {
    for (const token of [null, 'wrong-token']) {
      const r = await call(org, 'GET', '/v1/workflows', undefined, token);
      assert.is(r.status, 401);
      assert.equal(
        r.body.errors.map((e: { status: number; code: string }) => [e.status, e.code]),
        [[401, 'unauthorized']],
      );
    }
    assert.is((await call(org, 'GET', '/v1/auth/tokens/current')).status, 200);
  } finally {
    await org.close();
  }
});

test('400 with an errors array naming each bad field', async () => {
  const org = await startTestOrg();
  try {
    const cases: [string, string, unknown, [string, string][]][] = [
      [
        'POST',
        '/v1/workflows',
        { description: 'no name' },
        [
          ['/name', 'name is required and must be a non-empty string'],
          ['/trigger', 'trigger is required and must be an object'],
        ],
      ],
      [
        'POST',
        '/v1/workflows',
        workflowBody('regal-loop', 'x', {
          steps: [
            { id: 'a', transitions: [{ target: 'b', condition: { op: 'true', values: [true] } }] },
            { id: 'b', transitions: [{ target: 'a', condition: { op: 'true', values: [true] } }] },
          ],
          trigger: {
            id: '1',
            eventName: 'x',
            transitions: [{ target: 'a', condition: { op: 'true', values: [true] } }],
          },
        }),
        [['/steps', 'workflow has a loop: a → b → a']],
      ],
      [
        'POST',
        '/v1/klasses',
        { name: 'regal call' },
        [['/name', 'name is required and may contain only letters, digits, "_" and "-"']],
      ],
      [
        'POST',
        '/v1/klasses',
        { name: 'regal-call', attributes: {} },
        [['/attributes', '"attributes" is not a Klass field']],
      ],
      ['POST', '/v1/hooks/web', { description: 'x' }, [['/name', 'name is required and must be a non-empty string']]],
    ];
    for (const [method, path, body, expected] of cases) {
      const r = await call(org, method, path, body);
      assert.is(r.status, 400, `${method} ${path} ${JSON.stringify(body)}`);
      assert.equal(
        r.body.errors.map((e: { source: { pointer: string }; detail: string }) => [e.source.pointer, e.detail]),
        expected,
      );
    }
    const notJson = await call(org, 'POST', '/v1/klasses', '{not json');
    assert.equal([notJson.status, notJson.body.errors[0].detail], [400, 'the body is not valid JSON']);
  } finally {
    await org.close();
  }
});

test('Klass names are immutable and unique; GET by id is the Klass, by name its KObjects', async () => {
  const org = await startTestOrg();
  try {
    const created = await call(org, 'POST', '/v1/klasses', {
      name: 'regal-call',
      displayName: 'Regal Call',
      icon: 'phone',
    });
    assert.is(created.status, 201);
    const id = created.body.data.id as string;
    assert.equal(created.body.data.attributes.status, 'enabled');
    const rename = await call(org, 'PUT', `/v1/klasses/${id}`, { name: 'regal-call-2' });
    assert.equal(
      [rename.status, rename.body.errors[0].detail],
      [400, `a Klass name can't be changed (it is "regal-call")`],
    );
    const same = await call(org, 'PUT', `/v1/klasses/${id}`, { name: 'regal-call', displayName: 'Calls' });
    assert.equal(
      [same.status, same.body.data.attributes.displayName, same.body.data.attributes.icon],
      [200, 'Calls', 'phone'],
    );
    assert.is((await call(org, 'POST', '/v1/klasses', { name: 'regal-call' })).status, 409);
    assert.equal((await call(org, 'GET', `/v1/klasses/${id}`)).body.data.type, 'klass');
    await call(org, 'POST', '/v1/klasses/regal-call', {
      title: 'A call',
      externalId: 'c-1',
      custom: { talkTimeNum: 30 },
    });
    const kobjects = await call(org, 'GET', '/v1/klasses/regal-call');
    assert.equal(
      kobjects.body.data.map((k: { type: string; attributes: { title: string } }) => [k.type, k.attributes.title]),
      [['kobject', 'A call']],
    );
    const byExternal = await call(org, 'GET', '/v1/klasses/regal-call/externalId=c-1');
    assert.is(byExternal.body.data.attributes.custom.talkTimeNum, 30);
  } finally {
    await org.close();
  }
});

test('Klass delete is refused while KObjects exist; allowed without', async () => {
  const org = await startTestOrg();
  try {
    const used = (await call(org, 'POST', '/v1/klasses', { name: 'regal-sms' })).body.data.id;
    const unused = (await call(org, 'POST', '/v1/klasses', { name: 'regal-note' })).body.data.id;
    await call(org, 'POST', '/v1/klasses/regal-sms', { title: 'An sms' });
    const refused = await call(org, 'DELETE', `/v1/klasses/${used}`);
    assert.equal(
      [refused.status, refused.body.errors[0].detail],
      [409, `Klass "regal-sms" has 1 KObject(s) and can't be deleted`],
    );
    assert.is((await call(org, 'DELETE', `/v1/klasses/${unused}`)).status, 204);
    assert.is((await call(org, 'GET', `/v1/klasses/${unused}`)).status, 404);
  } finally {
    await org.close();
  }
});

test('KObject custom values must fit their suffix', async () => {
  const org = await startTestOrg();
  try {
    await call(org, 'POST', '/v1/klasses', { name: 'regal-call' });
    const r = await call(org, 'POST', '/v1/klasses/regal-call', {
      title: 'x',
      custom: { talkTimeNum: '30', answeredBool: 1, startedAt: 'yesterday', notesStr: null },
    });
    assert.is(r.status, 400);
    assert.equal(
      r.body.errors.map((e: { detail: string }) => e.detail),
      [
        'custom attribute "talkTimeNum" must be a number, got "30"',
        'custom attribute "answeredBool" must be a boolean, got 1',
        'custom attribute "startedAt" must be an ISO 8601 date, got "yesterday"',
      ],
    );
    assert.is((await call(org, 'POST', '/v1/klasses/regal-unknown', { title: 'x' })).status, 404);
  } finally {
    await org.close();
  }
});

test('metadata merges per attribute and refuses a type that contradicts the suffix', async () => {
  const org = await startTestOrg();
  try {
    await call(org, 'POST', '/v1/klasses', { name: 'regal-call' });
    await call(org, 'PUT', '/v1/metadata/kobject.regal-call', {
      properties: { talkTimeNum: { type: 'number', displayName: 'Talk time' } },
    });
    await call(org, 'PUT', '/v1/metadata/kobject.regal-call', {
      properties: { directionStr: { displayName: 'Direction', enumeration: ['inbound', 'outbound'] } },
    });
    const relabel = await call(org, 'PUT', '/v1/metadata/kobject.regal-call', {
      properties: { talkTimeNum: { displayName: 'Talk time (s)' } },
    });
    assert.equal(relabel.body.data.attributes.properties, {
      talkTimeNum: { type: 'number', displayName: 'Talk time (s)' },
      directionStr: { type: 'string', displayName: 'Direction', enumeration: ['inbound', 'outbound'] },
    });
    const wrong = await call(org, 'PUT', '/v1/metadata/kobject.regal-call', {
      properties: { talkTimeNum: { type: 'string' }, colour: { type: 'string' } },
    });
    assert.equal(
      [wrong.status, wrong.body.errors.map((e: { detail: string }) => e.detail)],
      [
        400,
        [
          'attribute "talkTimeNum" has type "string" but its suffix means "number"',
          'attribute "colour" has no type suffix (Str, Txt, Num, At, Bool, Url, Id)',
        ],
      ],
    );
    assert.is((await call(org, 'GET', '/v1/metadata/kobject.regal-missing')).status, 404);
  } finally {
    await org.close();
  }
});

test('workflows: created disabled unless enabled:true, partial PUT, rev counts changes, stable step _id, no delete', async () => {
  const org = await startTestOrg();
  try {
    const { enabled: _e, ...disabledBody } = workflowBody('regal-a');
    const a = (await call(org, 'POST', '/v1/workflows', disabledBody)).body.data;
    assert.equal(
      [a.attributes.enabled, a.attributes.rev, a.attributes.editable, typeof a.attributes.steps[0]._id],
      [false, 1, true, 'string'],
    );
    assert.equal(Object.keys(a.relationships).sort(), ['createdBy', 'modifiedBy', 'org']);
    const enabled = (await call(org, 'POST', '/v1/workflows', workflowBody('regal-b'))).body.data;
    assert.is(enabled.attributes.enabled, true);

    const partial = (await call(org, 'PUT', `/v1/workflows/${a.id}`, { description: 'changed' })).body.data;
    assert.equal(
      [partial.attributes.description, partial.attributes.name, partial.attributes.rev],
      ['changed', 'regal-a', 2],
    );
    assert.equal(partial.attributes.trigger, disabledBody.trigger);
    assert.is(partial.attributes.steps[0]._id, a.attributes.steps[0]._id);
    const unchanged = (
      await call(org, 'PUT', `/v1/workflows/${a.id}`, {
        description: 'changed',
        rev: 99,
        steps: partial.attributes.steps,
      })
    ).body.data;
    assert.is(unchanged.attributes.rev, 2, 'echoing server fields back changes nothing');

    const del = await call(org, 'DELETE', `/v1/workflows/${a.id}`);
    assert.equal(
      [del.status, del.body.errors[0].detail],
      [404, 'there is no workflow delete: set enabled to false to stop a workflow'],
    );
    const list = await call(org, 'GET', '/v1/workflows?enabled=true');
    assert.equal(
      list.body.data.map((w: { attributes: { name: string } }) => w.attributes.name),
      ['regal-b'],
    );
  } finally {
    await org.close();
  }
});

test('outbound webhooks: https only, at most 12 events, name and url at most 255; token in the response', async () => {
  const org = await startTestOrg();
  try {
    const base = { name: 'regal-sync', url: 'https://hooks.example.com/k', events: ['kustomer.customer.create'] };
    const cases: [object, string][] = [
      [{ url: 'http://hooks.example.com/k' }, 'url must be an https:// URL'],
      [
        { events: Array.from({ length: 13 }, (_, i) => `kustomer.e${i}.create`) },
        'at most 12 events are allowed, got 13',
      ],
      [{ name: 'n'.repeat(256) }, 'name must be at most 255 characters'],
      [{ url: `https://example.com/${'a'.repeat(240)}` }, 'url must be at most 255 characters'],
      [{ events: [] }, 'events is required and must be a non-empty list of event names'],
      [{ headers: { Authorization: 'x' } }, 'headers must be a list of { name, value } strings'],
    ];
    for (const [change, detail] of cases) {
      const r = await call(org, 'POST', '/v1/outbound-webhooks', { ...base, ...change });
      assert.equal(
        [r.status, r.body.errors.map((e: { detail: string }) => e.detail)],
        [400, [detail]],
        JSON.stringify(change).slice(0, 60),
      );
    }
    const ok = await call(org, 'POST', '/v1/outbound-webhooks', {
      ...base,
      events: Array.from({ length: 12 }, (_, i) => `kustomer.e${i}.create`),
    });
    assert.is(ok.status, 201);
    assert.match(ok.body.data.attributes.token, /^[0-9a-f]{64}$/);
    const updated = await call(org, 'PUT', `/v1/outbound-webhooks/${ok.body.data.id}`, { enabled: false });
    assert.equal([updated.body.data.attributes.enabled, updated.body.data.attributes.name], [false, 'regal-sync']);
    assert.is((await call(org, 'DELETE', `/v1/outbound-webhooks/${ok.body.data.id}`)).status, 204);
  } finally {
    await org.close();
  }
});

test('x-ratelimit headers on every response, 429 beyond the budget', async () => {
  const org = await startTestOrg({ rateLimitPerMinute: 3, rateLimitWindowMs: 60_000 });
  try {
    const seen: [number, string | null][] = [];
    for (let i = 0; i < 4; i++) {
      const r = await call(org, 'GET', '/v1/klasses');
      seen.push([r.status, r.headers.get('x-ratelimit-remaining')]);
      assert.is(r.headers.get('x-ratelimit-limit'), '3');
      assert.ok(Number(r.headers.get('x-ratelimit-reset')) > 0);
    }
    assert.equal(seen, [
      [200, '2'],
      [200, '1'],
      [200, '0'],
      [429, '0'],
    ]);
  } finally {
    await org.close();
  }
});

test('pagination: page/pageSize with links, next null on the last page', async () => {
  const org = await startTestOrg();
  try {
    for (let i = 0; i < 5; i++) await call(org, 'POST', '/v1/klasses', { name: `regal-k${i}` });
    const p2 = await call(org, 'GET', '/v1/klasses?page=2&pageSize=2');
    assert.equal(p2.body.meta, { pageSize: 2, page: 2, total: 5, totalPages: 3 });
    assert.equal(p2.body.links, {
      self: '/v1/klasses?page=2&pageSize=2',
      first: '/v1/klasses?page=1&pageSize=2',
      prev: '/v1/klasses?page=1&pageSize=2',
      next: '/v1/klasses?page=3&pageSize=2',
    });
    assert.is((await call(org, 'GET', '/v1/klasses?page=3&pageSize=2')).body.links.next, null);
  } finally {
    await org.close();
  }
});

test('customers: create and find by externalId, email and phone', async () => {
  const org = await startTestOrg();
  try {
    const c = (
      await call(org, 'POST', '/v1/customers', {
        name: 'Jane',
        externalId: 'u-1',
        emails: [{ email: 'jane@example.com' }],
        phones: [{ phone: '+1 954 555 2399' }],
      })
    ).body.data;
    for (const path of [
      '/v1/customers/externalId=u-1',
      '/v1/customers/email=JANE@example.com',
      '/v1/customers/phone=%2B19545552399',
      `/v1/customers/${c.id}`,
    ]) {
      const r = await call(org, 'GET', path);
      assert.equal([r.status, r.body.data.id], [200, c.id], path);
    }
    assert.is((await call(org, 'GET', '/v1/customers/email=nobody@example.com')).status, 404);
    await call(org, 'POST', '/v1/klasses', { name: 'regal-call' });
    await call(org, 'POST', `/v1/customers/${c.id}/klasses/regal-call`, { title: 'Call' });
    const timeline = await call(org, 'GET', `/v1/customers/${c.id}/klasses/regal-call`);
    assert.equal(
      timeline.body.data.map(
        (k: { relationships: { customer: { data: { id: string } } } }) => k.relationships.customer.data.id,
      ),
      [c.id],
    );
  } finally {
    await org.close();
  }
});

test('faults are reproducible from their seed', () => {
  const draw = (seed: number) => {
    const f = new FaultInjector({ failRate: 0.3, dropRate: 0.2, seed });
    return Array.from({ length: 50 }, () => JSON.stringify(f.decide()));
  };
  assert.equal(draw(42), draw(42));
  assert.not.equal(draw(42), draw(43));
  const kinds = new Set(draw(42).map((d) => JSON.parse(d).kind));
  assert.equal([...kinds].sort(), ['drop', 'fail', 'none']);
});

test.run();
