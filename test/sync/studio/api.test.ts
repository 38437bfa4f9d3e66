import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createKustomerClient } from '../../../sync/providers/kustomer/client/index.js';
import { silentLogger } from '../../../sync/logger.js';
import { createOrgData } from '../../../sync/studio/org-data.js';
import { conditionText } from '../../../sync/studio/definitions.js';
import { repoRoot, startStudioFixture, type StudioFixture } from './helpers.js';

const api = suite('kac studio API (this repo, local org)');
let fx: StudioFixture;
const bodies: string[] = [];

async function get(path: string, init: RequestInit = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(new URL(path, fx.studio.url), init);
  const text = await res.text();
  bodies.push(text);
  return { status: res.status, body: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
}

api.before(async () => {
  fx = await startStudioFixture();
});
api.after(async () => {
  await fx.dispose();
});

api("workflows carry the plan's Mermaid graph, named steps, params and their source line", async () => {
  const { body } = await get('/api/workflows');
  const call = body.find((w: any) => w.name === 'regal-call-completed');
  assert.ok(call);
  assert.match(call.mermaid, /^flowchart TD\n/);
  assert.equal(call.source, { file: 'workflows/regal/call-completed.ts', line: call.source.line });
  assert.is(call.hook, 'regal-events');
  const find = call.steps.find((s: any) => s.id === 'find-by-external-id');
  assert.is(find.displayName, 'Find customer by externalId');
  assert.is(find.action, 'kustomer.customer.find-by-external-id');
  assert.equal(find.params, { externalId: '/#steps.1.attributes.data.externalId' });
  assert.equal(find.transitions[0], {
    target: 'create-kobject-found-by-external-id',
    label: 'found',
    condition: 'exists find-by-external-id.id',
  });
});

api('Klasses list each attribute with the workflows that write it', async () => {
  const { body } = await get('/api/klasses');
  const call = body.find((k: any) => k.name === 'regal-call');
  assert.is(call.color, '#2E7D32');
  assert.equal(
    call.attributes.find((a: any) => a.name === 'callIdStr'),
    { name: 'callIdStr', displayName: 'Call ID', type: 'string', writtenBy: ['regal-call-completed'] },
  );
});

api('hooks: URL, the workflows triggered; posting a sample runs them and the card links to its run', async () => {
  const { body: hooks } = await get('/api/hooks');
  assert.is(hooks.length, 1);
  assert.match(hooks[0].live.url, new RegExp(`^${fx.org.baseUrl}/v1/hooks/web/[0-9a-f]{40}$`));
  assert.equal(
    hooks[0].live.workflows.map((w: any) => w.name),
    [
      'regal-call-completed',
      'regal-contact-created',
      'regal-sms-conversation-completed',
      'regal-sms-received',
      'regal-sms-sent',
    ],
  );
  const sample = (await get('/api/samples/call.completed.json')).body.text;
  assert.is(sample, readFileSync(join(repoRoot, 'test/fixtures/regal/call.completed.json'), 'utf8'));
  const refused = await get('/api/hooks/regal-events/events', {
    method: 'POST',
    body: sample,
    headers: { 'content-type': 'application/json' },
  });
  assert.is(refused.status, 403);
  const posted = await get('/api/hooks/regal-events/events', {
    method: 'POST',
    body: sample,
    headers: { 'content-type': 'application/json', 'x-kac-studio': '1' },
  });
  assert.is(posted.status, 200);
  assert.is(posted.body.status, 200);
  const acted = posted.body.runs.filter((r: any) => r.status === 'completed');
  assert.equal(
    acted.map((r: any) => r.workflowName),
    ['regal-call-completed'],
  );
  const customerId = acted[0].customerId;
  const { body: tl } = await get(`/api/customers/${customerId}/timeline`);
  assert.is(tl.cards.length, 1);
  assert.is(tl.cards[0].klass.name, 'regal-call');
  assert.is(tl.cards[0].runId, acted[0].id);
  const { body: run } = await get(`/api/runs/${acted[0].id}`);
  assert.is(run.log.workflowName, 'regal-call-completed');
  const { body: found } = await get('/api/customers?q=jane.doe');
  assert.equal(
    found.map((c: any) => c.id),
    [customerId],
  );
});

api('bad input gets a clear refusal, not a crash', async () => {
  const bad = await get('/api/hooks/regal-events/events', {
    method: 'POST',
    body: '{nope',
    headers: { 'x-kac-studio': '1' },
  });
  assert.is(bad.status, 400);
  assert.match(bad.body.error, /^the event is not JSON/);
  assert.is(
    (await get('/api/hooks/regal-nothing/events', { method: 'POST', body: '{}', headers: { 'x-kac-studio': '1' } }))
      .status,
    400,
  );
  assert.is((await get('/api/runs/0123456789abcdef01234567')).status, 404);
  assert.is((await get('/api/nothing')).status, 404);
  assert.is((await get('/../package.json')).status, 404);
});

api('only answers to its own Host (no DNS rebinding), with a strict CSP', async () => {
  // fetch may not override Host, so a plain http request plays the rebinding page.
  const { status, text } = await new Promise<{ status: number; text: string }>((done, fail) => {
    const u = new URL('/api/overview', fx.studio.url);
    request({ host: u.hostname, port: u.port, path: u.pathname, headers: { host: 'attacker.example' } }, (res) => {
      let t = '';
      res.on('data', (d) => (t += d));
      res.on('end', () => done({ status: res.statusCode ?? 0, text: t }));
    })
      .on('error', fail)
      .end();
  });
  assert.is(status, 421);
  assert.match(text, /127\.0\.0\.1/);
  const page = await fetch(fx.studio.url);
  assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'self'; script-src 'self'/);
  await page.text();
});

