/**
 * The GitOps loop through the real CLI against the local org over loopback: apply then plan is empty;
 * an edit made in the org shows as exactly that change; a stale saved plan is refused; objects outside
 * the namespace survive every command; no secret value reaches output, plan file, journal or dist/.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { JsonObject } from '../../compiler/json.js';
import { silentLogger } from '../../sync/logger.js';
import { createKustomerClient } from '../../sync/providers/kustomer/client/index.js';
import { createKustomerProvider } from '../../sync/providers/kustomer/provider.js';
import { createHarness, orgNames, SYNC_TOKEN, type Harness } from './harness.js';

const loop = suite('kac plan and apply (e2e)');
let h: Harness;

loop.before(async () => {
  h = await createHarness();
});
loop.after(async () => {
  await h.dispose();
});

function orgProvider() {
  return createKustomerProvider(createKustomerClient({ baseUrl: h.org.baseUrl, apiKey: h.org.token }));
}

loop('objects outside the namespace exist before kac runs', async () => {
  const client = createKustomerClient({ baseUrl: h.org.baseUrl, apiKey: h.org.token });
  const provider = createKustomerProvider(client);
  const ctx = { logger: silentLogger };
  await provider.create(
    {
      kind: 'kustomer.hook',
      key: 'support-hook',
      body: { name: 'support-hook', description: 'not ours', type: 'web' },
      dependsOn: [],
      sensitive: [],
    },
    ctx,
  );
  await provider.create(
    {
      kind: 'kustomer.klass',
      key: 'support-ticket',
      body: { name: 'support-ticket', displayName: 'Ticket', status: 'enabled' },
      dependsOn: [],
      sensitive: [],
    },
    ctx,
  );
  await provider.create(
    {
      kind: 'kustomer.workflow',
      key: 'support-triage',
      body: {
        name: 'support-triage',
        description: 'not ours',
        enabled: true,
        meta: { displayName: 'Triage' },
        trigger: { id: '1', eventName: 'kustomer.conversation.create', transitions: [] },
        steps: [],
      },
      dependsOn: [],
      sensitive: [],
    },
    ctx,
  );
  assert.equal(orgNames(h.org).workflows, ['support-triage']);
});

loop('a first plan lists every resource to create and exits 2 with --detailed-exitcode', async () => {
  const r = await h.kac('plan', '--detailed-exitcode');
  assert.is(r.code, 2, r.err);
  assert.match(r.out, 'Plan: 5 to create, 0 to update, 0 to disable, 0 to delete; 0 unchanged.');
  assert.match(
    r.out,
    'Outside namespace "e2e" (never touched): 1 kustomer.hook, 1 kustomer.klass, 1 kustomer.workflow.',
  );
});

loop('apply creates everything; a fresh plan is empty', async () => {
  const before = structuredClone(h.org.store.state.workflows.find((w) => w.attributes.name === 'support-triage'));
  const r = await h.kac('apply', '--auto-approve');
  assert.is(r.code, 0, r.err + r.out);
  assert.match(r.out, 'Apply complete: 5 applied.');
  assert.match(r.out, 'Verified: a fresh plan is empty; the org matches git.');
  const again = await h.kac('plan', '--detailed-exitcode');
  assert.is(again.code, 0, again.out);
  assert.match(again.out, 'No changes: the org matches git (5 resource(s) unchanged).');
  assert.equal(
    h.org.store.state.workflows.find((w) => w.attributes.name === 'support-triage'),
    before,
    'unmanaged workflow untouched',
  );
});

loop('apply without --auto-approve and without a terminal refuses with a hint', async () => {
  const r = await h.kac('apply');
  // Nothing to apply is not a question; make something pending first.
  assert.is(r.code, 0);
  const live = (await orgProvider().fetchLive({ logger: silentLogger })).find((l) => l.key === 'e2e-events')!;
  await orgProvider().update({ ...live, body: { ...live.body, description: 'edited in the UI' } }, live, {
    logger: silentLogger,
  });
  const refused = await h.kac('apply');
  assert.is(refused.code, 1);
  assert.match(refused.err, 'apply needs confirmation, and there is no terminal to ask on');
  assert.match(refused.err, 'hint: review the plan above, then run again with --auto-approve');
  assert.is((await h.kac('apply', '--auto-approve')).code, 0);
});

loop('a workflow edited in the org shows as exactly that change', async () => {
  const provider = orgProvider();
  const live = (await provider.fetchLive({ logger: silentLogger })).find(
    (l) => l.kind === 'kustomer.workflow' && l.key === 'e2e-call-completed',
  )!;
  const body = structuredClone(live.body) as JsonObject & { steps: JsonObject[] };
  const step = body.steps.find((s) => s.id === 'card-found')! as JsonObject & { params: JsonObject };
  step.params = { ...step.params, title: 'Edited in the UI' };
  await provider.update({ ...live, body }, live, { logger: silentLogger });

  const r = await h.kac('plan', '--format', 'json', '--detailed-exitcode');
  assert.is(r.code, 2);
  const plan = JSON.parse(r.out) as {
    version: number;
    changes: { kind: string; resource: { key: string }; summary: { message: string }[]; diff: string }[];
  };
  assert.is(plan.version, 1);
  const pending = plan.changes.filter((c) => c.kind !== 'noop');
  assert.equal(
    pending.map((c) => `${c.kind} ${c.resource.key}`),
    ['update e2e-call-completed'],
  );
  assert.equal(
    pending[0]!.summary.map((n) => n.message),
    ['step "card-found" params changed: title'],
  );
  assert.match(
    pending[0]!.diff,
    `-        "title": "Edited in the UI"\n+        "title": "Call {{{steps.1.attributes.data.properties.call_id}}}"`,
  );
});

loop('a saved plan is refused when the org changed since, naming what changed', async () => {
  const saved = await h.kac('plan', '--out', 'plan.json');
  assert.is(saved.code, 0);
  const provider = orgProvider();
  const hook = (await provider.fetchLive({ logger: silentLogger })).find((l) => l.key === 'e2e-events')!;
  await provider.update({ ...hook, body: { ...hook.body, description: 'someone else, meanwhile' } }, hook, {
    logger: silentLogger,
  });
  const stale = await h.kac('apply', 'plan.json', '--auto-approve');
  assert.is(stale.code, 1);
  assert.match(stale.err, 'plan.json is stale: the org changed since it was made, so nothing was applied.');
  assert.match(stale.err, 'kustomer.hook:e2e-events changed in the org');
  assert.match(stale.err, 'hint: make a new plan: kac plan --out plan.json');

  assert.is((await h.kac('plan', '--out', 'plan.json')).code, 0);
  const fresh = await h.kac('apply', 'plan.json', '--auto-approve');
  assert.is(fresh.code, 0, fresh.err + fresh.out);
  assert.is((await h.kac('plan', '--detailed-exitcode')).code, 0);
});

loop('unmanaged objects survive every command, even with --allow-destroy', async () => {
  const r = await h.kac('apply', '--auto-approve', '--allow-destroy');
  assert.is(r.code, 0);
  assert.equal(orgNames(h.org), {
    hooks: ['e2e-events', 'support-hook'],
    klasses: ['e2e-call', 'support-ticket'],
    workflows: ['e2e-call-completed', 'support-triage'],
    outboundWebhooks: ['e2e-sync'],
  });
});

loop('no secret value in any output, plan file, journal or dist/', async () => {
  assert.is((await h.kac('compile')).code, 0);
  // The journal is kept per org (.kac/orgs/<org>/journal.json), never per environment name.
  const orgs = await readdir(join(h.root, '.kac/orgs'));
  assert.is(orgs.length, 1);
  const files = [join(h.root, 'plan.json'), join(h.root, '.kac/orgs', orgs[0]!, 'journal.json')];
  for (const name of await readdir(join(h.root, 'dist'), { recursive: true }))
    if (name.endsWith('.json')) files.push(join(h.root, 'dist', name));
  const texts = [...h.transcript, ...(await Promise.all(files.map((f) => readFile(f, 'utf8'))))];
  assert.ok(texts.length > 10);
  for (const t of texts) {
    assert.not.match(t, SYNC_TOKEN);
    assert.not.match(t, h.org.token);
  }
  // The value did reach the org (it was sent), only never printed or stored by kac.
  assert.match(JSON.stringify(h.org.store.state.outboundWebhooks), SYNC_TOKEN);
});

loop.run();
