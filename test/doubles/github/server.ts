/**
 * A local GitHub REST double on 127.0.0.1: the issue, comment and commit→PR endpoints kac uses, with
 * GitHub's shapes, Link-header pagination and request recording, plus fault injection (a 403 secondary
 * rate limit with `retry-after`, 5xx) so tests exercise octokit's throttling and retry for real.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { githubRoutes, type Route } from './routes.js';
import { createGitHubState, type GitHubState } from './state.js';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  authorization: string | undefined;
  status: number;
}

export interface Fault {
  status: number;
  /** Only requests whose `METHOD path` matches; default: any request. */
  match?: RegExp;
  /** For 403: GitHub's secondary-rate-limit message and this `retry-after` (seconds). */
  secondaryRateLimit?: { retryAfter: number };
}

export interface GitHubDouble {
  /** `http://127.0.0.1:<port>`: pass as GITHUB_API_URL. */
  readonly url: string;
  readonly state: GitHubState;
  readonly requests: RecordedRequest[];
  /** The next matching request fails with `fault` (queue several to fail several in a row). */
  injectFault(fault: Fault): void;
  close(): Promise<void>;
}

export interface GitHubDoubleOptions {
  /** Requests must carry this token (`token X` or `Bearer X`); otherwise 401. */
  token: string;
  /** Page size cap, like GitHub's 100; smaller values make pagination easy to test. */
  maxPerPage?: number;
}

export async function startGitHubDouble(options: GitHubDoubleOptions): Promise<GitHubDouble> {
  const state = createGitHubState();
  const requests: RecordedRequest[] = [];
  const faults: Fault[] = [];
  const maxPerPage = options.maxPerPage ?? 100;
  let baseUrl = '';

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      send(res, 500, { message: `double crashed: ${String(error)}` });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', baseUrl);
    const raw = await readBody(req);
    const body = raw === '' ? undefined : (JSON.parse(raw) as unknown);
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body,
      authorization: req.headers.authorization,
      status: 0,
    };
    requests.push(record);
    const reply = (status: number, data: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      send(res, status, data, headers);
    };

    const auth = req.headers.authorization ?? '';
    if (auth !== `token ${options.token}` && auth !== `Bearer ${options.token}` && auth !== `bearer ${options.token}`) {
      return reply(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
    }
    const faultIndex = faults.findIndex((f) => !f.match || f.match.test(`${record.method} ${record.path}`));
    if (faultIndex >= 0) {
      const [fault] = faults.splice(faultIndex, 1);
      if (fault!.secondaryRateLimit) {
        return reply(
          403,
          {
            message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
            documentation_url:
              'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
          },
          { 'retry-after': String(fault!.secondaryRateLimit.retryAfter) },
        );
      }
      return reply(fault!.status, { message: 'Server Error' });
    }

    for (const route of githubRoutes) {
      const match = route.pattern.exec(`${record.method} ${record.path}`);
      if (!match) continue;
      const result = route.handle({ state, params: match.groups ?? {}, query: url.searchParams, body, baseUrl });
      if (result.page) {
        const { items, headers } = paginate(result.page, url, maxPerPage);
        return reply(result.status ?? 200, items, headers);
      }
      return reply(result.status ?? 200, result.data);
    }
    reply(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: baseUrl,
    state,
    requests,
    injectFault: (fault) => void faults.push(fault),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** GitHub's page/per_page pagination with an RFC 8288 Link header (rel next/last/prev/first). */
function paginate(all: unknown[], url: URL, maxPerPage: number): { items: unknown[]; headers: Record<string, string> } {
  const perPage = Math.min(maxPerPage, Math.max(1, Number(url.searchParams.get('per_page') ?? 30)));
  const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
  const last = Math.max(1, Math.ceil(all.length / perPage));
  const link = (p: number, rel: string) => {
    const u = new URL(url);
    u.searchParams.set('page', String(p));
    u.searchParams.set('per_page', String(perPage));
    return `<${u.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
  if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'));
  return {
    items: all.slice((page - 1) * perPage, page * perPage),
    headers: links.length > 0 ? { link: links.join(', ') } : {},
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (data += chunk));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, data: unknown, headers: Record<string, string> = {}): void {
  const text = data === undefined ? '' : JSON.stringify(data);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
    'x-github-request-id': 'DOUBLE',
    ...headers,
  });
  res.end(text);
}

export type { Route };