api('the plan view plans against the environment', async () => {
  const { body } = await get('/api/plan');
  assert.is(body.counts.create + body.counts.update + body.counts.delete, 0);
  assert.match(body.text, /regal/);
});

api('a change made in the org shows in the plan view, with the graph of the workflow it would change', async () => {
  const row = fx.org.store.state.workflows.find((w) => w.attributes.name === 'regal-sms-sent')!;
  const steps = structuredClone(row.attributes.steps) as { id: string; params?: Record<string, unknown> }[];
  const card = steps.find((st) => st.params && 'title' in st.params)!;
  card.params!.title = 'edited in the UI';
  const put = await fetch(`${fx.org.baseUrl}/v1/workflows/${row.id}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${fx.org.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ ...row.attributes, steps }),
  });
  assert.is(put.status, 200, await put.text());
  const { body } = await get('/api/plan');
  assert.is(body.counts.update, 1);
  assert.equal(
    body.workflows.map((w: any) => w.name),
    ['regal-sms-sent'],
  );
  assert.match(body.workflows[0].mermaid, /\(changed\)/);
  assert.match(body.text, /regal-sms-sent/);
});

api('a port in use is a clear error naming the option', async () => {
  const { startStudioServer } = await import('../../../sync/studio/server.js');
  const port = Number(new URL(fx.studio.url).port);
  try {
    await startStudioServer({} as never, port);
    assert.unreachable('should refuse');
  } catch (error) {
    assert.is((error as Error).message, `port ${port} on 127.0.0.1 is in use`);
    assert.match((error as { hint?: string }).hint ?? '', /--port N/);
  }
});

api('no response ever contains the org token', () => {
  assert.ok(bodies.length > 10);
  for (const b of bodies) assert.not.ok(b.includes(fx.org.token), b.slice(0, 200));
});

api.run();

const readOnly = suite('a real environment is read-only');
readOnly('posting an event is refused and runs are not read', async () => {
  const client = createKustomerClient({
    baseUrl: 'https://acme.api.kustomerapp.com',
    apiKey: 'k',
    logger: silentLogger,
  });
  const data = createOrgData({ client });
  assert.ok(data.readOnly);
  assert.equal(await data.runs(), []);
  try {
    await data.postEvent('regal-events', '{}');
    assert.unreachable('should refuse');
  } catch (error) {
    assert.match((error as Error).message, /read-only/);
  }
});
readOnly("conditions read in the author's terms", () => {
  assert.is(conditionText({ op: 'true', values: [true] }), 'always');
  assert.is(
    conditionText({
      op: 'and',
      values: [
        { op: 'eq', values: ['/#steps.1.attributes.data.event', 'x'] },
        { op: 'exists', values: ['/#steps.a.id', ''] },
      ],
    }),
    '(eq 1.attributes.data.event, x) and (exists a.id)',
  );
});
readOnly.run();
