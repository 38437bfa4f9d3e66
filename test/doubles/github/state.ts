/**
 * The GitHub double's in-memory repositories: issues and pull requests share one number sequence,
 * comments one id sequence, as on GitHub. Tests seed pull requests and read state back directly.
 */

export interface IssueRecord {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  state_reason: 'completed' | 'not_planned' | 'reopened' | null;
  labels: string[];
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  /** Present for pull requests. */
  pull?: {
    merged_at: string | null;
    merge_commit_sha: string | null;
    head_sha: string;
    head_ref: string;
    base_ref: string;
  };
}

export interface CommentRecord {
  id: number;
  issue_number: number;
  body: string;
  created_at: string;
  updated_at: string;
  user: string;
}

export interface RepoState {
  fullName: string;
  issues: Map<number, IssueRecord>;
  comments: Map<number, CommentRecord>;
}

export interface GitHubState {
  repo(fullName: string): RepoState;
  /** Seeds a pull request (open, or merged with `mergeCommitSha`). */
  addPullRequest(
    fullName: string,
    pr: { title?: string; headSha: string; headRef?: string; mergeCommitSha?: string },
  ): IssueRecord;
  /** Seeds an issue or PR comment written by someone else. */
  addComment(fullName: string, issueNumber: number, body: string, user?: string): CommentRecord;
  nextIssueNumber(): number;
  nextCommentId(): number;
  now(): string;
}

export function createGitHubState(): GitHubState {
  const repos = new Map<string, RepoState>();
  let issueNumber = 0;
  let commentId = 1000;
  let clock = Date.parse('2025-01-01T00:00:00Z');
  const state: GitHubState = {
    repo(fullName) {
      let repo = repos.get(fullName);
      if (!repo) repos.set(fullName, (repo = { fullName, issues: new Map(), comments: new Map() }));
      return repo;
    },
    nextIssueNumber: () => ++issueNumber,
    nextCommentId: () => ++commentId,
    // A deterministic clock that always moves forward, so created/updated times order events.
    now: () => new Date((clock += 1000)).toISOString(),
    addPullRequest(fullName, pr) {
      const now = state.now();
      const record: IssueRecord = {
        number: state.nextIssueNumber(),
        title: pr.title ?? `PR ${pr.headRef ?? pr.headSha.slice(0, 7)}`,
        body: '',
        state: pr.mergeCommitSha ? 'closed' : 'open',
        state_reason: null,
        labels: [],
        created_at: now,
        updated_at: now,
        closed_at: pr.mergeCommitSha ? now : null,
        pull: {
          merged_at: pr.mergeCommitSha ? now : null,
          merge_commit_sha: pr.mergeCommitSha ?? null,
          head_sha: pr.headSha,
          head_ref: pr.headRef ?? 'feature',
          base_ref: 'main',
        },
      };
      state.repo(fullName).issues.set(record.number, record);
      return record;
    },
    addComment(fullName, issue, body, user = 'someone') {
      const now = state.now();
      const record: CommentRecord = {
        id: state.nextCommentId(),
        issue_number: issue,
        body,
        created_at: now,
        updated_at: now,
        user,
      };
      state.repo(fullName).comments.set(record.id, record);
      return record;
    },
  };
  return state;
}
