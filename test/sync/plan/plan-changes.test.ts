import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { JsonObject } from '../../../compiler/json.js';
import { mapStrings, replaceRefs, replaceSecrets } from '../../../compiler/placeholders.js';
import { RESOURCE_KINDS, type Resource, type ResourceKind } from '../../../compiler/resource.js';
import { planChanges, type PlanInput } from '../../../sync/plan/plan-changes.js';
import { impactOf } from '../../../sync/plan/impact.js';
import type { LiveResource } from '../../../sync/providers/provider.js';
import { attributes, hook, klass, randomProject, webhook, workflow } from './sample-resources.js';

const kinds = new Set<ResourceKind>(RESOURCE_KINDS);
const env = { name: 'test', target: 'memory' };

function plan(desired: Resource[], live: LiveResource[], extra: Partial<PlanInput> = {}) {
  return planChanges({
    namespace: 'regal',
    environment: env,
    desired,
    live,
    providedKinds: kinds,
    secret: () => undefined,
    now: new Date(0),
    ...extra,
  });
}

/** What the org would hold after desired was applied: refs resolved to fake ids, secrets to values. */
function liveOf(desired: Resource[], secret: (n: string) => string | undefined = () => undefined): LiveResource[] {
  const ids = new Map(desired.map((r, i) => [`${r.kind}:${r.key}`, `id${i}`]));
  return desired.map((r) => {
    const body = mapStrings(r.body, (s) =>
      replaceSecrets(
        replaceRefs(s, (ref) => ids.get(`${ref.kind}:${ref.key}`)),
        secret,
      ),
    ) as JsonObject;
    const id = ids.get(`${r.kind}:${r.key}`)!;
    return { ...r, body, id, fingerprint: `${id}@1`, outputs: { id } };
  });
}

const live = (r: Resource, extra: Partial<LiveResource> = {}): LiveResource => ({
  ...r,
  id: `id-${r.key}`,
  fingerprint: 'f1',
  outputs: { id: `id-${r.key}` },
  ...extra,
});
const pending = (p: ReturnType<typeof plan>) =>
  p.changes.filter((c) => c.kind !== 'noop').map((c) => `${c.kind} ${c.resource.kind}:${c.resource.key}`);

const planChangesSuite = suite('planChanges');

planChangesSuite('an empty org: everything is created, hook references are known after apply', () => {
  const p = plan([hook('regal-events'), workflow('regal-calls', 'regal-events', [{ id: 'a' }])], []);
  assert.equal(pending(p), ['create kustomer.hook:regal-events', 'create kustomer.workflow:regal-calls']);
  const wf = p.changes[1]!;
  assert.ok(wf.kind === 'create');
  if (wf.kind === 'create') assert.equal(wf.pendingRefs, ['kustomer.hook:regal-events.id']);
  assert.match(wf.diff, '(known after apply)');
  assert.equal(p.version, 1);
});

planChangesSuite('plan(desired, live(desired)) is empty for 60 seeded projects', () => {
  for (let seed = 1; seed <= 60; seed++) {
    const desired = randomProject(seed);
    const p = plan(
      desired,
      liveOf(desired, (n) => `value-of-${n}`),
      { secret: (n) => `value-of-${n}` },
    );
    assert.equal(pending(p), [], `seed ${seed}`);
    assert.equal(p.diagnostics, [], `seed ${seed}`);
  }
});

planChangesSuite('plan never throws, whatever the live bodies look like', () => {
  const weird: JsonObject[] = [
    {},
    { steps: 'x' },
    { trigger: null, steps: [null, 1, { transitions: 'no' }] },
    { properties: [] },
    { properties: { aStr: null } },
    { headers: {} },
  ];
  for (let seed = 1; seed <= 40; seed++) {
    const desired = randomProject(seed);
    const garbage = liveOf(desired).map((l, i) => ({ ...l, body: weird[(i + seed) % weird.length]! }));
    const p = plan(desired, garbage, { allowDestroy: seed % 2 === 0 });
    assert.ok(Array.isArray(p.changes));
  }
});

planChangesSuite('objects outside the namespace are counted and never planned', () => {
  const p = plan(
    [],
    [live(hook('other-hook')), live(workflow('support-triage', 'other-hook', [])), live(hook('regal-old'))],
  );
  assert.equal(p.outsideNamespace, { 'kustomer.hook': 1, 'kustomer.workflow': 1 });
  assert.equal(pending(p), ['delete kustomer.hook:regal-old']);
  assert.equal(Object.keys(p.fingerprints), ['kustomer.hook:regal-old']);
});

planChangesSuite('a workflow removed from git is disabled; an already disabled one is left alone', () => {
  const p = plan([], [live(workflow('regal-a', 'h', [])), live(workflow('regal-b', 'h', [], { enabled: false }))]);
  assert.equal(
    p.changes.map((c) => c.kind),
    ['disable', 'noop'],
  );
  assert.equal(impactOf(p.changes[0]!), 'safe');
});

planChangesSuite('a hook removed from git: delete refused without --allow-destroy', () => {
  const refused = plan([], [live(hook('regal-old'))]);
  assert.equal(impactOf(refused.changes[0]!), 'refused');
  assert.equal(impactOf(refused.changes[0]!, { allowDestroy: true }), 'destroy');
  const allowed = plan([], [live(hook('regal-old'))], { allowDestroy: true });
  assert.equal(impactOf(allowed.changes[0]!), 'destroy');
});

