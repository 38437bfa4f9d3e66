/**
 * The adoption as a pull request: one commit on `kac/adopt-<env>` (rebuilt from the base branch each
 * run, through the git data API: tree, commit, ref), and one open PR for that branch, created or
 * updated, whose description says what changed and how to keep or reject it.
 */
import { RequestError } from 'octokit';
import { githubCall, type GitHubClient } from '../github/client.js';
import type { Logger } from '../logger.js';
import type { Adoption } from './adopt.js';

export interface GitHubTarget {
  octokit: GitHubClient;
  owner: string;
  repo: string;
  /** The branch the PR merges into. Default `main`. */
  base?: string;
  /** Where the project sits in the repository (`''` at its root). */
  pathPrefix?: string;
}

export interface AdoptPullRequest {
  number: number;
  url: string;
  branch: string;
  action: 'created' | 'updated' | 'unchanged';
}

export const adoptBranch = (environment: string) => `kac/adopt-${environment.replace(/[^A-Za-z0-9._-]+/g, '-')}`;
const marker = (environment: string) => `<!-- kac:adopt:${environment} -->`;

/** Pure. The PR description: what changed in the UI, per object and file, and the two ways out. */
export function renderAdoptBody(adoption: Adoption): string {
  const env = adoption.environment;
  const lines = [
    marker(env),
    `## Keep the UI changes made in \`${env}\``,
    '',
    `\`kac drift\` found ${adoption.adopted.length} object(s) in \`${env}\` that differ from git. This PR rewrites their definitions from the live org, so git matches it again.`,
    '',
    '| Object | File | What changed in the UI |',
    '| --- | --- | --- |',
    ...adoption.adopted.map(
      (a) =>
        `| ${a.kind.replace(/^kustomer\./, '')} \`${a.key}\` | \`${a.path}\` | ${a.bucket === 'created-in-ui' ? 'created in the UI' : cell(a.notes.join('; ') || 'changed')} |`,
    ),
    '',
    `- **Merge** to keep them: the next \`kac plan --env ${env}\` is empty.`,
    `- **Close** to reject them, then run \`kac apply --env ${env}\` on the base branch to put the org back.`,
  ];
  const envVars = [...new Set(adoption.files.flatMap((f) => f.envVars))].sort();
  if (envVars.length > 0)
    lines.push(
      '',
      `Secrets these files read (values are never written to the repo): ${envVars.map((v) => `\`${v}\``).join(', ')}.`,
    );
  const notes = adoption.files.flatMap((f) => f.notes.map((n) => `\`${f.path}\`: ${n}`));
  if (notes.length > 0)
    lines.push('', '**Not expressible in TypeScript (would be lost on apply):**', ...notes.map((n) => `- ${cell(n)}`));
  if (adoption.deletedInUi.length > 0)
    lines.push(
      '',
      `Deleted in the UI and not adopted here (applying the base branch recreates them): ${adoption.deletedInUi.map((d) => `\`${d.key}\``).join(', ')}.`,
    );
  return lines.join('\n') + '\n';
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Opens or updates the adoption PR; undefined when nothing drifted (no branch or PR is touched). */
export async function openAdoptPullRequest(
  target: GitHubTarget,
  adoption: Adoption,
  logger: Logger,
): Promise<AdoptPullRequest | undefined> {
  if (adoption.files.length === 0) return undefined;
  const { octokit, owner, repo } = target;
  const base = target.base ?? 'main';
  const branch = adoptBranch(adoption.environment);
  const api = `/repos/${owner}/${repo}`;

  const baseRef = await githubCall('GET', `${api}/git/ref/heads/${base}`, () =>
    octokit.rest.git.getRef({ owner, repo, ref: `heads/${base}` }),
  );
  const baseSha = baseRef.data.object.sha;
  const baseCommit = await githubCall('GET', `${api}/git/commits/${baseSha}`, () =>
    octokit.rest.git.getCommit({ owner, repo, commit_sha: baseSha }),
  );
  const tree = await githubCall('POST', `${api}/git/trees`, () =>
    octokit.rest.git.createTree({
      owner,
      repo,
      base_tree: baseCommit.data.tree.sha,
      tree: adoption.files.map((f) => ({
        path: `${target.pathPrefix ?? ''}${f.path}`,
        mode: '100644' as const,
        type: 'blob' as const,
        content: f.content,
      })),
    }),
  );

  const existing = await branchHead(target, branch);
  const existingTree = existing
    ? (
        await githubCall('GET', `${api}/git/commits/${existing}`, () =>
          octokit.rest.git.getCommit({ owner, repo, commit_sha: existing }),
        )
      ).data
    : undefined;
  const sameContent = existingTree?.tree.sha === tree.data.sha && existingTree.parents.some((p) => p.sha === baseSha);
  if (!sameContent) {
    const names = adoption.adopted.map((a) => a.key).join(', ');
    const commit = await githubCall('POST', `${api}/git/commits`, () =>
      octokit.rest.git.createCommit({
        owner,
        repo,
        message: `Adopt UI changes from ${adoption.environment}: ${names}`,
        tree: tree.data.sha,
        parents: [baseSha],
      }),
    );
    // The branch belongs to kac: each run rebuilds it on the base branch, so it is moved with force.
    if (existing)
      await githubCall('PATCH', `${api}/git/refs/heads/${branch}`, () =>
        octokit.rest.git.updateRef({ owner, repo, ref: `heads/${branch}`, sha: commit.data.sha, force: true }),
      );
    else
      await githubCall('POST', `${api}/git/refs`, () =>
        octokit.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: commit.data.sha }),
      );
  }

  const title = `kac: adopt UI changes from ${adoption.environment}`;
  const body = renderAdoptBody(adoption);
  const open = await githubCall('GET', `${api}/pulls`, () =>
    octokit.paginate(octokit.rest.pulls.list, {
      owner,
      repo,
      head: `${owner}:${branch}`,
      state: 'open',
      per_page: 100,
    }),
  );
  const pr = open[0];
  if (pr) {
    if (sameContent && pr.body === body && pr.title === title)
      return { number: pr.number, url: pr.html_url, branch, action: 'unchanged' };
    const updated = await githubCall('PATCH', `${api}/pulls/${pr.number}`, () =>
      octokit.rest.pulls.update({ owner, repo, pull_number: pr.number, title, body }),
    );
    logger.info(`Updated pull request #${updated.data.number}: ${updated.data.html_url}`);
    return { number: updated.data.number, url: updated.data.html_url, branch, action: 'updated' };
  }
  const created = await githubCall('POST', `${api}/pulls`, () =>
    octokit.rest.pulls.create({ owner, repo, title, head: branch, base, body }),
  );
  logger.info(`Opened pull request #${created.data.number}: ${created.data.html_url}`);
  return { number: created.data.number, url: created.data.html_url, branch, action: 'created' };
}

async function branchHead(target: GitHubTarget, branch: string): Promise<string | undefined> {
  try {
    const ref = await target.octokit.rest.git.getRef({
      owner: target.owner,
      repo: target.repo,
      ref: `heads/${branch}`,
    });
    return ref.data.object.sha;
  } catch (error) {
    if (error instanceof RequestError && error.status === 404) return undefined;
    return githubCall('GET', `/repos/${target.owner}/${target.repo}/git/ref/heads/${branch}`, () =>
      Promise.reject(error),
    );
  }
}
