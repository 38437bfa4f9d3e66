/**
 * Where a drift report goes: the environment's GitHub issue when a token and repository are set,
 * otherwise `.kac/drift-<env>.md` (rewritten each run, so it always shows the latest state).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { runUrl, type ActionsEnv } from '../github/actions-env.js';
import { createGitHubClient, type GitHubClientOptions } from '../github/client.js';
import { syncDriftIssue, type DriftIssueResult } from '../github/drift-issue.js';
import { appendStepSummary } from '../github/step-summary.js';
import { ExitError } from '../errors.js';
import type { Logger } from '../logger.js';
import { driftTitle, renderDriftDetails, renderDriftMarkdown, renderDriftSummary } from './render.js';
import type { DriftReport } from './report.js';

export interface DriftPublishOptions {
  actions: ActionsEnv;
  logger: Logger;
  /** Project root; the file fallback goes to `<cwd>/.kac/`. */
  cwd: string;
  /** Require GitHub (`--github`): fail instead of falling back to a file when no token/repo. */
  requireGitHub?: boolean;
  client?: Partial<
    Pick<GitHubClientOptions, 'retryUnitMs' | 'maxRateLimitRetries' | 'maxServerErrorRetries' | 'throttleGroups'>
  >;
}

export type DriftPublished = { to: 'github'; issue: DriftIssueResult } | { to: 'file'; path: string };

export function canUseGitHub(actions: ActionsEnv): boolean {
  return Boolean(actions.token && actions.owner && actions.repo);
}

export async function publishDriftReport(report: DriftReport, options: DriftPublishOptions): Promise<DriftPublished> {
  const { actions, logger } = options;
  if (canUseGitHub(actions)) {
    const octokit = createGitHubClient({ token: actions.token!, baseUrl: actions.apiUrl, logger, ...options.client });
    const issue = await syncDriftIssue(
      octokit,
      { owner: actions.owner!, repo: actions.repo! },
      {
        environment: report.environment,
        hasDrift: report.hasDrift,
        title: driftTitle(report),
        summary: renderDriftSummary(report),
        details: renderDriftDetails(report),
        runUrl: runUrl(actions),
      },
    );
    await appendStepSummary(actions.stepSummaryPath, renderDriftMarkdown(report));
    if (issue.action !== 'none')
      logger.info(`drift issue ${issue.action}: #${issue.number} ${issue.url ?? ''}`.trimEnd());
    return { to: 'github', issue };
  }
  if (options.requireGitHub) {
    throw new ExitError(
      '--github needs GITHUB_TOKEN and GITHUB_REPOSITORY (owner/name) in the environment',
      1,
      'In GitHub Actions, pass `GITHUB_TOKEN: ${{ github.token }}` to the step; elsewhere drop --github to write .kac/drift-<env>.md.',
    );
  }
  const dir = join(options.cwd, '.kac');
  await mkdir(dir, { recursive: true });
  const path = join(dir, `drift-${report.environment}.md`);
  await writeFileAtomic(path, renderDriftMarkdown(report));
  return { to: 'file', path };
}
