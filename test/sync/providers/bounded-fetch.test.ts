/**
 * boundedFetch and the clients built on it (Iterable, GitHub): a redirect is an error naming where it
 * pointed, and nothing is sent there; a body over the cap and a body that never ends are stopped.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ApiError } from '../../../sync/errors.js';
import { createGitHubClient } from '../../../sync/github/client.js';
import { silentLogger } from '../../../sync/logger.js';
import { boundedFetch, BoundedFetchError } from '../../../sync/providers/bounded-fetch.js';
import { createIterableClient } from '../../../sync/providers/iterable/client.js';

async function serve(
  handler: (path: string, res: ServerResponse) => void,
): Promise<{ url: string; hits: string[]; close(): Promise<void> }> {
  const hits: string[] = [];
  const open = new Set<ServerResponse>();
  const server: Server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url} ${JSON.stringify(req.headers)}`);
    open.add(res);
    res.on('close', () => open.delete(res));
    handler(req.url ?? '', res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    async close() {
      for (const res of open) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

const failure = async (p: Promise<unknown>) =>
  (await p.then(
    () => undefined,
    (e: unknown) => e,
  )) as BoundedFetchError;

test('boundedFetch: redirect, declared and streamed oversize, never-ending body', async () => {
  const elsewhere = await serve((_p, res) => res.end('{}'));
  const hostile = await serve((path, res) => {
    if (path === '/redirect') res.writeHead(308, { location: `${elsewhere.url}/x?key=secret` }).end();
    else if (path === '/declared') res.writeHead(200, { 'content-length': '5000' }).end('x'.repeat(5000));
    else if (path === '/streamed') {
      res.writeHead(200);
      for (let i = 0; i < 50; i++) res.write('y'.repeat(100));
      res.end();
    } else {
      res.writeHead(200);
      const t = setInterval(() => res.write('.'), 5);
      res.on('close', () => clearInterval(t));
    }
  });
  try {
    const limits = { timeoutMs: 10_000, maxBodyBytes: 1000 };
    const redirect = await failure(
      boundedFetch(
        fetch,
        `${hostile.url}/redirect`,
        { method: 'POST', body: '{"a":1}', headers: { authorization: 'Bearer t' } },
        limits,
      ),
    );
    assert.equal([redirect.kind, redirect.status], ['redirect', 308]);
    assert.match(redirect.detail, `redirecting to ${elsewhere.url}/x; kac never follows redirects`);
    assert.not.match(redirect.detail, 'secret');
    assert.equal(elsewhere.hits, []);
    assert.is((await failure(boundedFetch(fetch, `${hostile.url}/declared`, {}, limits))).kind, 'too-large');
    const streamed = await failure(boundedFetch(fetch, `${hostile.url}/streamed`, {}, limits));
    assert.is(streamed.kind, 'too-large');
    assert.match(streamed.detail, 'over the 1000-byte cap');
    const endless = await failure(
      boundedFetch(fetch, `${hostile.url}/endless`, {}, { timeoutMs: 100, maxBodyBytes: 1_000_000 }),
    );
    assert.is(endless.kind, 'timeout');
    assert.match(
      endless.detail,
      /request deadline of 100 ms \(connect \+ headers \+ body\) hit while reading the body/,
    );
  } finally {
    await hostile.close();
    await elsewhere.close();
  }
});

test('Iterable client: a redirect is not followed nor retried; the key never leaves', async () => {
  const elsewhere = await serve((_p, res) => res.end('{}'));
  const hostile = await serve((_p, res) => res.writeHead(302, { location: `${elsewhere.url}/api/journeys` }).end());
  try {
    const client = createIterableClient({
      apiKey: 'iterable-key-123',
      baseUrl: hostile.url,
      retries: 2,
      retryDelayMs: 1,
    });
    const error = (await client.listJourneys().catch((e: unknown) => e)) as ApiError;
    assert.instance(error, ApiError);
    assert.match(error.message, `redirecting to ${elsewhere.url}/api/journeys`);
    assert.is(hostile.hits.length, 1);
    assert.equal(elsewhere.hits, []);
  } finally {
    await hostile.close();
    await elsewhere.close();
  }
});

test('GitHub client: a redirect is not followed; the token never reaches the other host', async () => {
  const elsewhere = await serve((_p, res) => res.end('{}'));
  const hostile = await serve((_p, res) => res.writeHead(301, { location: `${elsewhere.url}/repos/a/b` }).end());
  try {
    const github = createGitHubClient({
      token: 'ghs_token123',
      baseUrl: hostile.url,
      logger: silentLogger,
      maxServerErrorRetries: 0,
      retryUnitMs: 1,
    });
    const error = await github.request('GET /repos/{owner}/{repo}', { owner: 'a', repo: 'b' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof Error);
    assert.match((error as Error).message, `redirecting to ${elsewhere.url}/repos/a/b`);
    assert.equal(elsewhere.hits, []);
  } finally {
    await hostile.close();
    await elsewhere.close();
  }
});

test.run();
