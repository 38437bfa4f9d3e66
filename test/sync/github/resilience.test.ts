import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ApiError } from '../../../sync/errors.js';
import { commentMarker } from '../../../sync/github/comment-body.js';
import { upsertStickyComment } from '../../../sync/github/comments.js';
import { createGitHubClient } from '../../../sync/github/client.js';
import { memoryLogger } from '../../../sync/logger.js';
import { FAST, REPO, TOKEN, setup } from './helpers.js';

const resilience = suite('GitHub client resilience');

resilience('a 403 secondary rate limit is waited out (retry-after) and the write goes through once', async () => {
  const { double, octokit, logger } = await setup();
  try {
    const pr = double.state.addPullRequest('acme/kustomer-config', { headSha: 'abc1234' });
    double.injectFault({ status: 403, match: /^POST /, secondaryRateLimit: { retryAfter: 2 } });
    const marker = commentMarker('plan', 'staging');
    const result = await upsertStickyComment(octokit, { ...REPO, issueNumber: pr.number }, marker, `${marker}\nplan`);
    assert.is(result.action, 'created');
    assert.equal(
      double.requests.filter((r) => r.method === 'POST').map((r) => r.status),
      [403, 201],
    );
    assert.is(double.state.repo('acme/kustomer-config').comments.size, 1);
    assert.ok(
      logger.lines.some((l) => l.includes('secondary rate limit') && l.includes('retrying in 2s')),
      logger.lines.join('\n'),
    );
  } finally {
    await double.close();
  }
});

resilience('5xx responses are retried, then the call succeeds', async () => {
  const { double, octokit } = await setup();
  try {
    const pr = double.state.addPullRequest('acme/kustomer-config', { headSha: 'abc1234' });
    double.injectFault({ status: 502, match: /^GET / });
    double.injectFault({ status: 503, match: /^GET / });
    const marker = commentMarker('plan', 'staging');
    const result = await upsertStickyComment(octokit, { ...REPO, issueNumber: pr.number }, marker, `${marker}\nplan`);
    assert.is(result.action, 'created');
    assert.equal(
      double.requests.filter((r) => r.method === 'GET').map((r) => r.status),
      [502, 503, 200],
    );
  } finally {
    await double.close();
  }
});

resilience('rate-limit retries are bounded: after 3 the call fails with an ApiError', async () => {
  const { double, octokit, logger } = await setup();
  try {
    const pr = double.state.addPullRequest('acme/kustomer-config', { headSha: 'abc1234' });
    for (let i = 0; i < 6; i++) double.injectFault({ status: 403, secondaryRateLimit: { retryAfter: 1 } });
    const marker = commentMarker('plan', 'staging');
    try {
      await upsertStickyComment(octokit, { ...REPO, issueNumber: pr.number }, marker, `${marker}\nplan`);
      assert.unreachable('should have failed');
    } catch (error) {
      assert.instance(error, ApiError);
      const e = error as ApiError;
      assert.is(e.details.system, 'github');
      assert.is(e.details.status, 403);
      assert.match(e.message, /secondary rate limit/);
    }
    assert.is(double.requests.length, 4, 'one try and three retries');
    assert.ok(logger.lines.some((l) => l.includes('giving up after 3 retries')));
  } finally {
    await double.close();
  }
});

resilience('the token never appears in logs or errors, even when a server echoes it', async () => {
  const { double } = await setup();
  try {
    const logger = memoryLogger();
    const octokit = createGitHubClient({
      token: TOKEN,
      baseUrl: double.url,
      logger,
      ...FAST,
      maxServerErrorRetries: 0,
    });
    // A 404 whose path carries the token: the error message must still be clean.
    try {
      await octokit.request('GET /repos/{owner}/{repo}/issues/{n}/comments', { owner: 'acme', repo: TOKEN, n: 1 });
      assert.unreachable('should 404');
    } catch (error) {
      const { toApiError } = await import('../../../sync/github/client.js');
      const mapped = toApiError(error, 'GET', `/repos/acme/${TOKEN}`);
      assert.not.ok(mapped.message.includes(TOKEN), mapped.message);
    }
    assert.ok(double.requests.every((r) => r.authorization === `token ${TOKEN}`));
    assert.not.ok(logger.lines.join('\n').includes(TOKEN));
  } finally {
    await double.close();
  }
});

resilience.run();
