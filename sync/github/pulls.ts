/** Finds the pull request a push to main came from, so apply can report back on it. */
import { githubCall, type GitHubClient } from './client.js';
import type { RepoRef } from './comments.js';

export interface MergedPull {
  number: number;
  title: string;
  url: string;
}

/**
 * The merged PR whose merge (or head) commit is `sha`, via `GET /repos/{owner}/{repo}/commits/{sha}/pulls`.
 * Undefined for a direct push. Prefers the PR whose merge commit is exactly `sha`.
 */
export async function findMergedPullRequest(
  octokit: GitHubClient,
  repo: RepoRef,
  sha: string,
): Promise<MergedPull | undefined> {
  const path = `/repos/${repo.owner}/${repo.repo}/commits/${sha}/pulls`;
  const pulls = await githubCall('GET', path, () =>
    octokit.paginate(octokit.rest.repos.listPullRequestsAssociatedWithCommit, {
      owner: repo.owner,
      repo: repo.repo,
      commit_sha: sha,
      per_page: 100,
    }),
  );
  const merged = pulls.filter((p) => p.merged_at);
  const best = merged.find((p) => p.merge_commit_sha === sha) ?? merged[0];
  return best ? { number: best.number, title: best.title, url: best.html_url } : undefined;
}
