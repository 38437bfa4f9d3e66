import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { RESOURCE_KINDS, type Resource } from '../../../compiler/resource.js';
import type { LiveResource } from '../../../sync/providers/provider.js';
import { planChanges } from '../../../sync/plan/plan-changes.js';
import type { Plan } from '../../../sync/plan/types.js';
import { workflowFlowchart } from '../../../sync/report/mermaid.js';
import { renderPlanJson } from '../../../sync/report/plan-json.js';
import { renderPlanMarkdown } from '../../../sync/report/plan-markdown.js';
import { renderPlanText } from '../../../sync/report/plan-text.js';
import { summarizePlan } from '../../../sync/report/summary.js';
import { hook, webhook, workflow } from '../plan/sample-resources.js';

const live = (r: Resource, body = r.body): LiveResource => ({
  ...r,
  body,
  id: `id-${r.key}`,
  fingerprint: 'f',
  outputs: { id: `id-${r.key}` },
});
const resolved = (r: Resource): Resource => ({
  ...r,
  body: JSON.parse(JSON.stringify(r.body).replace('<ref:kustomer.hook:regal-h:id>', 'id-regal-h')),
});

/** A plan with one of each: create, update (a retargeted transition), disable, refused delete, noop. */
function samplePlan(): Plan {
  const before = workflow('regal-calls', 'regal-h', [{ id: 'a', to: [{ target: 'b' }] }, { id: 'b' }, { id: 'c' }]);
  const after = workflow('regal-calls', 'regal-h', [
    { id: 'a', to: [{ target: 'c' }] },
    { id: 'b' },
    { id: 'c' },
    { id: 'd' },
  ]);
  return planChanges({
    namespace: 'regal',
    environment: { name: 'local', target: 'local org at http://127.0.0.1:1' },
    desired: [hook('regal-h'), after, webhook('regal-out', 'TOKEN')],
    live: [
      live(hook('regal-h')),
      live(resolved(before)),
      live(workflow('regal-gone', 'regal-h', [])),
      live(hook('regal-old-hook')),
      live(hook('support-hook')),
    ],
    providedKinds: new Set(RESOURCE_KINDS),
    secret: (n) => (n === 'TOKEN' ? 'very-secret-token' : undefined),
    now: new Date(0),
  });
}

const text = suite('renderPlanText');
text('lists pending changes with summaries, refusals, diffs and the headline', () => {
  const out = renderPlanText(samplePlan(), { color: false, diffs: false });
  assert.is(
    out,
    [
      'kac plan: environment local (local org at http://127.0.0.1:1), namespace "regal"',
      '',
      '- delete    kustomer.hook regal-old-hook REFUSED',
      '      not in git (unmanaged in namespace)',
      '      kustomer.hook "regal-old-hook" is not in git; deleting it is refused without --allow-destroy.',
      '      hint: put it back in git to keep it, or run apply with --allow-destroy to delete it.',
      '',
      '~ update    kustomer.workflow regal-calls',
      '      transition 1 of step "a" retargeted: → b becomes → c',
      '      step "d" added (kustomer.kobject.create-with-customer)',
      '',
      '- disable   kustomer.workflow regal-gone',
      '      not in git (unmanaged in namespace)',
      '      disabled: Kustomer has no workflow delete',
      '',
      '+ create    kustomer.outbound-webhook regal-out',
      '      new outbound-webhook',
      '',
      'Outside namespace "regal" (never touched): 1 kustomer.hook.',
      'Plan: 1 to create, 1 to update, 1 to disable, 1 to delete (1 refused); 1 unchanged.',
    ].join('\n'),
  );
});
text('colours only when asked', () => {
  assert.not.match(renderPlanText(samplePlan(), { color: false }), '\x1b[');
  assert.match(renderPlanText(samplePlan(), { color: true }), '\x1b[');
});
text('an empty plan says the org matches git', () => {
  const p = planChanges({
    now: new Date(0),
    namespace: 'regal',
    environment: { name: 'local', target: 't' },
    desired: [hook('regal-h')],
    live: [live(hook('regal-h'))],
    providedKinds: new Set(RESOURCE_KINDS),
    secret: () => undefined,
  });
  assert.match(renderPlanText(p, { color: false }), 'No changes: the org matches git (1 resource(s) unchanged).');
});
text.run();

const md = suite('renderPlanMarkdown');
md('summary first: headline, counts table, warnings, resources table, then details', () => {
  const out = renderPlanMarkdown(samplePlan(), { runUrl: 'https://ci.example/run/1' });
  const order = [
    '### kac plan',
    '| create | update |',
    '| 1 | 1 | 1 | 1 | 0 | 1 | 1 |',
    '> [!WARNING]',
    '| | Resource | Kind | Change | Impact |',
    '<details><summary>',
  ];
  let at = -1;
  for (const marker of order) {
    const i = out.indexOf(marker);
    assert.ok(i > at, `"${marker}" comes after the previous section`);
    at = i;
  }
  assert.match(out, '```mermaid\nflowchart TD');
  assert.match(out, '```diff\n--- live/kustomer.workflow/regal-calls.json');
  assert.match(out, '[Full plan and logs](https://ci.example/run/1)');
  assert.not.match(out, 'very-secret-token');
});
md(
  'manual steps: one block after the org changes, a checklist and the paste-ready text collapsed, kept when a big change is cut',
  () => {
    const template: Resource = {
      kind: 'iterable.journey-webhook',
      key: 'regal-create-contact',
      body: {
        name: 'regal-create-contact',
        endpoint: 'https://events.regalvoice.com/events',
        body: '{"traits":{"phone":"{{phoneNumber}}"}}',
        sha256: 'abc',
      },
      dependsOn: [],
      sensitive: [],
    };
    // A workflow whose details alone exceed the budget: it must not push the manual step out.
    const huge = workflow(
      'regal-huge',
      'regal-h',
      Array.from({ length: 400 }, (_, i) => ({ id: `step-${i}` })),
    );
    const plan = planChanges({
      namespace: 'regal',
      environment: { name: 'local', target: 'local org' },
      desired: [hook('regal-h'), huge, template],
      live: [live(hook('regal-h'))],
      providedKinds: new Set(RESOURCE_KINDS),
      manualKinds: new Set(['iterable.journey-webhook']),
      secret: () => undefined,
      now: new Date(0),
    });
    const out = renderPlanMarkdown(plan, { maxChars: 8_000 });
    assert.ok(out.length <= 8_000);
    const checklist = out.indexOf(
      '- [ ] `regal-create-contact`: paste it in Iterable › Integrations › Journey Webhooks, then `kac iterable confirm regal-create-contact`',
    );
    assert.ok(checklist > out.indexOf('| | Resource | Kind | Change | Impact |'), 'after the org changes');
    assert.ok(checklist > out.indexOf('_Details of 1 change(s) left out'), 'after the details, one block');
    assert.match(
      out,
      '<details><summary>Paste-ready text for 1 Iterable template(s) (also: <code>kac iterable status --steps</code>)</summary>',
    );
    assert.match(out, '"body": "{\\"traits\\":{\\"phone\\":\\"{{phoneNumber}}\\"}}"');
  },
);

