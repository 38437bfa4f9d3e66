// The behaviour change in a plan: changing the title template of regal-call-completed is told as the
// card's new title for each sample event, before the grouped diff and a readable graph; a change of
// description alone says there is no behaviour change. Live = this repo as compiled (as if applied).
import { dirname, resolve } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { buildProject } from '../../../compiler/build.js';
import type { JsonObject } from '../../../compiler/json.js';
import { RESOURCE_KINDS, type Resource } from '../../../compiler/resource.js';
import { describeOutcomeChange } from '../../../sync/behaviour/describe.js';
import type { RunOutcome } from '../../../sync/behaviour/test-org.js';
import { withBehaviour } from '../../../sync/behaviour/plan-behaviour.js';
import { eventLabel } from '../../../sync/behaviour/replay.js';
import { planChanges } from '../../../sync/plan/plan-changes.js';
import type { LiveResource } from '../../../sync/providers/provider.js';
import { renderPlanJson } from '../../../sync/report/plan-json.js';
import { renderPlanMarkdown } from '../../../sync/report/plan-markdown.js';
import { renderPlanText } from '../../../sync/report/plan-text.js';

const root = resolve(dirname(new URL(import.meta.url).pathname), '../../..');
const build = await buildProject(root);
const kustomer = build.resources.filter((r) => r.kind.startsWith('kustomer.'));
const HOOK_ID = '5a345109e578360010eaa1ad';
const asLive = (r: Resource): LiveResource => {
  const body = JSON.parse(
    JSON.stringify(r.body).replaceAll('<ref:kustomer.hook:regal-events:id>', HOOK_ID),
  ) as JsonObject;
  return {
    ...r,
    body,
    id: r.kind === 'kustomer.hook' ? HOOK_ID : `id-${r.key}`,
    fingerprint: 'f',
    outputs: { id: r.kind === 'kustomer.hook' ? HOOK_ID : `id-${r.key}` },
  };
};
const live = kustomer.map(asLive);

/** The project with the call workflow's body edited by `edit`; a plan against the live org; its behaviour. */
async function planWith(edit: (body: JsonObject) => void) {
  const resources = kustomer.map((r) => {
    if (r.key !== 'regal-call-completed' || r.kind !== 'kustomer.workflow') return r;
    const body = structuredClone(r.body) as JsonObject;
    edit(body);
    return { ...r, body };
  });
  const plan = planChanges({
    namespace: 'regal',
    environment: { name: 'local', target: 'local org' },
    desired: resources,
    live,
    providedKinds: new Set(RESOURCE_KINDS),
    secret: () => undefined,
    now: new Date(0),
  });
  return withBehaviour(plan, live, { model: build.model, resources }, root);
}

const newTitle = (body: JsonObject) => {
  for (const step of body.steps as JsonObject[]) {
    const params = step.params as JsonObject | undefined;
    if (step.action === 'kustomer.kobject.create-with-customer' && params) {
      params.title =
        'Call {{{steps.1.attributes.data.properties.type}}}: {{{steps.1.attributes.data.properties.disposition}}}';
    }
  }
};

const plan = suite('withBehaviour: kac plan on a changed workflow');

plan('a title template change: the sentence per sample event, the tests that now fail, in the plan data', async () => {
  const p = await planWith(newTitle);
  const [w] = p.behaviour!.workflows;
  assert.is(p.behaviour!.workflows.length, 1);
  assert.is(w!.workflow, 'regal-call-completed');
  assert.is(w!.sampleEvents, 2);
  assert.equal(w!.differences, [
    {
      event: 'call.completed for customer 12345 (call.completed.json)',
      source: 'test/fixtures/regal/call.completed.json',
      sentences: [
        "the Regal Call card's title becomes `Call Scheduled Callback: Converted During Convo` (was `Scheduled Callback (OUTBOUND): Converted During Convo`)",
      ],
    },
    {
      event: 'call.completed for customer 12345 (call.completed.reporting.json)',
      source: 'test/fixtures/regal/call.completed.reporting.json',
      sentences: [
        "the Regal Call card's title becomes `Call Outbound Call: Left Voicemail` (was `Outbound Call (INBOUND): Left Voicemail`)",
      ],
    },
  ]);
  assert.equal(w!.tests!.nowFailing.length, 2);
  assert.is(w!.tests!.passed + w!.tests!.nowFailing.length, w!.tests!.total);
  assert.equal(JSON.parse(renderPlanJson(p)).behaviour, JSON.parse(JSON.stringify(p.behaviour)));
});

