import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { z } from 'zod';
import { ApiError, type ExitError } from '../../../../../sync/errors.js';
import { redact } from '../../../../../sync/logger.js';
import { createKustomerClient } from '../../../../../sync/providers/kustomer/client/index.js';
import { kustomerClientFromEnv } from '../../../../../sync/providers/kustomer/client/from-env.js';
import { call, clientFor, startTestOrg, workflowBody } from '../fixtures.js';

const Named = z.looseObject({ name: z.string() });

test('list follows links.next over every page of > 250 workflows (pageSize 100)', async () => {
  const org = await startTestOrg();
  try {
    const client = clientFor(org, { concurrency: 8 });
    await Promise.all(
      Array.from({ length: 263 }, (_, i) => client.post('/v1/workflows', workflowBody(`regal-wf-${i}`), Named)),
    );
    const before = client.stats().byMethod.GET ?? 0;
    const all = await client.list('/v1/workflows', Named);
    assert.is(all.length, 263);
    assert.equal(new Set(all.map((w) => w.attributes.name)).size, 263);
    assert.is((client.stats().byMethod.GET ?? 0) - before, 3);
    assert.equal(
      org.requests.filter((r) => r.method === 'GET').map((r) => r.path),
      ['/v1/workflows?pageSize=100', '/v1/workflows?pageSize=100&page=2', '/v1/workflows?pageSize=100&page=3'],
    );
  } finally {
    await org.close();
  }
});

test('a 429 storm is waited out: no request lost, each 429 retried after the reset', async () => {
  const org = await startTestOrg({ rateLimitWindowMs: 100 });
  try {
    const client = clientFor(org, { concurrency: 3, maxRetries: 2 });
    org.setFaults({ storm429: { count: 7 } });
    const names = Array.from({ length: 12 }, (_, i) => `regal-storm-${i}`);
    const created = await Promise.all(names.map((n) => client.post('/v1/workflows', workflowBody(n), Named)));
    assert.is(created.length, 12);
    assert.equal(org.store.state.workflows.map((w) => w.attributes.name).sort(), [...names].sort());
    assert.is(client.stats().rateLimited, 7);
    assert.is(org.requests.filter((r) => r.fault === 'storm429').length, 7);
    // 429s don't consume the retry budget (maxRetries 2 < 7 storms).
    assert.is(client.stats().total, 12 + 7);
  } finally {
    await org.close();
  }
});

test('5xx and dropped connections: idempotent calls retried, creates looked up first, no duplicates', async () => {
  const org = await startTestOrg();
  try {
    const client = clientFor(org, { maxRetries: 10 });
    org.setFaults({ failRate: 0.25, dropRate: 0.15, seed: 7 });
    const names = Array.from({ length: 30 }, (_, i) => `regal-flaky-${i}`);
    for (const name of names) {
      const lookup = async () => (await client.list('/v1/workflows', Named)).find((w) => w.attributes.name === name);
      const created = await client.post('/v1/workflows', workflowBody(name), Named, { lookup });
      assert.is(created.attributes.name, name);
    }
    org.setFaults({});
    const stored = org.store.state.workflows.map((w) => w.attributes.name as string);
    assert.equal(stored.sort(), [...names].sort(), 'each workflow exists exactly once');
    const lostResponses = org.requests.filter(
      (r) => r.method === 'POST' && (r.fault === 'fail-after' || r.fault === 'drop-after'),
    );
    assert.ok(lostResponses.length > 0, 'some creates took effect but their response was lost');
    assert.ok(client.stats().lookups >= lostResponses.length);
  } finally {
    await org.close();
  }
});

test('a POST without a lookup is never repeated after an unknown outcome', async () => {
  const org = await startTestOrg();
  try {
    const client = clientFor(org, { maxRetries: 5 });
    org.setFaults({ failRate: 1 });
    const error = await client.post('/v1/hooks/web', { name: 'regal-events' }, Named).catch((e: unknown) => e);
    assert.instance(error, ApiError);
    const e = error as ApiError;
    assert.equal({ method: e.details.method, path: e.details.path }, { method: 'POST', path: '/v1/hooks/web' });
    assert.match(e.message, /never repeated blindly/);
    assert.is(org.requests.filter((r) => r.method === 'POST').length, 1);
  } finally {
    await org.close();
  }
});

test('a GET failing with 5xx is retried maxRetries times, then an ApiError without the token', async () => {
  const org = await startTestOrg({ token: 'tok-secret-abcdef' });
  try {
    const client = clientFor(org, { maxRetries: 3 });
    org.setFaults({ failRate: 1 });
    const error = (await client
      .get('/v1/workflows/5f0000000000000000000000', Named)
      .catch((e: unknown) => e)) as ApiError;
    assert.instance(error, ApiError);
    assert.equal(
      { method: error.details.method, path: error.details.path, status: error.details.status },
      { method: 'GET', path: '/v1/workflows/5f0000000000000000000000', status: error.details.status },
    );
    assert.ok(error.details.status === 500 || error.details.status === 503);
    assert.is(org.requests.length, 4);
    assert.is(client.stats().retries, 3);
    assert.not.match(`${error.message} ${JSON.stringify(error.details.excerpt)}`, /tok-secret-abcdef/);
  } finally {
    await org.close();
  }
});