planChangesSuite('a Klass with KObjects is never deleted', () => {
  const p = plan([], [live(klass('regal-call'), { facts: { kobjectCount: 3 } })], { allowDestroy: true });
  const c = p.changes[0]!;
  assert.is(impactOf(c, { allowDestroy: true }), 'refused');
  assert.ok(c.kind === 'delete' && c.refusal?.reason === 'has-kobjects');
});

planChangesSuite('adding an attribute is an update; attributes removed from git are kept and said so', () => {
  const desired = [
    klass('regal-call'),
    attributes('regal-call', { talkTimeNum: { type: 'number', displayName: 'Talk Time' } }),
  ];
  const liveAttrs = attributes('regal-call', { oldStr: { type: 'string', displayName: 'Old' } });
  const p = plan(desired, [live(desired[0]!), live(liveAttrs)]);
  const c = p.changes.find((x) => x.resource.kind === 'kustomer.klass-attributes')!;
  assert.is(c.kind, 'update');
  assert.equal(
    c.summary.map((n) => n.message),
    ['attribute talkTimeNum (number) added', 'not in git, kept in Kustomer (kac never removes attributes): oldStr'],
  );
});

planChangesSuite('an attribute whose live type differs is refused with a hint', () => {
  const desired = [
    klass('regal-call'),
    attributes('regal-call', { durationStr: { type: 'string', displayName: 'D' } }),
  ];
  const p = plan(desired, [
    live(desired[0]!),
    live(attributes('regal-call', { durationStr: { type: 'number', displayName: 'D' } })),
  ]);
  const c = p.changes.find((x) => x.resource.kind === 'kustomer.klass-attributes')!;
  assert.is(impactOf(c), 'refused');
  assert.equal(
    p.diagnostics.map((d) => [d.code, d.severity]),
    [['plan/attribute-type-changed', 'error']],
  );
  assert.match(p.diagnostics[0]!.hint!, 'new name');
});

planChangesSuite('renamedFrom: a workflow is updated in place; a Klass rename is refused', () => {
  const wf = { ...workflow('regal-new', 'regal-h', [{ id: 'a' }]), renamedFrom: 'regal-old' };
  const liveWf = live({ ...workflow('regal-old', 'regal-h', [{ id: 'a' }]) });
  const p = plan(
    [hook('regal-h'), wf],
    [
      live(hook('regal-h')),
      {
        ...liveWf,
        body: JSON.parse(JSON.stringify(liveWf.body).replace('<ref:kustomer.hook:regal-h:id>', 'id-regal-h')),
      },
    ],
  );
  const c = p.changes.find((x) => x.resource.key === 'regal-new')!;
  assert.ok(c.kind === 'update' && c.renamedFrom === 'regal-old' && c.live.id === 'id-regal-old');
  assert.equal(pending(p), ['update kustomer.workflow:regal-new'], 'the old workflow is not also disabled');

  const k = plan([{ ...klass('regal-b'), renamedFrom: 'regal-a' }], [live(klass('regal-a'))]);
  assert.is(impactOf(k.changes[0]!), 'refused');
  assert.equal(
    k.diagnostics.map((d) => d.code),
    ['plan/klass-rename'],
  );
});

planChangesSuite('secrets: compared when set, never printed; not comparable when unset', () => {
  const desired = [webhook('regal-out', 'TOKEN')];
  const liveSame = liveOf(desired, () => 's3cret-value');
  assert.equal(pending(plan(desired, liveSame, { secret: () => 's3cret-value' })), []);

  const changed = plan(desired, liveSame, { secret: () => 'rotated-value' });
  assert.equal(pending(changed), ['update kustomer.outbound-webhook:regal-out']);
  const json = JSON.stringify(changed);
  assert.not.match(json, 's3cret-value');
  assert.not.match(json, 'rotated-value');
  assert.match(changed.changes[0]!.diff, '(sensitive)');
  assert.equal(
    changed.changes[0]!.summary.map((n) => n.message),
    ['header Authorization value changed'],
  );

  const unset = plan(desired, liveSame);
  const c = unset.changes[0]!;
  assert.ok(c.kind === 'noop');
  if (c.kind === 'noop') assert.match(c.notes.join(), 'TOKEN is not set here');
});

planChangesSuite('manual kinds: not confirmed → manual with instructions; confirmed → noop', () => {
  const tpl: Resource = {
    kind: 'iterable.journey-webhook',
    key: 'contact-created',
    body: { url: 'https://x', body: '{}' },
    dependsOn: [],
    sensitive: [],
  };
  const manualKinds = new Set<ResourceKind>(['iterable.journey-webhook']);
  const p = plan([tpl], [], { manualKinds, manualInstructions: (r) => `paste ${r.key}` });
  const c = p.changes[0]!;
  assert.ok(c.kind === 'manual' && c.instructions === 'paste contact-created' && c.reason === 'not-confirmed');
  assert.is(impactOf(c), 'manual');
  const confirmed = plan([tpl], [live(tpl)], { manualKinds });
  assert.is(confirmed.changes[0]!.kind, 'noop');
});

planChangesSuite.run();
