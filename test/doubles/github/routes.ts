/**
 * The GitHub double's endpoints, GitHub-shaped: issues (list by labels/state, create, update/close),
 * issue comments (list paginated, create, update) and commits/{sha}/pulls. Bodies over GitHub's
 * 65,536-character limit are refused with GitHub's 422, so a test proves kac stays under it.
 */
import type { CommentRecord, GitHubState, IssueRecord, RepoState } from './state.js';
import { gitRoutes } from './git.js';

export interface RouteContext {
  state: GitHubState;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  baseUrl: string;
}

export interface RouteResult {
  status?: number;
  data?: unknown;
  /** The full list; the server pages it and sets the Link header. */
  page?: unknown[];
}

export interface Route {
  pattern: RegExp;
  handle(ctx: RouteContext): RouteResult;
}

export const GITHUB_BODY_LIMIT = 65_536;
const REPO = '/repos/(?<owner>[^/]+)/(?<repo>[^/]+)';

const repoOf = (ctx: RouteContext): RepoState => ctx.state.repo(`${ctx.params.owner}/${ctx.params.repo}`);
const fields = (ctx: RouteContext): Record<string, unknown> =>
  typeof ctx.body === 'object' && ctx.body !== null ? (ctx.body as Record<string, unknown>) : {};

function tooLong(body: unknown, resource: string): RouteResult | undefined {
  if (typeof body === 'string' && body.length > GITHUB_BODY_LIMIT) {
    return {
      status: 422,
      data: {
        message: 'Validation Failed',
        errors: [
          {
            resource,
            code: 'custom',
            field: 'body',
            message: `body is too long (maximum is ${GITHUB_BODY_LIMIT} characters)`,
          },
        ],
        documentation_url: 'https://docs.github.com/rest',
      },
    };
  }
  return undefined;
}

function issueJson(ctx: RouteContext, repo: RepoState, issue: IssueRecord): unknown {
  const api = `${ctx.baseUrl}/repos/${repo.fullName}`;
  const comments = [...repo.comments.values()].filter((c) => c.issue_number === issue.number).length;
  return {
    id: 500_000 + issue.number,
    node_id: `I_${issue.number}`,
    number: issue.number,
    url: `${api}/issues/${issue.number}`,
    html_url: `https://github.test/${repo.fullName}/${issue.pull ? 'pull' : 'issues'}/${issue.number}`,
    title: issue.title,
    body: issue.body,
    state: issue.state,
    state_reason: issue.state_reason,
    labels: issue.labels.map((name, i) => ({ id: i + 1, name, color: 'ededed', default: false })),
    comments,
    user: { login: 'github-actions[bot]', type: 'Bot' },
    created_at: issue.created_at,
    updated_at: issue.updated_at,
    closed_at: issue.closed_at,
    ...(issue.pull ? { pull_request: { url: `${api}/pulls/${issue.number}`, merged_at: issue.pull.merged_at } } : {}),
  };
}

function commentJson(ctx: RouteContext, repo: RepoState, c: CommentRecord): unknown {
  const issue = repo.issues.get(c.issue_number);
  return {
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${ctx.baseUrl}/repos/${repo.fullName}/issues/comments/${c.id}`,
    html_url: `https://github.test/${repo.fullName}/${issue?.pull ? 'pull' : 'issues'}/${c.issue_number}#issuecomment-${c.id}`,
    issue_url: `${ctx.baseUrl}/repos/${repo.fullName}/issues/${c.issue_number}`,
    body: c.body,
    user: { login: c.user, type: c.user.endsWith('[bot]') ? 'Bot' : 'User' },
    created_at: c.created_at,
    updated_at: c.updated_at,
  };
}

const notFound: RouteResult = {
  status: 404,
  data: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' },
};