test('every request has a timeout; a slow org times out and the GET is retried', async () => {
  const org = await startTestOrg();
  try {
    const client = clientFor(org, { maxRetries: 1, timeoutMs: 40 });
    org.setFaults({ latencyMs: 300 });
    const error = (await client.get('/v1/auth/tokens/current', z.looseObject({})).catch((e: unknown) => e)) as ApiError;
    assert.instance(error, ApiError);
    assert.is(
      error.message,
      'kustomer: GET /v1/auth/tokens/current timed out: request deadline of 40 ms (connect + headers + body) hit before the response headers arrived (gave up after 2 attempts). Nothing was changed by this read: run the same command again when the org answers (an interrupted apply resumes where it stopped), or allow more with KAC_HTTP_RETRIES / KAC_HTTP_TIMEOUT_MS',
    );
    assert.is(client.stats().total, 2);
  } finally {
    await org.close();
  }
});

test('a response of an unexpected shape is an error naming the endpoint and the field', async () => {
  const org = await startTestOrg();
  try {
    const seed = clientFor(org);
    for (let i = 0; i < 105; i++) await seed.post('/v1/workflows', workflowBody(`regal-shape-${i}`), Named);
    // A fetch that corrupts one item on page 2, as a changed API would.
    const corrupting: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (!String(input).includes('page=2')) return response;
      const body = (await response.json()) as { data: { attributes: { name: unknown } }[] };
      body.data[3]!.attributes.name = 42;
      return new Response(JSON.stringify(body), { status: 200, headers: response.headers });
    };
    const client = clientFor(org, { fetch: corrupting });
    const error = (await client.list('/v1/workflows', Named).catch((e: unknown) => e)) as ApiError;
    assert.instance(error, ApiError);
    assert.is(
      error.message,
      'kustomer: GET /v1/workflows?pageSize=100&page=2 returned a response of an unexpected shape: data[3].attributes.name: Invalid input: expected string, received number',
    );
  } finally {
    await org.close();
  }
});

test('a 4xx is not retried and its error carries the errors[].detail excerpt', async () => {
  const org = await startTestOrg();
  try {
    const client = clientFor(org);
    const error = (await client
      .post(
        '/v1/outbound-webhooks',
        { name: 'regal-x', url: 'http://insecure.example.com', events: ['kustomer.customer.create'] },
        Named,
      )
      .catch((e: unknown) => e)) as ApiError;
    assert.instance(error, ApiError);
    assert.is(
      error.message,
      'kustomer: POST /v1/outbound-webhooks failed with 400: url must be an https:// URL (/url)',
    );
    assert.is(client.stats().total, 1);
    const raw = await call(org, 'GET', '/v1/outbound-webhooks');
    assert.equal(raw.body.data, []);
  } finally {
    await org.close();
  }
});

test('429 without x-ratelimit-reset: Retry-After when present, else jittered backoff that counts as a retry', async () => {
  const org = await startTestOrg();
  try {
    const failing = (count: number, headers: Record<string, string>): typeof fetch => {
      let left = count;
      return async (input, init) =>
        left-- > 0 ? new Response('{"errors":[{"detail":"slow down"}]}', { status: 429, headers }) : fetch(input, init);
    };
    const withRetryAfter = clientFor(org, { fetch: failing(3, { 'retry-after': '0.02' }), maxRetries: 1 });
    assert.ok(await withRetryAfter.get('/v1/auth/tokens/current', z.looseObject({})));
    assert.equal([withRetryAfter.stats().rateLimited, withRetryAfter.stats().retries], [3, 3]);
    const bare = clientFor(org, { fetch: failing(2, {}), maxRetries: 1 });
    const error = (await bare.get('/v1/auth/tokens/current', z.looseObject({})).catch((e: unknown) => e)) as ApiError;
    assert.instance(error, ApiError);
    assert.is(
      error.message,
      'kustomer: GET /v1/auth/tokens/current failed with 429: slow down (gave up after 2 attempts). Nothing was changed by this read: run the same command again when the org answers (an interrupted apply resumes where it stopped), or allow more with KAC_HTTP_RETRIES / KAC_HTTP_TIMEOUT_MS',
    );
    const patient = clientFor(org, { fetch: failing(2, {}), maxRetries: 2 });
    assert.ok(await patient.get('/v1/auth/tokens/current', z.looseObject({})));
  } finally {
    await org.close();
  }
});

test('the base URL must be https, except to this machine; from-env reads and registers the key', () => {
  const cases: [string, string | undefined][] = [
    ['https://acme.api.kustomerapp.com/', undefined],
    ['http://127.0.0.1:4000', undefined],
    ['http://acme.api.kustomerapp.com', 'the Kustomer base URL must use https (got http://acme.api.kustomerapp.com)'],
    ['acme', 'the Kustomer base URL "acme" is not a URL'],
  ];
  for (const [baseUrl, message] of cases) {
    let error: unknown;
    try {
      createKustomerClient({ baseUrl, apiKey: 'k' });
    } catch (e) {
      error = e;
    }
    assert.is(error === undefined ? undefined : (error as ExitError).message, message, baseUrl);
  }
  assert.is(
    createKustomerClient({ baseUrl: 'https://acme.api.kustomerapp.com/', apiKey: 'k' }).baseUrl,
    'https://acme.api.kustomerapp.com',
  );
  const client = kustomerClientFromEnv({
    KUSTOMER_BASE_URL: 'https://acme.api.kustomerapp.com',
    KUSTOMER_API_KEY: 'key-from-env-123',
  });
  assert.is(client.baseUrl, 'https://acme.api.kustomerapp.com');
  assert.is(redact('token key-from-env-123'), 'token <secret:KUSTOMER_API_KEY>');
  assert.throws(
    () => kustomerClientFromEnv({ KUSTOMER_BASE_URL: 'https://acme.api.kustomerapp.com' }),
    (e: Error) => e.message === 'KUSTOMER_API_KEY is not set',
  );
});

test.run();
