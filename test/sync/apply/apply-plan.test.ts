import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { RESOURCE_KINDS, type Resource, type ResourceKind } from '../../../compiler/resource.js';
import { applyPlan, type ApplyOptions } from '../../../sync/apply/apply-plan.js';
import { Journal } from '../../../sync/apply/journal.js';
import { scheduleChanges } from '../../../sync/apply/order.js';
import { silentLogger } from '../../../sync/logger.js';
import { planChanges } from '../../../sync/plan/plan-changes.js';
import { findStaleness, planHash } from '../../../sync/plan/saved-plan.js';
import { attributes, hook, klass, randomProject, webhook, workflow } from '../plan/sample-resources.js';
import { createFakeProvider, type FakeProvider } from './fake-provider.js';

const secret = (n: string) => (n === 'E2E_TOKEN' ? 'tok-123456' : undefined);

async function planFor(provider: FakeProvider, desired: Resource[], allowDestroy = false) {
  const live = await provider.fetchLive({ logger: silentLogger });
  const plan = planChanges({
    now: new Date(0),
    namespace: 'regal',
    environment: { name: 'test', target: 'memory' },
    desired,
    live,
    providedKinds: new Set<ResourceKind>(provider.kinds),
    secret,
    allowDestroy,
  });
  return { plan, live };
}

function options(provider: FakeProvider, live: ApplyOptions['live'], extra: Partial<ApplyOptions> = {}): ApplyOptions {
  return {
    providers: new Map(provider.kinds.map((k) => [k, provider])),
    live,
    refetchLive: () => provider.fetchLive({ logger: silentLogger }),
    secret,
    allowDestroy: false,
    logger: silentLogger,
    concurrency: 4,
    ...extra,
  };
}

const pendingOf = (plan: { changes: { kind: string }[] }) => plan.changes.filter((c) => c.kind !== 'noop').length;

const project = () => [
  hook('regal-events'),
  klass('regal-call'),
  attributes('regal-call', { talkTimeNum: { type: 'number', displayName: 'Talk Time' } }),
  workflow('regal-calls', 'regal-events', [{ id: 'a', to: [{ target: 'b' }] }, { id: 'b' }], {
    klasses: ['regal-call'],
  }),
  webhook('regal-out'),
];

const scheduleSuite = suite('scheduleChanges');
scheduleSuite('workflows wait for their hook and Klass; removals run in reverse kind order', () => {
  const desired = project();
  const plan = planChanges({
    now: new Date(0),
    namespace: 'regal',
    environment: { name: 't', target: 'm' },
    desired,
    live: [],
    providedKinds: new Set(RESOURCE_KINDS),
    secret,
  });
  const s = scheduleChanges(plan, { allowDestroy: false });
  assert.equal(s.find((x) => x.id === 'kustomer.workflow:regal-calls')!.after, [
    'kustomer.hook:regal-events',
    'kustomer.klass:regal-call',
  ]);
  assert.equal(s.find((x) => x.id === 'kustomer.klass-attributes:regal-call')!.after, ['kustomer.klass:regal-call']);
});
scheduleSuite.run();

const applySuite = suite('applyPlan');

applySuite('creates in dependency order with the new hook id substituted, then plans empty', async () => {
  const provider = createFakeProvider();
  const { plan, live } = await planFor(provider, project());
  const result = await applyPlan(plan, options(provider, live));
  assert.equal(result.counts.applied, 5);
  const order = provider.calls.map((c) => c.kind);
  assert.ok(order.indexOf('kustomer.hook') < order.indexOf('kustomer.workflow'));
  const hookId = provider.store.get('kustomer.hook:regal-events')!.id;
  const wf = provider.calls.find((c) => c.kind === 'kustomer.workflow')!;
  assert.is((wf.body!.trigger as { eventName: string }).eventName, `kustomer.hooks.web.${hookId}.receive`);
  const sent = provider.calls.find((c) => c.kind === 'kustomer.outbound-webhook')!;
  assert.match(JSON.stringify(sent.body), 'Bearer tok-123456', 'secrets are substituted right before sending');
  assert.is(pendingOf((await planFor(provider, project())).plan), 0);
});

applySuite('one failure does not abort independent changes; dependents are skipped', async () => {
  const provider = createFakeProvider();
  const { plan, live } = await planFor(provider, project());
  provider.failNext(1, { status: 400, op: 'create' }); // the hook, first in order
  const result = await applyPlan(plan, options(provider, live, { concurrency: 1 }));
  const status = Object.fromEntries(result.results.map((r) => [r.resource.key + ' ' + r.resource.kind, r.status]));
  assert.is(status['regal-events kustomer.hook'], 'failed');
  assert.is(status['regal-calls kustomer.workflow'], 'skipped-dependency-failed');
  assert.is(status['regal-call kustomer.klass'], 'applied');
  assert.is(status['regal-out kustomer.outbound-webhook'], 'applied');
});

