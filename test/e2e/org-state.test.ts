/**
 * State belongs to an org, through the real CLI against two local orgs: an apply interrupted on org A
 * never "resumes" on org B; a saved plan for A is refused on B; a saved plan stopped right after its
 * Klass resumes and writes the Klass's attributes; one writer per org (the lock names its holder, a
 * dead holder's lock is taken over); a create another run made meanwhile is adopted, not duplicated.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { driftTask } from '../../sync/daemon/drift-task.js';
import { startLocalOrg } from '../../sync/local-org/server/server.js';
import { orgIdentity } from '../../sync/state/org-identity.js';
import { createHarness, orgNames, type Harness } from './harness.js';

const expected = {
  hooks: ['e2e-events'],
  klasses: ['e2e-call'],
  workflows: ['e2e-call-completed'],
  outboundWebhooks: ['e2e-sync'],
};
const state = suite('state belongs to an org (e2e)');

async function orgKey(h: Harness): Promise<string> {
  const res = await fetch(`${h.org.baseUrl}/v1/auth/tokens/current`, {
    headers: { authorization: `Bearer ${h.org.token}` },
  });
  const body = (await res.json()) as { data: { relationships: { org: { data: { id: string } } } } };
  return orgIdentity(body.data.relationships.org.data.id, h.org.baseUrl).key;
}

state('an apply interrupted on org A is ignored on org B, which converges in one apply', async () => {
  const h = await createHarness();
  const b = await startLocalOrg({ stateDir: null, rateLimitPerMinute: 100_000 });
  try {
    const first = await h.kac('apply', '--auto-approve', '--stop-after', '2');
    assert.is(first.code, 1);
    const onA = orgNames(h.org);
    Object.assign(h.env, { KUSTOMER_BASE_URL: b.baseUrl, KUSTOMER_API_KEY: b.token });
    const onB = await h.kac('apply', '--auto-approve');
    assert.is(onB.code, 0, onB.out + onB.err);
    assert.match(
      onB.err,
      /An interrupted apply to org \S+ at http:\/\/127\.0\.0\.1:\d+ \(loopback\) is recorded in .*journal\.json; it belongs to another org and is ignored here\./,
    );
    assert.match(onB.out, 'Apply complete: 5 applied.');
    assert.match(onB.out, 'Verified: a fresh plan is empty');
    assert.equal(orgNames(b), expected);
    // B's workflow is triggered by B's hook, never A's.
    const hookB = b.store.state.hooks[0]!.id;
    assert.match(JSON.stringify(b.store.state.workflows[0]!.attributes.trigger), hookB);
    assert.equal(orgNames(h.org), onA, 'org A was not touched by the apply to B');
  } finally {
    await b.close();
    await h.dispose();
  }
});

state('a saved plan made on org A is refused on org B, naming both', async () => {
  const h = await createHarness();
  const b = await startLocalOrg({ stateDir: null, rateLimitPerMinute: 100_000 });
  try {
    assert.is((await h.kac('plan', '--out', 'plan.json')).code, 0);
    Object.assign(h.env, { KUSTOMER_BASE_URL: b.baseUrl, KUSTOMER_API_KEY: b.token });
    const r = await h.kac('apply', 'plan.json', '--auto-approve');
    assert.is(r.code, 1);
    assert.match(
      r.err,
      /plan\.json was made for org \S+ at http:\/\/127\.0\.0\.1:\d+, but this is org \S+ at .*; nothing was applied/,
    );
    assert.match(r.err, 'hint: make a plan for this org: kac plan --out plan.json');
    assert.equal(orgNames(b), { hooks: [], klasses: [], workflows: [], outboundWebhooks: [] });
  } finally {
    await b.close();
    await h.dispose();
  }
});

state(
  'a create the interrupted run sent but never journaled is adopted on resume, not called stale or duplicated',
  async () => {
    const h = await createHarness();
    try {
      assert.is((await h.kac('plan', '--out', 'plan.json')).code, 0);
      assert.is((await h.kac('apply', 'plan.json', '--auto-approve', '--stop-after', '1')).code, 1);
      // What a SIGKILL between a create's response and its (batched) journal entry leaves: the object is
      // live, the journal does not know it. Made here by dropping the Klass's entry from the journal.
      const file = join(h.root, '.kac', 'orgs', await orgKey(h), 'journal.json');
      const journal = JSON.parse(await readFile(file, 'utf8')) as { entries: Record<string, unknown> };
      assert.ok(journal.entries['kustomer.klass:e2e-call'], 'the stopped run created the Klass');
      delete journal.entries['kustomer.klass:e2e-call'];
      await writeFile(file, JSON.stringify(journal));
      const resumed = await h.kac('apply', 'plan.json', '--auto-approve');
      assert.is(resumed.code, 0, resumed.out + resumed.err);
      assert.match(resumed.out, 'Verified: a fresh plan is empty');
      assert.equal(orgNames(h.org), expected, 'one of each: the Klass was adopted, not created twice');
      assert.not.match(resumed.out + resumed.err, 'stale');
    } finally {
      await h.dispose();
    }
  },
);

state('a saved plan stopped right after its Klass: the resume writes the attributes, verified', async () => {
  const h = await createHarness();
  try {
    assert.is((await h.kac('plan', '--out', 'plan.json')).code, 0);
    const stopped = await h.kac('apply', 'plan.json', '--auto-approve', '--stop-after', '1');
    assert.is(stopped.code, 1);
    const resumed = await h.kac('apply', 'plan.json', '--auto-approve');
    assert.is(resumed.code, 0, resumed.out + resumed.err);
    assert.match(resumed.out, 'Verified: a fresh plan is empty');
    const metadata = JSON.stringify(h.org.store.state);
    for (const attribute of ['callIdStr', 'talkTimeNum']) assert.match(metadata, attribute);
    assert.is((await h.kac('plan', '--detailed-exitcode')).code, 0);
  } finally {
    await h.dispose();
  }
});

state("one writer per org: a live holder is named and refused; a dead holder's lock is taken over", async () => {
  const h = await createHarness();
  try {
    const dir = join(h.root, '.kac/orgs', await orgKey(h));
    await mkdir(dir, { recursive: true });
    const lock = (pid: number) =>
      JSON.stringify({
        pid,
        host: hostname(),
        startedAt: '2026-11-30T10:00:00.000Z',
        command: 'kac apply',
        org: 'x',
        id: 'other',
      });
    await writeFile(join(dir, 'apply.lock'), lock(process.pid));
    const refused = await h.kac('apply', '--auto-approve', '--lock-timeout', '0');
    assert.is(refused.code, 1);
    assert.match(
      refused.err,
      `is being changed by another kac run: process ${process.pid} on ${hostname()} (kac apply, started 2026-11-30T10:00:00.000Z) holds`,
    );
    assert.equal(orgNames(h.org), { hooks: [], klasses: [], workflows: [], outboundWebhooks: [] });
    // A process that has exited: its pid is dead.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    await writeFile(join(dir, 'apply.lock'), lock(dead));
    const taken = await h.kac('apply', '--auto-approve', '--lock-timeout', '0');
    assert.is(taken.code, 0, taken.out + taken.err);
    assert.match(taken.err, `taking over a stale lock of process ${dead} on ${hostname()}`);
    assert.equal(orgNames(h.org), expected);
    assert.equal(await readdir(dir).then((f) => f.includes('apply.lock')), false, 'released after the apply');
  } finally {
    await h.dispose();
  }
});

state("the daemon's self-heal takes the same lock: while another run holds it, the org is left alone", async () => {
  const h = await createHarness();
  try {
    const dir = join(h.root, '.kac/orgs', await orgKey(h));
    await mkdir(dir, { recursive: true });
    await writeFile(
      join(dir, 'apply.lock'),
      JSON.stringify({
        pid: process.pid,
        host: hostname(),
        startedAt: '2026-11-30T10:00:00.000Z',
        command: 'kac apply',
        org: 'x',
        id: 'other',
      }),
    );
    const logger = { info() {}, warn() {}, error() {}, debug() {} };
    const heal = driftTask({ root: h.root, env: h.env, logger, heal: true });
    const error = await heal(new AbortController().signal).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    assert.match(String(error?.message), `is being changed by another kac run: process ${process.pid}`);
    assert.equal(orgNames(h.org), { hooks: [], klasses: [], workflows: [], outboundWebhooks: [] });
    await rm(join(dir, 'apply.lock'));
    const healed = await heal(new AbortController().signal);
    assert.is(healed.result, 'healed');
    assert.equal(orgNames(h.org), expected);
  } finally {
    await h.dispose();
  }
});

state('two applies at once from one checkout: no duplicates; each exits 0 or names the lock holder', async () => {
  const h = await createHarness();
  try {
    h.org.setFaults({ latencyMs: 20 });
    const runs = await Promise.all([
      h.kac('apply', '--auto-approve', '--lock-timeout', '0'),
      h.kac('apply', '--auto-approve', '--lock-timeout', '0'),
    ]);
    for (const r of runs) {
      if (r.code !== 0) {
        assert.is(r.code, 1);
        assert.match(r.err, /is being changed by another kac run: process \d+ on /);
      }
    }
    assert.ok(runs.some((r) => r.code === 0));
    h.org.setFaults({});
    assert.equal(orgNames(h.org), expected);
  } finally {
    await h.dispose();
  }
});

state('a hook another run created after the plan was read is adopted, not created twice', async () => {
  const h = await createHarness();
  let listings = 0;
  // Stands for another machine: between this run's read and its create, the hook appears.
  const front = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      if (req.method === 'GET' && req.url?.startsWith('/v1/hooks/web') && ++listings === 2) {
        await fetch(`${h.org.baseUrl}/v1/hooks/web`, {
          method: 'POST',
          headers: { authorization: `Bearer ${h.org.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            name: 'e2e-events',
            description: 'The e2e tests post call events here [managed by kac: e2e]',
          }),
        });
      }
      const up = request(`${h.org.baseUrl}${req.url}`, { method: req.method, headers: req.headers }, (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      });
      up.on('error', () => res.destroy());
      up.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((r) => front.listen(0, '127.0.0.1', r));
  try {
    h.env.KUSTOMER_BASE_URL = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
    const r = await h.kac('apply', '--auto-approve');
    assert.is(r.code, 0, r.out + r.err);
    assert.ok(listings >= 2);
    assert.equal(orgNames(h.org), expected);
  } finally {
    front.closeAllConnections();
    await new Promise<void>((r) => front.close(() => r()));
    await h.dispose();
  }
});

state.run();
