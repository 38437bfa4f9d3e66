/**
 * The GitHub double's git data and pull request endpoints (what `kac drift --adopt --github` uses):
 * refs, blobs, trees (flat path → blob maps; `sha: null` deletes), commits, and pulls list/create/
 * update. Object shas are content hashes, so the same tree always has the same sha, as in git.
 */
import { createHash } from 'node:crypto';
import type { Route, RouteContext, RouteResult } from './routes.js';
import type { GitHubState, IssueRecord, RepoState } from './state.js';

export interface GitRepo {
  blobs: Map<string, string>;
  /** Tree sha → path → blob sha. */
  trees: Map<string, Map<string, string>>;
  commits: Map<string, { tree: string; parents: string[]; message: string }>;
  /** `heads/main` → commit sha. */
  refs: Map<string, string>;
}

const repos = new WeakMap<RepoState, GitRepo>();

export function gitOf(repo: RepoState): GitRepo {
  let git = repos.get(repo);
  if (!git) repos.set(repo, (git = { blobs: new Map(), trees: new Map(), commits: new Map(), refs: new Map() }));
  return git;
}

const sha = (kind: string, text: string) => createHash('sha1').update(`${kind}\0${text}`).digest('hex');

function putTree(git: GitRepo, entries: Map<string, string>): string {
  const id = sha('tree', JSON.stringify([...entries].sort()));
  git.trees.set(id, entries);
  return id;
}

function putCommit(git: GitRepo, tree: string, parents: string[], message: string): string {
  const id = sha('commit', JSON.stringify({ tree, parents, message, n: git.commits.size }));
  git.commits.set(id, { tree, parents, message });
  return id;
}

/** Seeds `branch` with one commit holding `files`. */
export function seedBranch(
  state: GitHubState,
  fullName: string,
  branch: string,
  files: Record<string, string>,
): string {
  const git = gitOf(state.repo(fullName));
  const entries = new Map<string, string>();
  for (const [path, content] of Object.entries(files)) {
    const blob = sha('blob', content);
    git.blobs.set(blob, content);
    entries.set(path, blob);
  }
  const commit = putCommit(git, putTree(git, entries), [], 'seed');
  git.refs.set(`heads/${branch}`, commit);
  return commit;
}

/** The files at the tip of `branch`, for assertions; undefined when the branch does not exist. */
export function filesAt(state: GitHubState, fullName: string, branch: string): Record<string, string> | undefined {
  const git = gitOf(state.repo(fullName));
  const commit = git.commits.get(git.refs.get(`heads/${branch}`) ?? '');
  if (!commit) return undefined;
  return Object.fromEntries([...git.trees.get(commit.tree)!].map(([path, blob]) => [path, git.blobs.get(blob)!]));
}

const REPO = '/repos/(?<owner>[^/]+)/(?<repo>[^/]+)';
const repoOf = (ctx: RouteContext) => ctx.state.repo(`${ctx.params.owner}/${ctx.params.repo}`);
const body = (ctx: RouteContext) =>
  typeof ctx.body === 'object' && ctx.body !== null ? (ctx.body as Record<string, any>) : {};
/** Octokit may send `heads%2Fkac%2Fadopt-local`: the ref, decoded. */
const refParam = (ctx: RouteContext) => decodeURIComponent(ctx.params.ref!);
const notFound: RouteResult = {
  status: 404,
  data: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' },
};
const invalid = (message: string): RouteResult => ({
  status: 422,
  data: { message, documentation_url: 'https://docs.github.com/rest' },
});

function refJson(ctx: RouteContext, ref: string, commit: string) {
  return {
    ref: `refs/${ref}`,
    url: `${ctx.baseUrl}/repos/${repoOf(ctx).fullName}/git/refs/${ref}`,
    object: { sha: commit, type: 'commit' },
  };
}

function pullJson(ctx: RouteContext, repo: RepoState, pr: IssueRecord) {
  return {
    id: 900_000 + pr.number,
    number: pr.number,
    state: pr.state,
    title: pr.title,
    body: pr.body,
    html_url: `https://github.test/${repo.fullName}/pull/${pr.number}`,
    merged_at: pr.pull!.merged_at,
    head: {
      ref: pr.pull!.head_ref,
      sha: pr.pull!.head_sha,
      label: `${repo.fullName.split('/')[0]}:${pr.pull!.head_ref}`,
    },
    base: { ref: pr.pull!.base_ref },
    created_at: pr.created_at,
    updated_at: pr.updated_at,
  };
}

