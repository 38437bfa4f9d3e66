/**
 * The repo's own Regal integration, end to end over loopback: `kac apply` puts this repo's hook,
 * Klasses and workflows into a local org, then each of Regal's five sample events, posted to the hook
 * like Regal would, ends as exactly one KObject of the right Klass on the right customer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { main } from '../../sync/cli/main.js';
import type { CliIo } from '../../sync/cli/io.js';
import { startLocalOrg, type LocalOrg } from '../../sync/local-org/server/server.js';
import { repoRoot } from './harness.js';

const SAMPLES = {
  'call.completed': 'regal-call',
  'contact.created': 'regal-contact',
  'sms.conversation.completed': 'regal-sms-conversation',
  'sms.received': 'regal-sms-received',
  'sms.sent': 'regal-sms-sent',
} as const;
const sample = (event: string) =>
  JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/regal', `${event}.json`), 'utf8'));

const timeline = suite('Regal events → customer timeline (e2e, this repo)');
let org: LocalOrg;
let hookUrl: string;

async function kac(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
    isTTY: false,
    color: false,
    logger: { info() {}, warn() {}, error: (m) => void err.push(m), debug() {} },
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH,
      KUSTOMER_BASE_URL: org.baseUrl,
      KUSTOMER_API_KEY: org.token,
      REGAL_CONVERSATION_SYNC_TOKEN: 'timeline-test-token',
    },
  };
  const code = await main([...args, '--root', repoRoot], io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function post(body: unknown): Promise<number> {
  const res = await fetch(hookUrl, {
    method: 'POST',
    headers: { authorization: `Bearer ${org.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await res.arrayBuffer();
  return res.status;
}

async function api(path: string): Promise<any> {
  const res = await fetch(`${org.baseUrl}${path}`, { headers: { authorization: `Bearer ${org.token}` } });
  return res.json();
}

timeline.before(async () => {
  org = await startLocalOrg({ stateDir: null, rateLimitPerMinute: 100_000 });
  const applied = await kac('apply', '--auto-approve');
  assert.is(applied.code, 0, applied.out + applied.err);
  // The hook's address, as Kustomer shows it: what you would send to Regal.
  const hooks = await api('/v1/hooks/web');
  hookUrl = hooks.data.find((h: { attributes: { name: string } }) => h.attributes.name === 'regal-events').attributes
    .url;
});
timeline.after(async () => {
  await org.close();
});

timeline('the applied org plans to nothing', async () => {
  const plan = await kac('plan', '--format', 'json');
  const pending = JSON.parse(plan.out).changes.filter((c: { kind: string }) => !['noop', 'manual'].includes(c.kind));
  assert.equal(pending, []);
});

timeline('each sample event ends as one KObject of its Klass on the one customer', async () => {
  for (const event of Object.keys(SAMPLES)) assert.is(await post(sample(event)), 200, event);
  const { customers, kobjects } = org.store.state;
  assert.is(customers.length, 1, 'every sample is the same contact (externalId 12345)');
  assert.is(customers[0]!.externalId, '12345');
  for (const [event, klass] of Object.entries(SAMPLES)) {
    const listed = await api(`/v1/customers/${customers[0]!.id}/klasses/${klass}`);
    assert.is(listed.data.length, 1, `${event} → one ${klass}`);
  }
  assert.is(kobjects.length, 5);
  const call = kobjects.find((k) => k.klassName === 'regal-call')!;
  assert.equal(
    [call.externalId, call.custom.callIdStr, call.custom.talkTimeNum, call.custom.dispositionStr],
    ['WTXXXXXXXXXXXXXXXX', 'WTXXXXXXXXXXXXXXXX', 15, 'Converted During Convo'],
  );
  assert.equal(call.data, sample('call.completed'), 'the whole event is kept as data');
});

timeline('a re-sent event adds no second card', async () => {
  assert.is(await post(sample('call.completed')), 200);
  assert.is(org.store.state.kobjects.filter((k) => k.klassName === 'regal-call').length, 1);
});

timeline('a contact known only by phone is found by phone, not created again', async () => {
  const { externalId: _e, ...byPhone } = sample('sms.received');
  const known = org.store.createCustomer({ name: 'Known by phone', phones: [{ phone: '+15550001111' }] });
  const status = await post({
    ...byPhone,
    traits: { phone: '+15550001111' },
    properties: { ...byPhone.properties, sms_message_id: 'SM-phone-1' },
  });
  assert.is(status, 200);
  const cards = org.store.state.kobjects.filter((k) => k.customer === known.id);
  assert.equal(
    cards.map((k) => k.klassName),
    ['regal-sms-received'],
  );
  assert.is(org.store.state.customers.length, 2);
});

timeline.run();
