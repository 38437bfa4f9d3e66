// planChanges for standard-object attributes: the object (`customer`) is in scope although its name
// is not the namespace's; the plan is per attribute; kac never removes an attribute.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { JsonObject } from '../../../compiler/json.js';
import { RESOURCE_KINDS, type Resource, type ResourceKind } from '../../../compiler/resource.js';
import { planChanges } from '../../../sync/plan/plan-changes.js';
import { findStaleness } from '../../../sync/plan/saved-plan.js';
import type { LiveResource } from '../../../sync/providers/provider.js';

const kinds = new Set<ResourceKind>(RESOURCE_KINDS);
const standard = (properties: JsonObject): Resource => ({
  kind: 'kustomer.standard-attributes',
  key: 'customer',
  body: { properties },
  dependsOn: [],
  sensitive: [],
});
const live = (properties: JsonObject, fingerprint = 'customer@sha256:1'): LiveResource => ({
  ...standard(properties),
  id: 'customer',
  fingerprint,
  outputs: { id: 'customer' },
});
const plan = (desired: Resource[], l: LiveResource[]) =>
  planChanges({
    namespace: 'regal',
    environment: { name: 'test', target: 'memory' },
    desired,
    live: l,
    providedKinds: kinds,
    secret: () => undefined,
    now: new Date(0),
  });

const CALLS = { type: 'number', displayName: 'Calls' };
const LAST = { type: 'date', displayName: 'Last call' };

const planSuite = suite('planChanges: standard-object attributes');

planSuite('an attribute added in git is an update naming it; the object is never "outside the namespace"', () => {
  const p = plan([standard({ regalCallsNum: CALLS, regalLastCallAt: LAST })], [live({ regalCallsNum: CALLS })]);
  assert.equal(p.outsideNamespace, {});
  const [change] = p.changes;
  assert.is(change!.kind, 'update');
  assert.equal(
    change!.summary.map((n) => n.message),
    ['attribute regalLastCallAt (date) added'],
  );
  assert.ok(p.fingerprints['kustomer.standard-attributes:customer']);
});

planSuite('a changed attribute names the field; equal bodies are a noop', () => {
  const changed = plan(
    [standard({ regalCallsNum: { ...CALLS, displayName: 'Call count' } })],
    [live({ regalCallsNum: CALLS })],
  );
  assert.equal(
    changed.changes[0]!.summary.map((n) => n.message),
    ['attribute regalCallsNum changed: displayName'],
  );
  assert.is(plan([standard({ regalCallsNum: CALLS })], [live({ regalCallsNum: CALLS })]).changes[0]!.kind, 'noop');
});

planSuite('an attribute removed from git stays, and the plan says so; a type change is refused', () => {
  const kept = plan(
    [standard({ regalCallsNum: CALLS })],
    [live({ regalCallsNum: CALLS, regalOldStr: { type: 'string' } })],
  ).changes[0]!;
  assert.is(kept.kind, 'noop');
  assert.equal(
    kept.summary.map((n) => n.message),
    ['not in git, kept in Kustomer (kac never removes attributes): regalOldStr'],
  );
  const typed = plan(
    [standard({ regalCallsNum: CALLS })],
    [live({ regalCallsNum: { type: 'string', displayName: 'Calls' } })],
  );
  assert.ok(typed.changes[0]!.kind === 'update' && typed.changes[0]!.refusal?.reason === 'attribute-type');
  assert.equal(
    typed.diagnostics.map((d) => d.code),
    ['plan/attribute-type-changed'],
  );
});

planSuite("an object git no longer defines: kac's attributes are kept, nothing is removed", () => {
  const p = plan([], [live({ regalCallsNum: CALLS }), { ...live({}), key: 'company', id: 'company' }]);
  assert.equal(
    p.changes.map((c) => [c.kind, c.resource.key, 'notes' in c ? c.notes : []]),
    [['noop', 'customer', ['attributes not in git are kept in Kustomer: regalCallsNum']]],
  );
});

planSuite.run();

const stale = suite('findStaleness: standard-object attributes');

stale("a saved plan is stale when kac's attributes changed, by their fingerprint", () => {
  const p = plan([standard({ regalCallsNum: CALLS })], [live({ regalCallsNum: CALLS })]);
  assert.equal(findStaleness(p, [live({ regalCallsNum: CALLS })]), []);
  assert.equal(findStaleness(p, [live({ regalCallsNum: CALLS }, 'customer@sha256:2')]), [
    'kustomer.standard-attributes:customer changed in the org',
  ]);
});

stale.run();
