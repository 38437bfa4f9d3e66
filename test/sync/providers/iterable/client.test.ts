// createIterableClient against the local Iterable double: paging (≤ 50 per page), the Api-Key header,
// retries of 5xx/429, errors that never carry the key, zod-validated responses.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ApiError } from '../../../../sync/errors.js';
import { createIterableClient, ITERABLE_HOSTS } from '../../../../sync/providers/iterable/client.js';
import { startIterableDouble, type DoubleJourney } from '../../../doubles/iterable/server.js';

const KEY = 'itbl-test-key-0123456789';
const journeys = (n: number): DoubleJourney[] =>
  Array.from({ length: n }, (_, i) => ({ id: i + 1, name: `Journey ${i + 1}`, enabled: i % 2 === 0 }));

test('createIterableClient: US and EU hosts', () => {
  assert.is(createIterableClient({ apiKey: KEY }).baseUrl, 'https://api.iterable.com');
  assert.is(createIterableClient({ apiKey: KEY, region: 'eu' }).baseUrl, 'https://api.eu.iterable.com');
  assert.equal(ITERABLE_HOSTS, { us: 'https://api.iterable.com', eu: 'https://api.eu.iterable.com' });
});

test('listJourneys: reads every page, 50 at most per page, with the Api-Key header', async () => {
  const double = await startIterableDouble({ apiKey: KEY, journeys: journeys(120) });
  try {
    const client = createIterableClient({ apiKey: KEY, baseUrl: double.url, pageSize: 500 });
    const listed = await client.listJourneys();
    assert.is(listed.length, 120);
    assert.equal(
      listed.map((j) => j.id),
      journeys(120).map((j) => j.id),
    );
    assert.equal(
      double.requests.map((r) => [r.path, r.status, r.apiKey]),
      [
        ['/api/journeys?page=1&pageSize=50', 200, KEY],
        ['/api/journeys?page=2&pageSize=50', 200, KEY],
        ['/api/journeys?page=3&pageSize=50', 200, KEY],
      ],
    );
  } finally {
    await double.close();
  }
});

test('listJourneys: a wrong key is an ApiError with the status and without the key', async () => {
  const double = await startIterableDouble({ apiKey: KEY, journeys: journeys(3) });
  const wrong = 'itbl-wrong-key-9876543210';
  try {
    const error = await createIterableClient({ apiKey: wrong, baseUrl: double.url, retryDelayMs: 1 })
      .listJourneys()
      .catch((e: unknown) => e);
    assert.instance(error, ApiError);
    const api = error as ApiError;
    assert.is(api.details.system, 'iterable');
    assert.is(api.details.status, 401);
    assert.is(
      api.message,
      'iterable: GET /api/journeys?page=1&pageSize=50 failed with 401: {"msg":"Invalid API key","code":"BadApiKey","params":null}',
    );
    assert.not.ok(
      JSON.stringify({ message: api.message, details: { ...api.details, cause: undefined } }).includes(wrong),
    );
    assert.is(double.requests.length, 1, '401 is not retried');
  } finally {
    await double.close();
  }
});

test('listJourneys: 503 and 429 are retried', async () => {
  const double = await startIterableDouble({ apiKey: KEY, journeys: journeys(2) });
  try {
    double.injectFault(503);
    double.injectFault(429);
    const listed = await createIterableClient({ apiKey: KEY, baseUrl: double.url, retryDelayMs: 1 }).listJourneys();
    assert.is(listed.length, 2);
    assert.equal(
      double.requests.map((r) => r.status),
      [503, 429, 200],
    );
  } finally {
    await double.close();
  }
});

test('listJourneys: a response of the wrong shape is an ApiError, not a crash later', async () => {
  const fake: typeof fetch = async () => new Response(JSON.stringify({ journeys: [{ id: 'x' }] }), { status: 200 });
  const error = await createIterableClient({ apiKey: KEY, baseUrl: 'http://127.0.0.1:9', fetch: fake })
    .listJourneys()
    .catch((e: unknown) => e);
  assert.instance(error, ApiError);
  assert.is(
    (error as ApiError).details.excerpt,
    'unexpected response: journeys.0.id Invalid input: expected number, received string',
  );
});

test.run();
