/**
 * A hostile or broken server in front of the local org, through the real CLI: a redirect to another
 * host (on a create that carries a secret header, and on a read), a body over the cap, and a response
 * that never ends. Every time: exit 1 naming the limit hit, nothing reaches the other host, and nothing
 * is half-applied (the org holds whole objects only, and a plain re-run against the real org converges).
 * Deadlines and caps are configured small (KAC_HTTP_*); nothing is asserted about elapsed time.
 */
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createHarness, orgNames, SYNC_TOKEN, type Harness } from './harness.js';

type Rule = (req: IncomingMessage, res: ServerResponse) => boolean;

interface Listening {
  url: string;
  /** Requests it received: method, path and every header value (to look for leaked secrets). */
  seen: { method: string; path: string; headers: string; body: string }[];
  close(): Promise<void>;
}

async function listen(handler: (req: IncomingMessage, res: ServerResponse, body: string) => void): Promise<Listening> {
  const seen: Listening['seen'] = [];
  const open = new Set<ServerResponse>();
  const server: Server = createServer((req, res) => {
    open.add(res);
    res.on('close', () => open.delete(res));
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: req.method ?? '', path: req.url ?? '', headers: JSON.stringify(req.headers), body });
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    async close() {
      for (const res of open) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Forwards to the org unless a rule answers first. */
async function proxy(target: string, rules: Rule[]): Promise<Listening> {
  return listen((req, res, body) => {
    if (rules.some((rule) => rule(req, res))) return;
    const upstream = request(
      `${target}${req.url}`,
      { method: req.method, headers: { ...req.headers, host: new URL(target).host } },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      },
    );
    // The client may give up mid-response (a cap, a deadline): drop the upstream side with it.
    upstream.on('error', () => res.destroy());
    res.on('close', () => upstream.destroy());
    upstream.end(body);
  });
}

const on = (method: string, path: string) => (req: IncomingMessage) =>
  req.method === method && (req.url ?? '').split('?')[0] === path;

const hostile = suite('kac against a hostile server (e2e)');

async function withProxy(
  rules: (elsewhere: Listening) => Rule[],
  run: (h: Harness, elsewhere: Listening) => Promise<void>,
  env: Record<string, string> = {},
): Promise<void> {
  const h = await createHarness();
  const elsewhere = await listen((_req, res) => res.end('{}'));
  const front = await proxy(h.org.baseUrl, rules(elsewhere));
  try {
    Object.assign(h.env, { KUSTOMER_BASE_URL: front.url, KAC_HTTP_RETRIES: '1', ...env });
    await run(h, elsewhere);
  } finally {
    await front.close();
    await elsewhere.close();
    await h.dispose();
  }
}

hostile('a 307 on POST /v1/outbound-webhooks is an error naming the location; the secret never leaves', async () => {
  await withProxy(
    (elsewhere) => [
      (req, res) => {
        if (!on('POST', '/v1/outbound-webhooks')(req)) return false;
        res.writeHead(307, { location: `${elsewhere.url}/steal` }).end();
        return true;
      },
    ],
    async (h, elsewhere) => {
      const r = await h.kac('apply', '--auto-approve');
      assert.is(r.code, 1, r.out + r.err);
      assert.match(r.out + r.err, `redirecting to ${elsewhere.url}/steal; kac never follows redirects`);
      assert.equal(elsewhere.seen, [], 'nothing was sent to the other host');
      // Whole objects only: the webhook was not created, everything else was, once.
      assert.equal(orgNames(h.org).outboundWebhooks, []);
      assert.equal(orgNames(h.org).hooks, ['e2e-events']);
      assert.not.match(h.transcript.join('\n'), SYNC_TOKEN);
      // Against the org itself, a plain re-run finishes the job.
      h.env.KUSTOMER_BASE_URL = h.org.baseUrl;
      const again = await h.kac('apply', '--auto-approve');
      assert.is(again.code, 0, again.out + again.err);
      assert.equal(orgNames(h.org).outboundWebhooks, ['e2e-sync']);
    },
  );
});

hostile(
  'a 301 on GET /v1/workflows: plan and apply stop, read nothing from the other host, create nothing',
  async () => {
    await withProxy(
      (elsewhere) => [
        (req, res) => {
          if (!on('GET', '/v1/workflows')(req)) return false;
          res.writeHead(301, { location: `${elsewhere.url}/v1/workflows?token=abc` }).end();
          return true;
        },
      ],
      async (h, elsewhere) => {
        const plan = await h.kac('plan');
        assert.is(plan.code, 1);
        assert.match(
          plan.err,
          `GET /v1/workflows?pageSize=100 was redirected: the server answered 301 redirecting to ${elsewhere.url}/v1/workflows;`,
        );
        assert.not.match(plan.err, 'token=abc');
        const apply = await h.kac('apply', '--auto-approve');
        assert.is(apply.code, 1);
        assert.equal(elsewhere.seen, []);
        assert.equal(orgNames(h.org), { hooks: [], klasses: [], workflows: [], outboundWebhooks: [] });
      },
    );
  },
);

hostile('a body over the cap is refused, not read to the end; nothing is applied', async () => {
  await withProxy(
    () => [
      (req, res) => {
        if (!on('GET', '/v1/hooks/web')(req)) return false;
        // No content-length: the cap must hold while streaming, too.
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"data":[');
        for (let i = 0; i < 200; i++)
          res.write(`${i ? ',' : ''}{"type":"hook","id":"h${i}","attributes":{"name":"${'x'.repeat(1000)}"}}`);
        res.end(']}');
        return true;
      },
    ],
    async (h) => {
      const r = await h.kac('apply', '--auto-approve');
      assert.is(r.code, 1, r.out + r.err);
      assert.match(
        r.err,
        /GET \/v1\/hooks\/web\?\S* was refused \(response too large\): the response body is over the 50000-byte cap/,
      );
      assert.equal(orgNames(h.org), { hooks: [], klasses: [], workflows: [], outboundWebhooks: [] });
    },
    { KAC_HTTP_MAX_BODY_BYTES: '50000' },
  );
});

hostile(
  'a response that never ends hits the request deadline, says so, and is given up after the retries',
  async () => {
    await withProxy(
      () => [
        (req, res) => {
          if (!on('GET', '/v1/klasses')(req)) return false;
          res.writeHead(200, { 'content-type': 'application/json' });
          res.write('{"data":[');
          // Bytes keep coming, never the end: only the deadline stops it (the proxy's close() ends it).
          const drip = setInterval(() => res.write(' '), 5);
          res.on('close', () => clearInterval(drip));
          return true;
        },
      ],
      async (h) => {
        const r = await h.kac('apply', '--auto-approve');
        assert.is(r.code, 1, r.out + r.err);
        assert.match(
          r.err,
          /GET \/v1\/klasses\?\S* timed out: request deadline of 1500 ms \(connect \+ headers \+ body\) hit while reading the body \(\d+ bytes received\) \(gave up after 2 attempts\)/,
        );
        assert.match(r.err, 'Nothing was changed by this read: run the same command again');
        assert.equal(orgNames(h.org), { hooks: [], klasses: [], workflows: [], outboundWebhooks: [] });
      },
      { KAC_HTTP_TIMEOUT_MS: '1500' },
    );
  },
);

hostile('reads that keep failing give up after the retries and say how to go on', async () => {
  const h = await createHarness();
  try {
    Object.assign(h.env, { KAC_HTTP_RETRIES: '1' });
    h.org.setFaults({ failRate: 1, seed: 3 });
    const r = await h.kac('plan');
    assert.is(r.code, 1);
    assert.match(
      r.err,
      /kustomer: GET \S+ failed with 5\d\d\b.*\(gave up after 2 attempts\)\. Nothing was changed by this read: run the same command again when the org answers \(an interrupted apply resumes where it stopped\), or allow more with KAC_HTTP_RETRIES \/ KAC_HTTP_TIMEOUT_MS/,
    );
  } finally {
    await h.dispose();
  }
});

hostile.run();
