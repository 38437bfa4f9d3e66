/**
 * What `--github` does around plan and apply: decide whether a plan can run here (a fork PR gets no
 * secrets), then post the result where reviewers look (sticky PR comment, job summary). Each entry is
 * one call from the plan/apply commands; nothing here knows how a plan is made.
 */
import type { Logger } from '../logger.js';
import { readPullRequestEvent, runUrl, type ActionsEnv, type PullRequestEvent } from './actions-env.js';
import { createGitHubClient, type GitHubClient, type GitHubClientOptions } from './client.js';
import { commentMarker, composeCommentBody } from './comment-body.js';
import { upsertStickyComment, type StickyCommentResult } from './comments.js';
import { findMergedPullRequest } from './pulls.js';
import { appendStepSummary } from './step-summary.js';

export interface PublishContext {
  actions: ActionsEnv;
  logger: Logger;
  /** Tests shrink retry waits; production passes nothing. */
  client?: Partial<
    Pick<GitHubClientOptions, 'retryUnitMs' | 'maxRateLimitRetries' | 'maxServerErrorRetries' | 'throttleGroups'>
  >;
  /** Reads GITHUB_EVENT_PATH; injectable for tests. */
  readEvent?: (path: string) => string;
}

export type PlanAccess =
  | { ok: true; pullRequest?: PullRequestEvent }
  | { ok: false; reason: 'fork' | 'missing-secrets'; message: string; pullRequest?: PullRequestEvent };

/**
 * Whether this run can plan `environment`. A PR from a fork gets no secrets and a read-only token, so
 * it cannot read the live org or comment: it says so plainly instead of failing on a missing key.
 */
export function planAccess(ctx: PublishContext, environment: string, missingSecrets: readonly string[]): PlanAccess {
  const pullRequest = readPullRequestEvent(ctx.actions, ctx.readEvent);
  if (pullRequest?.fromFork) {
    return {
      ok: false,
      reason: 'fork',
      pullRequest,
      message:
        `Plan for \`${environment}\` needs a maintainer: this pull request comes from a fork (${pullRequest.headRepo ?? 'a deleted fork'}), ` +
        'and GitHub gives fork pull requests no secrets, so kac cannot read the live org. The definitions were validated and compiled. ' +
        'A maintainer can review the change and push the branch to this repository to get a plan.',
    };
  }
  if (missingSecrets.length > 0) {
    return {
      ok: false,
      reason: 'missing-secrets',
      pullRequest,
      message:
        `Plan for \`${environment}\` needs a maintainer: ${missingSecrets.map((s) => `\`${s}\``).join(', ')} ` +
        `${missingSecrets.length === 1 ? 'is' : 'are'} not set in this run, so kac cannot read the live org. ` +
        'Add the secret in Settings → Secrets and variables → Actions (or to the GitHub environment), then re-run.',
    };
  }
  return { ok: true, pullRequest };
}

/** Writes the "needs a maintainer" notice to the job summary; never tries to comment. */
export async function reportPlanUnavailable(
  ctx: PublishContext,
  environment: string,
  access: Extract<PlanAccess, { ok: false }>,
): Promise<void> {
  ctx.logger.warn(access.message);
  await appendStepSummary(
    ctx.actions.stepSummaryPath,
    `### kac plan · \`${environment}\`\n\n> [!NOTE]\n> ${access.message}`,
  );
}

export interface PublishedResult {
  summaryWritten: boolean;
  comment?: StickyCommentResult & { pullRequest: number };
  /** Why no comment was posted, when none was. */
  skipped?: string;
}

export interface RenderedReport {
  environment: string;
  /**
   * The whole rendering, summary first (renderPlanMarkdown bounds its own length and links the run);
   * cut again at a line, with the run link, only if it would still exceed GitHub's limit.
   */
  markdown: string;
}

