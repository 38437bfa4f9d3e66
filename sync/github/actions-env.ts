/**
 * The GitHub Actions environment kac runs in, read from the standard variables only (nothing
 * hard-coded, so GHE and the test double work by changing GITHUB_API_URL). Registers the token for
 * redaction the moment it is read.
 */
import { readFileSync } from 'node:fs';
import { readSecret } from '../logger.js';

export interface ActionsEnv {
  token?: string;
  /** `owner/name`. */
  repository?: string;
  owner?: string;
  repo?: string;
  eventName?: string;
  eventPath?: string;
  sha?: string;
  /** REST base URL: `https://api.github.com` or the GHE/double URL from GITHUB_API_URL. */
  apiUrl: string;
  serverUrl: string;
  runId?: string;
  /** The file GitHub renders as the job summary. */
  stepSummaryPath?: string;
  /** True when running inside Actions (`GITHUB_ACTIONS=true`). */
  inActions: boolean;
}

export function readActionsEnv(env: NodeJS.ProcessEnv = process.env): ActionsEnv {
  const nonEmpty = (name: string) => (env[name] !== undefined && env[name] !== '' ? env[name] : undefined);
  const repository = nonEmpty('GITHUB_REPOSITORY');
  const [owner, repo] = repository?.includes('/') ? repository.split('/', 2) : [undefined, undefined];
  return {
    token: readSecret('GITHUB_TOKEN', env),
    repository,
    owner,
    repo,
    eventName: nonEmpty('GITHUB_EVENT_NAME'),
    eventPath: nonEmpty('GITHUB_EVENT_PATH'),
    sha: nonEmpty('GITHUB_SHA'),
    apiUrl: (nonEmpty('GITHUB_API_URL') ?? 'https://api.github.com').replace(/\/+$/, ''),
    serverUrl: (nonEmpty('GITHUB_SERVER_URL') ?? 'https://github.com').replace(/\/+$/, ''),
    runId: nonEmpty('GITHUB_RUN_ID'),
    stepSummaryPath: nonEmpty('GITHUB_STEP_SUMMARY'),
    inActions: env.GITHUB_ACTIONS === 'true',
  };
}

/** The link to this workflow run, where the full plan lives when a comment had to be truncated. */
export function runUrl(actions: ActionsEnv): string | undefined {
  if (!actions.repository || !actions.runId) return undefined;
  return `${actions.serverUrl}/${actions.repository}/actions/runs/${actions.runId}`;
}

/** The parts of a `pull_request` event payload kac reads. */
export interface PullRequestEvent {
  number: number;
  headRepo?: string;
  baseRepo?: string;
  /** True when the PR comes from a fork: GitHub gives it no secrets and a read-only token. */
  fromFork: boolean;
}

/** The pull request this run is about, from GITHUB_EVENT_PATH; undefined for other events. */
export function readPullRequestEvent(
  actions: ActionsEnv,
  read: (path: string) => string = (p) => readFileSync(p, 'utf8'),
): PullRequestEvent | undefined {
  if (!actions.eventPath || !actions.eventName?.startsWith('pull_request')) return undefined;
  const payload = JSON.parse(read(actions.eventPath)) as {
    number?: number;
    pull_request?: {
      number?: number;
      head?: { repo?: { full_name?: string } | null };
      base?: { repo?: { full_name?: string } };
    };
  };
  const pr = payload.pull_request;
  const number = pr?.number ?? payload.number;
  if (typeof number !== 'number') return undefined;
  const headRepo = pr?.head?.repo?.full_name;
  const baseRepo = pr?.base?.repo?.full_name ?? actions.repository;
  // A deleted fork has `head.repo: null`: still not this repository, so still a fork.
  return { number, headRepo, baseRepo, fromFork: headRepo !== baseRepo };
}
