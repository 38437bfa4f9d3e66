import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { commentMarker } from '../../../sync/github/comment-body.js';
import { findMarkedComment, upsertStickyComment } from '../../../sync/github/comments.js';
import { REPO, setup } from './helpers.js';

const upsert = suite('upsertStickyComment');

upsert('creates the comment once, then updates it in place: never a second one', async () => {
  const { double, octokit } = await setup();
  try {
    const pr = double.state.addPullRequest('acme/kustomer-config', { headSha: 'abc1234' });
    const marker = commentMarker('plan', 'staging');
    const target = { ...REPO, issueNumber: pr.number };

    const first = await upsertStickyComment(octokit, target, marker, `${marker}\nplan v1`);
    const second = await upsertStickyComment(octokit, target, marker, `${marker}\nplan v2`);
    const third = await upsertStickyComment(octokit, target, marker, `${marker}\nplan v2`);

    assert.is(first.action, 'created');
    assert.is(second.action, 'updated');
    assert.is(third.action, 'unchanged');
    assert.is(second.id, first.id);
    const comments = [...double.state.repo('acme/kustomer-config').comments.values()];
    assert.equal(
      comments.map((c) => c.body),
      [`${marker}\nplan v2`],
    );
    assert.equal(
      double.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`),
      [
        `POST /repos/acme/kustomer-config/issues/${pr.number}/comments`,
        `PATCH /repos/acme/kustomer-config/issues/comments/${first.id}`,
      ],
    );
  } finally {
    await double.close();
  }
});

upsert('one comment per environment: the staging marker never matches production', async () => {
  const { double, octokit } = await setup();
  try {
    const pr = double.state.addPullRequest('acme/kustomer-config', { headSha: 'abc1234' });
    const target = { ...REPO, issueNumber: pr.number };
    const staging = commentMarker('plan', 'staging');
    const production = commentMarker('plan', 'production');
    await upsertStickyComment(octokit, target, staging, `${staging}\nstaging`);
    await upsertStickyComment(octokit, target, production, `${production}\nproduction`);
    await upsertStickyComment(octokit, target, staging, `${staging}\nstaging v2`);
    const bodies = [...double.state.repo('acme/kustomer-config').comments.values()].map((c) => c.body);
    assert.equal(bodies, [`${staging}\nstaging v2`, `${production}\nproduction`]);
  } finally {
    await double.close();
  }
});

upsert('finds its marker on a later page (Link-header pagination)', async () => {
  const { double, octokit } = await setup({ maxPerPage: 3 });
  try {
    const pr = double.state.addPullRequest('acme/kustomer-config', { headSha: 'abc1234' });
    for (let i = 0; i < 7; i++) double.state.addComment('acme/kustomer-config', pr.number, `review comment ${i}`);
    const marker = commentMarker('plan', 'production');
    const old = double.state.addComment(
      'acme/kustomer-config',
      pr.number,
      `${marker}\nold plan`,
      'github-actions[bot]',
    );
    double.state.addComment('acme/kustomer-config', pr.number, 'lgtm');

    const found = await findMarkedComment(octokit, { ...REPO, issueNumber: pr.number }, marker);
    assert.is(found?.id, old.id);
    const result = await upsertStickyComment(
      octokit,
      { ...REPO, issueNumber: pr.number },
      marker,
      `${marker}\nnew plan`,
    );
    assert.equal(result.action, 'updated');
    assert.is(result.id, old.id);
    const listPages = double.requests.filter((r) => r.method === 'GET').map((r) => r.query.page ?? '1');
    assert.ok(listPages.includes('3'), `expected the third page to be read, read ${listPages.join(',')}`);
    assert.is(double.state.repo('acme/kustomer-config').comments.size, 9);
  } finally {
    await double.close();
  }
});

upsert('refuses a body without its marker (it could never be found again)', async () => {
  const { double, octokit } = await setup();
  try {
    const pr = double.state.addPullRequest('acme/kustomer-config', { headSha: 'abc1234' });
    try {
      await upsertStickyComment(octokit, { ...REPO, issueNumber: pr.number }, commentMarker('plan', 'x'), 'no marker');
      assert.unreachable('should have thrown');
    } catch (error) {
      assert.match((error as Error).message, /must contain its marker/);
    }
    assert.is(double.requests.length, 0);
  } finally {
    await double.close();
  }
});

upsert.run();
