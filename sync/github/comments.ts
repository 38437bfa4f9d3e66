/**
 * Sticky comments: one comment per marker on a PR, found by paging through its comments, updated in
 * place, never posted twice (tfcmt `-patch`, not Atlantis's comment pile-up).
 */
import { redact } from '../logger.js';
import { githubCall, type GitHubClient } from './client.js';

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface StickyCommentResult {
  action: 'created' | 'updated' | 'unchanged';
  id: number;
  url: string;
}

/** The first comment on the issue/PR whose body contains `marker`, or undefined. Pages through all. */
export async function findMarkedComment(
  octokit: GitHubClient,
  target: RepoRef & { issueNumber: number },
  marker: string,
): Promise<{ id: number; body: string; url: string } | undefined> {
  const path = `/repos/${target.owner}/${target.repo}/issues/${target.issueNumber}/comments`;
  return githubCall('GET', path, async () => {
    const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
      owner: target.owner,
      repo: target.repo,
      issue_number: target.issueNumber,
      per_page: 100,
    });
    for await (const page of pages) {
      const found = page.data.find((c) => c.body?.includes(marker));
      if (found) return { id: found.id, body: found.body ?? '', url: found.html_url };
    }
    return undefined;
  });
}

/** Creates the marked comment, or updates the existing one in place (skips the write when identical). */
export async function upsertStickyComment(
  octokit: GitHubClient,
  target: RepoRef & { issueNumber: number },
  marker: string,
  rawBody: string,
): Promise<StickyCommentResult> {
  // The backstop: whatever a renderer let through, no registered secret value is ever posted.
  const body = redact(rawBody);
  if (!body.includes(marker))
    throw new Error('a sticky comment body must contain its marker, or it could never be found again');
  const existing = await findMarkedComment(octokit, target, marker);
  if (existing) {
    if (existing.body === body) return { action: 'unchanged', id: existing.id, url: existing.url };
    const path = `/repos/${target.owner}/${target.repo}/issues/comments/${existing.id}`;
    const { data } = await githubCall('PATCH', path, () =>
      octokit.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: existing.id, body }),
    );
    return { action: 'updated', id: data.id, url: data.html_url };
  }
  const path = `/repos/${target.owner}/${target.repo}/issues/${target.issueNumber}/comments`;
  const { data } = await githubCall('POST', path, () =>
    octokit.rest.issues.createComment({
      owner: target.owner,
      repo: target.repo,
      issue_number: target.issueNumber,
      body,
    }),
  );
  return { action: 'created', id: data.id, url: data.html_url };
}