export const githubRoutes: Route[] = [
  {
    pattern: new RegExp(`^GET ${REPO}/issues/(?<number>\\d+)/comments$`),
    handle(ctx) {
      const repo = repoOf(ctx);
      const number = Number(ctx.params.number);
      if (!repo.issues.has(number)) return notFound;
      const list = [...repo.comments.values()].filter((c) => c.issue_number === number).sort((a, b) => a.id - b.id);
      return { page: list.map((c) => commentJson(ctx, repo, c)) };
    },
  },
  {
    pattern: new RegExp(`^POST ${REPO}/issues/(?<number>\\d+)/comments$`),
    handle(ctx) {
      const repo = repoOf(ctx);
      const number = Number(ctx.params.number);
      if (!repo.issues.has(number)) return notFound;
      const body = fields(ctx).body;
      if (typeof body !== 'string')
        return { status: 422, data: { message: 'Invalid request. "body" wasn\'t supplied.' } };
      const refused = tooLong(body, 'IssueComment');
      if (refused) return refused;
      const comment = ctx.state.addComment(repo.fullName, number, body, 'github-actions[bot]');
      return { status: 201, data: commentJson(ctx, repo, comment) };
    },
  },
  {
    pattern: new RegExp(`^PATCH ${REPO}/issues/comments/(?<id>\\d+)$`),
    handle(ctx) {
      const repo = repoOf(ctx);
      const comment = repo.comments.get(Number(ctx.params.id));
      if (!comment) return notFound;
      const body = fields(ctx).body;
      if (typeof body !== 'string')
        return { status: 422, data: { message: 'Invalid request. "body" wasn\'t supplied.' } };
      const refused = tooLong(body, 'IssueComment');
      if (refused) return refused;
      comment.body = body;
      comment.updated_at = ctx.state.now();
      return { data: commentJson(ctx, repo, comment) };
    },
  },
  {
    pattern: new RegExp(`^GET ${REPO}/issues$`),
    handle(ctx) {
      const repo = repoOf(ctx);
      const wanted = (ctx.query.get('labels') ?? '')
        .split(',')
        .map((l) => l.trim())
        .filter(Boolean);
      const state = ctx.query.get('state') ?? 'open';
      const list = [...repo.issues.values()]
        .filter((i) => state === 'all' || i.state === state)
        .filter((i) => wanted.every((l) => i.labels.includes(l)))
        .sort((a, b) => b.number - a.number);
      return { page: list.map((i) => issueJson(ctx, repo, i)) };
    },
  },
  {
    pattern: new RegExp(`^POST ${REPO}/issues$`),
    handle(ctx) {
      const repo = repoOf(ctx);
      const { title, body, labels } = fields(ctx);
      if (typeof title !== 'string' || title === '')
        return {
          status: 422,
          data: { message: 'Validation Failed', errors: [{ field: 'title', code: 'missing_field' }] },
        };
      const refused = tooLong(body, 'Issue');
      if (refused) return refused;
      const now = ctx.state.now();
      const issue: IssueRecord = {
        number: ctx.state.nextIssueNumber(),
        title,
        body: typeof body === 'string' ? body : '',
        state: 'open',
        state_reason: null,
        labels: Array.isArray(labels) ? labels.map(String) : [],
        created_at: now,
        updated_at: now,
        closed_at: null,
      };
      repo.issues.set(issue.number, issue);
      return { status: 201, data: issueJson(ctx, repo, issue) };
    },
  },
  {
    pattern: new RegExp(`^PATCH ${REPO}/issues/(?<number>\\d+)$`),
    handle(ctx) {
      const repo = repoOf(ctx);
      const issue = repo.issues.get(Number(ctx.params.number));
      if (!issue) return notFound;
      const { title, body, state, state_reason, labels } = fields(ctx);
      const refused = tooLong(body, 'Issue');
      if (refused) return refused;
      if (typeof title === 'string') issue.title = title;
      if (typeof body === 'string') issue.body = body;
      if (Array.isArray(labels)) issue.labels = labels.map(String);
      if (state === 'closed' || state === 'open') {
        if (state !== issue.state) issue.closed_at = state === 'closed' ? ctx.state.now() : null;
        issue.state = state;
        issue.state_reason =
          state === 'closed' ? ((state_reason as IssueRecord['state_reason']) ?? 'completed') : 'reopened';
      }
      issue.updated_at = ctx.state.now();
      return { data: issueJson(ctx, repo, issue) };
    },
  },
  {
    pattern: new RegExp(`^GET ${REPO}/commits/(?<sha>[0-9a-f]{7,40})/pulls$`),
    handle(ctx) {
      const repo = repoOf(ctx);
      const sha = ctx.params.sha!;
      const prs = [...repo.issues.values()]
        .filter((i) => i.pull && (i.pull.merge_commit_sha === sha || i.pull.head_sha === sha))
        .map((i) => ({
          id: 900_000 + i.number,
          number: i.number,
          state: i.state,
          title: i.title,
          html_url: `https://github.test/${repo.fullName}/pull/${i.number}`,
          merged_at: i.pull!.merged_at,
          merge_commit_sha: i.pull!.merge_commit_sha,
          head: { sha: i.pull!.head_sha, ref: i.pull!.head_ref },
          base: { ref: i.pull!.base_ref },
        }));
      return { page: prs };
    },
  },
  // Git data and pulls (kac drift --adopt --github): test/doubles/github/git.ts.
  ...gitRoutes,
];
