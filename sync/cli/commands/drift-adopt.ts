/**
 * `kac drift --adopt [--github]`: after the drift report, keep the UI changes. Locally the changed
 * objects' files are rewritten; with --github a pull request on `kac/adopt-<env>` is opened or updated.
 */
import { ExitError } from '../../errors.js';
import { readActionsEnv } from '../../github/actions-env.js';
import { createGitHubClient } from '../../github/client.js';
import { adoptDrift } from '../../drift/adopt.js';
import type { CliIo } from '../io.js';

export async function runAdopt(options: { root: string; env?: string; github: boolean }, io: CliIo): Promise<void> {
  let github;
  if (options.github) {
    const actions = readActionsEnv(io.env);
    if (!actions.token || !actions.owner || !actions.repo) throw new ExitError('--adopt --github needs GITHUB_TOKEN and GITHUB_REPOSITORY', 1);
    github = { octokit: createGitHubClient({ token: actions.token, baseUrl: actions.apiUrl, logger: io.logger }), owner: actions.owner, repo: actions.repo };
  }
  const result = await adoptDrift({ root: options.root, ...(options.env ? { environment: options.env } : {}), env: io.env, logger: io.logger, ...(github ? { github } : {}) });
  for (const a of result.adoption.adopted) io.err(`adopted   ${a.kind} ${a.key} → ${a.path}`);
  for (const d of result.adoption.deletedInUi) io.err(`not adopted: ${d.kind} ${d.key} was deleted in the UI (apply recreates it; delete its file to accept)`);
  for (const path of result.written) io.out(`wrote     ${path}`);
  if (result.pullRequest) io.out(`${result.pullRequest.action === 'created' ? 'opened' : result.pullRequest.action} pull request #${result.pullRequest.number}: ${result.pullRequest.url}`);
}
