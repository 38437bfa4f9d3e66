/** Shared setup for the GitHub tests: a double, a client aimed at it, and an Actions environment. */
import Bottleneck from 'bottleneck';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readActionsEnv, type ActionsEnv } from '../../../sync/github/actions-env.js';
import { createGitHubClient, type GitHubClient } from '../../../sync/github/client.js';
import { memoryLogger } from '../../../sync/logger.js';
import { startGitHubDouble, type GitHubDouble } from '../../doubles/github/server.js';

export const TOKEN = 'ghs_testtoken0123456789abcdef';
export const REPO = { owner: 'acme', repo: 'kustomer-config' };

/** Real retries and throttling, with waits shrunk to milliseconds (GitHub's spacing is 1-3 s per write). */
export const FAST = {
  retryUnitMs: 5,
  throttleGroups: {
    write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
    notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
  },
};

export async function setup(options: { maxPerPage?: number } = {}): Promise<{
  double: GitHubDouble;
  octokit: GitHubClient;
  logger: ReturnType<typeof memoryLogger>;
}> {
  const double = await startGitHubDouble({ token: TOKEN, maxPerPage: options.maxPerPage });
  const logger = memoryLogger();
  const octokit = createGitHubClient({ token: TOKEN, baseUrl: double.url, logger, ...FAST });
  return { double, octokit, logger };
}

/** An Actions environment as GitHub sets it, with the event payload written to a temp file. */
export function actionsEnv(
  double: GitHubDouble,
  over: { event?: unknown; eventName?: string; token?: string | null; sha?: string } = {},
): ActionsEnv & { dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kac-gh-'));
  const eventPath = join(dir, 'event.json');
  writeFileSync(eventPath, JSON.stringify(over.event ?? {}));
  const summary = join(dir, 'summary.md');
  writeFileSync(summary, '');
  const env: NodeJS.ProcessEnv = {
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: `${REPO.owner}/${REPO.repo}`,
    GITHUB_EVENT_NAME: over.eventName ?? 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SHA: over.sha ?? 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
    GITHUB_API_URL: double.url,
    GITHUB_SERVER_URL: 'https://github.test',
    GITHUB_RUN_ID: '4242',
    GITHUB_STEP_SUMMARY: summary,
  };
  if (over.token !== null) env.GITHUB_TOKEN = over.token ?? TOKEN;
  return { ...readActionsEnv(env), dir };
}

export function pullRequestEvent(number: number, fork = false): unknown {
  return {
    number,
    pull_request: {
      number,
      head: { repo: { full_name: fork ? 'stranger/kustomer-config' : `${REPO.owner}/${REPO.repo}` } },
      base: { repo: { full_name: `${REPO.owner}/${REPO.repo}` } },
    },
  };
}