export const gitRoutes: Route[] = [
  {
    pattern: new RegExp(`^GET ${REPO}/git/ref/(?<ref>heads(?:/|%2F).+)$`),
    handle(ctx) {
      const commit = gitOf(repoOf(ctx)).refs.get(refParam(ctx));
      return commit ? { data: refJson(ctx, refParam(ctx), commit) } : notFound;
    },
  },
  {
    pattern: new RegExp(`^POST ${REPO}/git/refs$`),
    handle(ctx) {
      const git = gitOf(repoOf(ctx));
      const { ref, sha: commit } = body(ctx);
      const name = String(ref).replace(/^refs\//, '');
      if (git.refs.has(name)) return invalid('Reference already exists');
      if (!git.commits.has(commit)) return invalid('Object does not exist');
      git.refs.set(name, commit);
      return { status: 201, data: refJson(ctx, name, commit) };
    },
  },
  {
    pattern: new RegExp(`^PATCH ${REPO}/git/refs/(?<ref>heads(?:/|%2F).+)$`),
    handle(ctx) {
      const git = gitOf(repoOf(ctx));
      const { sha: commit, force } = body(ctx);
      const current = git.refs.get(refParam(ctx));
      if (!current) return invalid('Reference does not exist');
      if (!git.commits.has(commit)) return invalid('Object does not exist');
      if (!force && !git.commits.get(commit)!.parents.includes(current)) return invalid('Update is not a fast forward');
      git.refs.set(refParam(ctx), commit);
      return { data: refJson(ctx, refParam(ctx), commit) };
    },
  },
  {
    pattern: new RegExp(`^GET ${REPO}/git/commits/(?<sha>[0-9a-f]{40})$`),
    handle(ctx) {
      const commit = gitOf(repoOf(ctx)).commits.get(ctx.params.sha!);
      if (!commit) return notFound;
      return {
        data: {
          sha: ctx.params.sha,
          message: commit.message,
          tree: { sha: commit.tree },
          parents: commit.parents.map((p) => ({ sha: p })),
        },
      };
    },
  },
  {
    pattern: new RegExp(`^POST ${REPO}/git/blobs$`),
    handle(ctx) {
      const { content, encoding } = body(ctx);
      const text = encoding === 'base64' ? Buffer.from(String(content), 'base64').toString('utf8') : String(content);
      const id = sha('blob', text);
      gitOf(repoOf(ctx)).blobs.set(id, text);
      return { status: 201, data: { sha: id } };
    },
  },
  {
    pattern: new RegExp(`^POST ${REPO}/git/trees$`),
    handle(ctx) {
      const git = gitOf(repoOf(ctx));
      const { base_tree, tree } = body(ctx);
      const entries = new Map(base_tree ? (git.trees.get(base_tree) ?? []) : []);
      for (const e of (tree ?? []) as { path: string; sha?: string | null; content?: string }[]) {
        if (e.content !== undefined) {
          const id = sha('blob', e.content);
          git.blobs.set(id, e.content);
          entries.set(e.path, id);
        } else if (e.sha === null) entries.delete(e.path);
        else if (e.sha && git.blobs.has(e.sha)) entries.set(e.path, e.sha);
        else return invalid(`tree.sha ${e.sha} is not a valid blob`);
      }
      return { status: 201, data: { sha: putTree(git, entries) } };
    },
  },
  {
    pattern: new RegExp(`^POST ${REPO}/git/commits$`),
    handle(ctx) {
      const git = gitOf(repoOf(ctx));
      const { message, tree, parents } = body(ctx);
      if (!git.trees.has(tree)) return invalid('Tree does not exist');
      const id = putCommit(git, tree, parents ?? [], String(message));
      return {
        status: 201,
        data: { sha: id, tree: { sha: tree }, parents: (parents ?? []).map((p: string) => ({ sha: p })) },
      };
    },
  },
  {
    pattern: new RegExp(`^GET ${REPO}/pulls$`),
    handle(ctx) {
      const repo = repoOf(ctx);
      const head = ctx.query.get('head');
      const state = ctx.query.get('state') ?? 'open';
      const pulls = [...repo.issues.values()].filter(
        (i) =>
          i.pull &&
          (state === 'all' || i.state === state) &&
          (!head || `${repo.fullName.split('/')[0]}:${i.pull.head_ref}` === head),
      );
      return { page: pulls.map((p) => pullJson(ctx, repo, p)) };
    },
  },
  {
    pattern: new RegExp(`^POST ${REPO}/pulls$`),
    handle(ctx) {
      const repo = repoOf(ctx);
      const { title, head, base, body: text } = body(ctx);
      const git = gitOf(repo);
      const headSha = git.refs.get(`heads/${head}`);
      if (!headSha || !git.refs.has(`heads/${base}`)) return invalid('Validation Failed: head or base does not exist');
      const pr = ctx.state.addPullRequest(repo.fullName, { title: String(title), headSha, headRef: String(head) });
      pr.body = String(text ?? '');
      pr.pull!.base_ref = String(base);
      return { status: 201, data: pullJson(ctx, repo, pr) };
    },
  },
  {
    pattern: new RegExp(`^PATCH ${REPO}/pulls/(?<number>\\d+)$`),
    handle(ctx) {
      const repo = repoOf(ctx);
      const pr = repo.issues.get(Number(ctx.params.number));
      if (!pr?.pull) return notFound;
      const { title, body: text, state } = body(ctx);
      if (title !== undefined) pr.title = String(title);
      if (text !== undefined) pr.body = String(text);
      if (state === 'closed' || state === 'open') pr.state = state;
      pr.pull.head_sha = gitOf(repo).refs.get(`heads/${pr.pull.head_ref}`) ?? pr.pull.head_sha;
      pr.updated_at = ctx.state.now();
      return { data: pullJson(ctx, repo, pr) };
    },
  },
];