function client(ctx: PublishContext): GitHubClient | undefined {
  if (!ctx.actions.token || !ctx.actions.owner || !ctx.actions.repo) return undefined;
  return createGitHubClient({
    token: ctx.actions.token,
    baseUrl: ctx.actions.apiUrl,
    logger: ctx.logger,
    ...ctx.client,
  });
}

/** `<sub>kac plan · staging · commit a1b2c3d · run</sub>`: which run this comment reflects. */
function contextLine(kind: 'plan' | 'apply', environment: string, actions: ActionsEnv): string {
  const parts = [`kac ${kind} · \`${environment}\``];
  if (actions.sha) parts.push(`commit ${actions.sha.slice(0, 7)}`);
  const run = runUrl(actions);
  if (run) parts.push(`[run ${actions.runId}](${run})`);
  return `<sub>${parts.join(' · ')}</sub>`;
}

function compose(kind: 'plan' | 'apply', report: RenderedReport, actions: ActionsEnv): string {
  const marker = commentMarker(kind, report.environment);
  return composeCommentBody({
    marker,
    summary: '',
    details: report.markdown,
    footer: contextLine(kind, report.environment, actions),
    runUrl: runUrl(actions),
  }).body;
}

async function writeSummary(kind: 'plan' | 'apply', ctx: PublishContext, report: RenderedReport): Promise<boolean> {
  return appendStepSummary(
    ctx.actions.stepSummaryPath,
    `${report.markdown.trim()}\n\n${contextLine(kind, report.environment, ctx.actions)}`,
  );
}

/** Job summary + one sticky PR comment per environment (`<!-- kac:plan:<env> -->`). */
export async function publishPlan(ctx: PublishContext, report: RenderedReport): Promise<PublishedResult> {
  const summaryWritten = await writeSummary('plan', ctx, report);
  const pullRequest = readPullRequestEvent(ctx.actions, ctx.readEvent);
  if (!pullRequest) return { summaryWritten, skipped: 'not a pull_request event' };
  if (pullRequest.fromFork) return { summaryWritten, skipped: 'pull request from a fork: no token to comment with' };
  const octokit = client(ctx);
  if (!octokit) return { summaryWritten, skipped: 'GITHUB_TOKEN or GITHUB_REPOSITORY not set' };
  const marker = commentMarker('plan', report.environment);
  const comment = await upsertStickyComment(
    octokit,
    { owner: ctx.actions.owner!, repo: ctx.actions.repo!, issueNumber: pullRequest.number },
    marker,
    compose('plan', report, ctx.actions),
  );
  ctx.logger.info(`plan comment ${comment.action} on #${pullRequest.number}: ${comment.url}`);
  return { summaryWritten, comment: { ...comment, pullRequest: pullRequest.number } };
}

/** Job summary + a sticky comment (`<!-- kac:apply:<env> -->`) on the PR merged as GITHUB_SHA. */
export async function publishApply(ctx: PublishContext, report: RenderedReport): Promise<PublishedResult> {
  const summaryWritten = await writeSummary('apply', ctx, report);
  const octokit = client(ctx);
  if (!octokit) return { summaryWritten, skipped: 'GITHUB_TOKEN or GITHUB_REPOSITORY not set' };
  if (!ctx.actions.sha) return { summaryWritten, skipped: 'GITHUB_SHA not set' };
  const repo = { owner: ctx.actions.owner!, repo: ctx.actions.repo! };
  const merged = await findMergedPullRequest(octokit, repo, ctx.actions.sha);
  if (!merged)
    return { summaryWritten, skipped: `no merged pull request for ${ctx.actions.sha.slice(0, 7)} (a direct push)` };
  const marker = commentMarker('apply', report.environment);
  const comment = await upsertStickyComment(
    octokit,
    { ...repo, issueNumber: merged.number },
    marker,
    compose('apply', report, ctx.actions),
  );
  ctx.logger.info(`apply result ${comment.action} on #${merged.number}: ${comment.url}`);
  return { summaryWritten, comment: { ...comment, pullRequest: merged.number } };
}
