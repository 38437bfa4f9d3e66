/**
 * One open drift issue per environment, labelled `kac-drift` + `env:<name>` and found by those labels
 * and its hidden marker: opened when drift appears, updated in place while it persists, closed with a
 * comment when it is gone.
 */
import { redact } from '../logger.js';
import { githubCall, type GitHubClient } from './client.js';
import { commentMarker, composeCommentBody } from './comment-body.js';
import type { RepoRef } from './comments.js';

export const DRIFT_LABEL = 'kac-drift';

export interface DriftIssueReport {
  environment: string;
  hasDrift: boolean;
  /** Issue title while drift persists, e.g. "Drift in production: 3 changes outside git". */
  title: string;
  /** Counts table: never truncated. */
  summary: string;
  /** Collapsed details; truncated with a link to the run when too long. */
  details?: string;
  runUrl?: string;
}

export interface DriftIssueResult {
  action: 'opened' | 'updated' | 'unchanged' | 'closed' | 'none';
  number?: number;
  url?: string;
}

export function driftLabels(environment: string): string[] {
  return [DRIFT_LABEL, `env:${environment}`];
}

export async function findDriftIssue(
  octokit: GitHubClient,
  repo: RepoRef,
  environment: string,
): Promise<{ number: number; title: string; body: string; url: string } | undefined> {
  const marker = commentMarker('drift', environment);
  const path = `/repos/${repo.owner}/${repo.repo}/issues`;
  return githubCall('GET', path, async () => {
    const pages = octokit.paginate.iterator(octokit.rest.issues.listForRepo, {
      owner: repo.owner,
      repo: repo.repo,
      state: 'open',
      labels: driftLabels(environment).join(','),
      per_page: 100,
    });
    for await (const page of pages) {
      const found = page.data.find((i) => !i.pull_request && (i.body ?? '').includes(marker));
      if (found) return { number: found.number, title: found.title, body: found.body ?? '', url: found.html_url };
    }
    return undefined;
  });
}

export async function syncDriftIssue(
  octokit: GitHubClient,
  repo: RepoRef,
  rawReport: DriftIssueReport,
): Promise<DriftIssueResult> {
  // The backstop: no registered secret value is ever posted, whatever the renderer let through.
  const report = {
    ...rawReport,
    title: redact(rawReport.title),
    summary: redact(rawReport.summary),
    ...(rawReport.details ? { details: redact(rawReport.details) } : {}),
  };
  const marker = commentMarker('drift', report.environment);
  const existing = await findDriftIssue(octokit, repo, report.environment);
  const base = `/repos/${repo.owner}/${repo.repo}/issues`;

  if (!report.hasDrift) {
    if (!existing) return { action: 'none' };
    const where = report.runUrl ? ` ([run](${report.runUrl}))` : '';
    await githubCall('POST', `${base}/${existing.number}/comments`, () =>
      octokit.rest.issues.createComment({
        owner: repo.owner,
        repo: repo.repo,
        issue_number: existing.number,
        body: `No drift any more: the live \`${report.environment}\` org matches the definitions on the default branch${where}. Closing.`,
      }),
    );
    await githubCall('PATCH', `${base}/${existing.number}`, () =>
      octokit.rest.issues.update({
        owner: repo.owner,
        repo: repo.repo,
        issue_number: existing.number,
        state: 'closed',
        state_reason: 'completed',
      }),
    );
    return { action: 'closed', number: existing.number, url: existing.url };
  }

  const { body } = composeCommentBody({
    marker,
    summary: report.summary,
    details: report.details,
    runUrl: report.runUrl,
  });
  if (existing) {
    if (existing.body === body && existing.title === report.title)
      return { action: 'unchanged', number: existing.number, url: existing.url };
    const { data } = await githubCall('PATCH', `${base}/${existing.number}`, () =>
      octokit.rest.issues.update({
        owner: repo.owner,
        repo: repo.repo,
        issue_number: existing.number,
        title: report.title,
        body,
      }),
    );
    return { action: 'updated', number: data.number, url: data.html_url };
  }
  const { data } = await githubCall('POST', base, () =>
    octokit.rest.issues.create({
      owner: repo.owner,
      repo: repo.repo,
      title: report.title,
      body,
      labels: driftLabels(report.environment),
    }),
  );
  return { action: 'opened', number: data.number, url: data.html_url };
}