applySuite('a lost create response is adopted after re-reading, never created twice', async () => {
  const provider = createFakeProvider();
  const { plan, live } = await planFor(provider, project());
  provider.failNext(3, { afterWrite: true }); // the server did the work, the client saw a dropped connection
  const result = await applyPlan(plan, options(provider, live, { concurrency: 1 }));
  assert.equal(result.counts.failed, 0);
  const creates = provider.calls.filter((c) => c.op === 'create').map((c) => `${c.kind}:${c.key}`);
  assert.is(new Set(creates).size, creates.length, `no duplicate creates: ${creates.join(', ')}`);
  assert.is(pendingOf((await planFor(provider, project())).plan), 0);
});

applySuite('seeded: apply then plan is empty, with random 5xx and lost responses', async () => {
  for (let seed = 1; seed <= 25; seed++) {
    const provider = createFakeProvider();
    const desired = randomProject(seed);
    const { plan, live } = await planFor(provider, desired);
    provider.failNext(seed % 4, { status: seed % 2 ? 503 : undefined, afterWrite: seed % 3 === 0 });
    const result = await applyPlan(plan, options(provider, live));
    assert.is(result.counts.failed, 0, `seed ${seed}`);
    assert.is(pendingOf((await planFor(provider, desired)).plan), 0, `seed ${seed}`);
  }
});

applySuite(
  'interrupted after N changes, a re-run of the saved plan resumes from the journal without duplicates',
  async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kac-journal-'));
    try {
      const provider = createFakeProvider();
      const desired = project();
      const { plan, live } = await planFor(provider, desired);
      const path = join(dir, 'journal-test.json');
      const abort = new AbortController();
      let done = 0;
      const first = await applyPlan(
        plan,
        options(provider, live, {
          concurrency: 1,
          journal: await Journal.open(path, 'test', planHash(plan)),
          signal: abort.signal,
          onEvent: (e) => e.type === 'done' && ++done === 2 && abort.abort(),
        }),
      );
      assert.is(first.counts.applied, 2);
      assert.ok(first.counts.interrupted > 0);
      const journalText = await readFile(path, 'utf8');
      assert.not.match(journalText, 'tok-123456');

      const journal = await Journal.open(path, 'test', planHash(plan));
      assert.ok(journal.resumed);
      const now = await provider.fetchLive({ logger: silentLogger });
      const touched = new Set(Object.keys(journal.file.entries));
      assert.equal(findStaleness(plan, now, { touched }), [], 'our own changes are not staleness');
      const second = await applyPlan(plan, options(provider, now, { journal }));
      assert.is(second.counts.failed, 0);
      const creates = provider.calls.filter((c) => c.op === 'create').map((c) => `${c.kind}:${c.key}`);
      assert.is(new Set(creates).size, creates.length);
      assert.is(pendingOf((await planFor(provider, desired)).plan), 0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
);

applySuite('removals: workflows disabled, deletes only when allowed', async () => {
  const provider = createFakeProvider();
  provider.put('kustomer.workflow', 'regal-gone', { name: 'regal-gone', enabled: true });
  provider.put('kustomer.hook', 'regal-old', { name: 'regal-old', type: 'web' });
  provider.put('kustomer.hook', 'support-hook', { name: 'support-hook', type: 'web' });
  const refused = await planFor(provider, []);
  const r1 = await applyPlan(refused.plan, options(provider, refused.live));
  assert.equal(
    r1.results.map((r) => `${r.resource.key}:${r.status}`),
    ['regal-old:refused', 'regal-gone:applied'],
  );
  assert.is(provider.store.get('kustomer.workflow:regal-gone')!.body.enabled, false);
  const allowed = await planFor(provider, [], true);
  await applyPlan(allowed.plan, options(provider, allowed.live, { allowDestroy: true }));
  assert.equal([...provider.store.keys()].sort(), ['kustomer.hook:support-hook', 'kustomer.workflow:regal-gone']);
});

applySuite('a missing secret fails that change only, naming the variable', async () => {
  const provider = createFakeProvider();
  const { plan, live } = await planFor(provider, [webhook('regal-out', 'NOT_SET'), hook('regal-h')]);
  const result = await applyPlan(plan, options(provider, live));
  assert.equal(
    result.results.map((r) => `${r.resource.key}:${r.status}`),
    ['regal-h:applied', 'regal-out:failed'],
  );
  assert.match(result.results[1]!.message!, 'NOT_SET');
});

applySuite.run();
