import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { syncDriftIssue, type DriftIssueReport } from '../../../sync/github/drift-issue.js';
import { REPO, setup } from './helpers.js';

const drift = suite('syncDriftIssue');

const report = (over: Partial<DriftIssueReport>): DriftIssueReport => ({
  environment: 'production',
  hasDrift: true,
  title: 'Drift in production: 1 change outside git',
  summary: '| changed in UI | 1 |',
  details: '<details><summary>regal-call-completed</summary>\n\nenabled: true → false\n</details>',
  runUrl: 'https://github.test/acme/kustomer-config/actions/runs/1',
  ...over,
});

drift('opens one issue, updates it while drift persists, closes it with a comment when gone', async () => {
  const { double, octokit } = await setup();
  try {
    const opened = await syncDriftIssue(octokit, REPO, report({}));
    assert.is(opened.action, 'opened');
    const issues = () => [...double.state.repo('acme/kustomer-config').issues.values()];
    assert.equal(
      issues().map((i) => ({ title: i.title, labels: i.labels, state: i.state })),
      [{ title: 'Drift in production: 1 change outside git', labels: ['kac-drift', 'env:production'], state: 'open' }],
    );
    assert.ok(issues()[0]!.body.startsWith('<!-- kac:drift:production -->\n| changed in UI | 1 |'));

    const same = await syncDriftIssue(octokit, REPO, report({}));
    assert.is(same.action, 'unchanged');

    const updated = await syncDriftIssue(
      octokit,
      REPO,
      report({ title: 'Drift in production: 2 changes outside git', summary: '| changed in UI | 2 |' }),
    );
    assert.equal(updated, { action: 'updated', number: opened.number, url: opened.url });
    assert.is(issues().length, 1);
    assert.is(issues()[0]!.title, 'Drift in production: 2 changes outside git');

    const closed = await syncDriftIssue(octokit, REPO, report({ hasDrift: false }));
    assert.is(closed.action, 'closed');
    assert.equal(
      issues().map((i) => [i.state, i.state_reason]),
      [['closed', 'completed']],
    );
    const comments = [...double.state.repo('acme/kustomer-config').comments.values()];
    assert.equal(
      comments.map((c) => c.body),
      [
        'No drift any more: the live `production` org matches the definitions on the default branch ([run](https://github.test/acme/kustomer-config/actions/runs/1)). Closing.',
      ],
    );

    assert.is((await syncDriftIssue(octokit, REPO, report({ hasDrift: false }))).action, 'none');
    const reopened = await syncDriftIssue(octokit, REPO, report({}));
    assert.is(reopened.action, 'opened', 'drift after closing opens a fresh issue');
    assert.ok(reopened.number !== opened.number);
  } finally {
    await double.close();
  }
});

drift('environments have separate issues; an unrelated issue with the same labels is left alone', async () => {
  const { double, octokit } = await setup();
  try {
    const repo = double.state.repo('acme/kustomer-config');
    // A person filed an issue with the same labels but no marker.
    repo.issues.set(99, {
      number: 99,
      title: 'question about drift',
      body: 'why?',
      state: 'open',
      state_reason: null,
      labels: ['kac-drift', 'env:production'],
      created_at: '2025-01-01T00:00:00Z',
      updated_at: '2025-01-01T00:00:00Z',
      closed_at: null,
    });
    const production = await syncDriftIssue(octokit, REPO, report({}));
    const staging = await syncDriftIssue(octokit, REPO, report({ environment: 'staging', title: 'Drift in staging' }));
    assert.is(production.action, 'opened');
    assert.is(staging.action, 'opened');
    assert.ok(production.number !== staging.number && production.number !== 99);
    await syncDriftIssue(octokit, REPO, report({ hasDrift: false }));
    assert.is(repo.issues.get(99)!.state, 'open');
    assert.is(repo.issues.get(staging.number!)!.state, 'open');
    assert.is(repo.issues.get(production.number!)!.state, 'closed');
    const listCalls = double.requests.filter((r) => r.method === 'GET');
    assert.ok(listCalls.every((r) => r.query.state === 'open' && r.query.labels?.startsWith('kac-drift,env:')));
  } finally {
    await double.close();
  }
});

drift('an oversized report still fits GitHub (the double refuses > 65,536 characters)', async () => {
  const { double, octokit } = await setup();
  try {
    const details = Array.from(
      { length: 3000 },
      (_, i) => `<details><summary>regal-wf-${i}</summary>\n\nchanged\n</details>`,
    ).join('\n');
    const result = await syncDriftIssue(octokit, REPO, report({ details }));
    assert.is(result.action, 'opened');
    const body = double.state.repo('acme/kustomer-config').issues.get(result.number!)!.body;
    assert.ok(body.length <= 65_536);
    assert.match(
      body,
      /The full text is in \[the workflow run\]\(https:\/\/github\.test\/acme\/kustomer-config\/actions\/runs\/1\)\.\n$/,
    );
    assert.is((body.match(/<details>/g) ?? []).length, (body.match(/<\/details>/g) ?? []).length);
  } finally {
    await double.close();
  }
});

drift.run();