md('never longer than maxChars; details that do not fit are named as left out', () => {
  const many = Array.from({ length: 300 }, (_, i) =>
    workflow(`regal-wf-${i}`, 'regal-h', [{ id: 'a', to: [{ target: 'b' }] }, { id: 'b' }]),
  );
  const p = planChanges({
    now: new Date(0),
    namespace: 'regal',
    environment: { name: 'ci', target: 't' },
    desired: [hook('regal-h'), ...many],
    live: [],
    providedKinds: new Set(RESOURCE_KINDS),
    secret: () => undefined,
  });
  for (const maxChars of [60_000, 8_000, 2_000]) {
    const out = renderPlanMarkdown(p, { maxChars });
    assert.ok(out.length <= maxChars, `${out.length} <= ${maxChars}`);
    assert.match(out, 'Plan: 301 to create');
    assert.match(out, /left out/);
  }
});
md.run();

const json = suite('renderPlanJson');
json('versioned, version first, no secret values', () => {
  const out = renderPlanJson(samplePlan());
  assert.ok(out.startsWith('{\n  "version": 1,'));
  assert.not.match(out, 'very-secret-token');
  assert.equal(JSON.parse(out).changes.length, samplePlan().changes.length);
});
json.run();

const mermaid = suite('workflowFlowchart');
mermaid(
  'nodes by name, edges by label or readable condition, the trigger by its hook, added/changed/removed marked',
  () => {
    const wf = workflow('regal-x', 'regal-h', [
      { id: 'a', to: [{ target: 'b', op: 'eq', values: ['/#steps.1.event', 'call'] }] },
      { id: 'b' },
    ]);
    const out = workflowFlowchart(wf.body, [
      { code: 'step-added', message: '', step: 'b' },
      { code: 'params-changed', message: '', step: 'a' },
      { code: 'step-removed', message: '', step: 'old' },
    ]);
    assert.is(
      out,
      [
        'flowchart TD',
        '  s0(["hook regal-h"])',
        '  s1["a (changed)"]',
        '  s2["b (added)"]',
        '  r0["old (removed)"]',
        '  s0 --> s1',
        '  s1 -->|"event = “call”"| s2',
        '  classDef added fill:#e6ffed,stroke:#22863a',
        '  classDef changed fill:#fff5b1,stroke:#b08800',
        '  classDef removed fill:#ffeef0,stroke:#cb2431,stroke-dasharray:4',
        '  class s2 added',
        '  class s1 changed',
        '  class r0 removed',
      ].join('\n'),
    );
  },
);
mermaid.run();

const summary = suite('summarizePlan');
summary('counts by kind, refused and destroy separately', () => {
  const s = summarizePlan(samplePlan());
  assert.equal(
    { ...s, headline: '' },
    {
      create: 1,
      update: 1,
      disable: 1,
      delete: 1,
      manual: 0,
      unchanged: 1,
      refused: 1,
      destroy: 0,
      pending: 4,
      errors: 0,
      headline: '',
    },
  );
});
summary.run();

const manualText = suite('renderPlanText: manual steps');
manualText('one block after the org changes, pointing at the paste-ready text; inline only when asked', () => {
  const template: Resource = {
    kind: 'iterable.journey-webhook',
    key: 'regal-create-contact',
    body: { name: 'regal-create-contact', sha256: 'abc' },
    dependsOn: [],
    sensitive: [],
  };
  const plan = planChanges({
    namespace: 'regal',
    environment: { name: 'local', target: 'local org' },
    desired: [hook('regal-h'), template],
    live: [],
    providedKinds: new Set(RESOURCE_KINDS),
    manualKinds: new Set(['iterable.journey-webhook']),
    manualInstructions: () => 'PASTE THIS',
    secret: () => undefined,
    now: new Date(0),
  });
  const out = renderPlanText(plan, { color: false });
  assert.not.match(out, 'PASTE THIS');
  assert.ok(out.indexOf('+ create    kustomer.hook regal-h') < out.indexOf('Manual steps in Iterable (1;'));
  assert.match(
    out,
    '  ! regal-create-contact: not confirmed yet: set it up by hand\n  Paste-ready text: kac iterable status --steps. After pasting: kac iterable confirm <name>.',
  );
  assert.match(renderPlanText(plan, { color: false, instructions: true }), '      | PASTE THIS');
});
manualText.run();
