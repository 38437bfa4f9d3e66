import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { buildDriftReport } from '../../../sync/drift/report.js';
import { driftOneLine, driftTitle, renderDriftMarkdown, renderDriftText } from '../../../sync/drift/render.js';
import { planChanges } from '../../../sync/plan/plan-changes.js';
import { driftPlan } from './fixtures.js';

const build = suite('buildDriftReport');

build('sorts the planner changes into drift buckets; outside the namespace is only counted', () => {
  const report = buildDriftReport(driftPlan());
  assert.is(report.hasDrift, true);
  assert.equal(report.counts, { 'changed-in-ui': 1, 'deleted-in-ui': 1, 'created-in-ui': 1, 'manual-pending': 0 });
  assert.equal(
    report.items.map((i) => [i.bucket, i.key, i.applyWould, i.liveId ?? null]),
    [
      ['changed-in-ui', 'regal-call-events', 'update', 'h1'],
      ['deleted-in-ui', 'regal-sms-events', 'recreate', null],
      ['created-in-ui', 'regal-test-hook', 'delete', 'h4'],
    ],
  );
  assert.equal(report.unmanaged, { 'kustomer.hook': 1 });
  assert.match(report.items[0]!.diff, /-\s+"description": "edited in the UI"/);
});

build('a matching org is no drift', () => {
  const report = buildDriftReport(driftPlan({ clean: true }));
  assert.is(report.hasDrift, false);
  assert.equal(report.items, []);
  assert.is(driftOneLine(report), 'production: no drift');
  assert.is(driftTitle(report), 'No drift in production');
});

build('an Iterable webhook not confirmed done is a manual step pending, with its instructions', () => {
  const plan = planChanges({
    now: new Date(0),
    namespace: 'regal',
    environment: { name: 'production', target: 'https://acme.api.kustomerapp.com' },
    desired: [
      {
        kind: 'iterable.journey-webhook',
        key: 'regal-create-contact',
        body: { endpoint: 'https://events.regalvoice.com/events' },
        dependsOn: [],
        sensitive: [],
      },
    ],
    live: [],
    providedKinds: new Set(['iterable.journey-webhook']),
    manualKinds: new Set(['iterable.journey-webhook']),
    manualInstructions: () => 'Paste this into the journey webhook.',
    secret: () => undefined,
  });
  const report = buildDriftReport(plan);
  assert.equal(
    report.items.map((i) => [i.bucket, i.key, i.applyWould, i.instructions]),
    [['manual-pending', 'regal-create-contact', 'nothing (manual)', 'Paste this into the journey webhook.']],
  );
  assert.match(
    renderDriftMarkdown(report),
    /\| ✋ \| Manual steps pending \(Iterable steps not confirmed done\) \| 1 \| `regal-create-contact` \|[\s\S]*Manual steps: do them in Iterable as shown below\.[\s\S]*Do this by hand:/,
  );
});

const render = suite('drift renderers');

render('markdown: headline, a ten-second table, what to do, then collapsed details', () => {
  const md = renderDriftMarkdown(buildDriftReport(driftPlan()));
  const [summary, ...rest] = md.split('\n<details>');
  assert.is(
    summary,
    [
      '### Drift · `production` · namespace `regal`',
      '',
      '**3 resources differ from main** (checked 2025-03-04T05:06:07.000Z against https://acme.api.kustomerapp.com).',
      '',
      '| | Drift | Count | Resources |',
      '|---|---|---:|---|',
      '| ✏️ | Changed in the UI (live differs from main) | 1 | `regal-call-events` |',
      '| 🗑️ | Deleted in the UI (in main, missing live) | 1 | `regal-sms-events` |',
      '| ➕ | Created in the UI (live in the namespace, not in main) | 1 | `regal-test-hook` |',
      '',
      '**To resolve:** keep the UI edits in git (`kac drift --env production --adopt` rewrites their definitions; with `--github`, as a PR), or revert them by applying main (`kac apply --env production`).',
      '',
      '_Outside namespace "regal" (never touched): 1 kustomer.hook._',
      '',
    ].join('\n'),
  );
  assert.is(rest.length, 3, 'one collapsed block per drifted resource');
  assert.ok(
    md.includes(
      '<details><summary>✏️ changed in the UI: <code>kustomer.hook</code> <code>regal-call-events</code></summary>',
    ),
  );
  assert.ok(
    md.includes('Defined in `workflows/regal/regal-call-events.ts:3`.\nLive id `h1`.\n**Apply would update it.**'),
  );
  assert.is((md.match(/<details>/g) ?? []).length, (md.match(/<\/details>/g) ?? []).length);
});

render('text: one section per bucket, and the daemon one-liner', () => {
  const report = buildDriftReport(driftPlan());
  const text = renderDriftText(report);
  assert.ok(
    text.startsWith(
      'Drift in production (namespace regal, https://acme.api.kustomerapp.com): 3 resources differ from main.\n\nChanged in the UI (live differs from main): 1\n  kustomer.hook regal-call-events  (workflows/regal/regal-call-events.ts:3)  → apply would update it',
    ),
    text,
  );
  assert.ok(
    text.includes(
      'Created in the UI (live in the namespace, not in main): 1\n  kustomer.hook regal-test-hook  → apply --allow-destroy would delete it',
    ),
  );
  assert.ok(text.endsWith('Outside namespace "regal" (never touched): 1 kustomer.hook.'));
  assert.is(driftOneLine(report), 'production: drift: 1 changed in the UI, 1 deleted in the UI, 1 created in the UI');
});

build.run();
render.run();