plan(
  'markdown: behaviour first after the summary, then the grouped change, its one hunk, and a graph in words',
  async () => {
    const out = renderPlanMarkdown(await planWith(newTitle));
    const order = [
      '| create | update |',
      '#### Behaviour change',
      "call.completed for customer 12345 (call.completed.json): the Regal Call card's title becomes `Call Scheduled Callback: Converted During Convo` (was `Scheduled Callback (OUTBOUND): Converted During Convo`)",
      'tests: 4 passed, 2 now fail',
      '| | Resource | Kind | Change | Impact |',
      '- params changed: title in 15 steps: create-kobject-found-by-external-id, ',
      '```diff',
      '# title template changed in 15 KObject steps: create-kobject-found-by-external-id, ',
      '```mermaid',
      's0(["Regal event received (hook regal-events)"])',
      '["Create Regal Call (created with phone, email) (changed)"]',
      '|"not found: try phone"|',
    ];
    let at = -1;
    for (const marker of order) {
      const i = out.indexOf(marker, at + 1);
      assert.ok(i > at, `"${marker}" comes next`);
      at = i;
    }
    assert.is(out.split('\n').filter((l) => l.startsWith('+        "title"')).length, 1, 'one representative hunk');
  },
);

plan('text: the same sentences above the changes', async () => {
  const out = renderPlanText(await planWith(newTitle), { color: false });
  assert.ok(out.indexOf('Behaviour change') < out.indexOf('~ update    kustomer.workflow regal-call-completed'));
  assert.match(
    out,
    "    call.completed for customer 12345 (call.completed.reporting.json): the Regal Call card's title becomes `Call Outbound Call: Left Voicemail` (was `Outbound Call (INBOUND): Left Voicemail`)",
  );
});

plan('a description change: no behaviour change, said in one line', async () => {
  const p = await planWith((body) => void (body.description = 'Calls, on the timeline'));
  assert.equal(p.behaviour!.workflows[0]!.differences, []);
  const line = 'No behaviour change for 2 sample events (tests: 6 of 6 passed).';
  assert.match(renderPlanMarkdown(p), `**Behaviour:** ${line}`);
  assert.match(renderPlanText(p, { color: false }), line);
});

plan('a plan that changes no workflow replays nothing', async () => {
  const p = planChanges({
    namespace: 'regal',
    environment: { name: 'local', target: 'local org' },
    desired: kustomer,
    live,
    providedKinds: new Set(RESOURCE_KINDS),
    secret: () => undefined,
    now: new Date(0),
  });
  const same = await withBehaviour(p, live, build, root);
  assert.is(same, p);
  assert.is(same.behaviour, undefined);
});

plan.run();

const words = suite('describeOutcomeChange');
const empty = (): RunOutcome => ({
  runs: [],
  customers: { created: [], updated: [] },
  kobjects: { created: [], updated: [] },
  conversations: { created: [], updated: [] },
  notes: { created: [] },
  outbound: [],
});
const customer = { name: null, externalId: '1', emails: [], phones: [], custom: {} };

words('creates, no longer creates, calls, fails', () => {
  const after = empty();
  after.customers.created.push(customer);
  after.outbound.push({ method: 'POST', url: 'https://api.example.com/x?key=secret', body: {} });
  after.runs.push({ workflow: 'w', status: 'failed', steps: [], error: 'step "x": boom', log: {} as never });
  assert.equal(describeOutcomeChange(empty(), after, { klassLabel: (n) => n }), [
    'now fails: step "x": boom (did not)',
    'now runs (the workflow ignored it)',
    'now creates a customer (did not)',
    'now calls POST https://api.example.com/x (did not)',
  ]);
  const card = {
    klass: 'regal-call',
    title: 't',
    externalId: null,
    description: null,
    tags: [],
    custom: { talkTimeNum: 1 },
    customer: null,
  };
  const before = empty();
  before.kobjects.created.push(card);
  const later = empty();
  later.kobjects.created.push({ ...card, custom: { talkTimeNum: 2 } });
  assert.equal(describeOutcomeChange(before, later, { klassLabel: () => 'Regal Call' }), [
    "the Regal Call card's talkTimeNum becomes `2` (was `1`)",
  ]);
  assert.equal(describeOutcomeChange(before, empty(), { klassLabel: () => 'Regal Call' }), [
    'no longer creates a Regal Call card',
  ]);
});

words('eventLabel names the event and whom it is about', () => {
  assert.is(eventLabel({ event: 'sms.sent', traits: { phone: '+1' } }), 'sms.sent for customer +1');
  assert.is(eventLabel({ name: 'call.completed', userId: '7' }), 'call.completed for customer 7');
  assert.is(eventLabel([1, 2]), 'event');
});

words.run();
