/**
 * The local Kustomer org: an HTTP server on 127.0.0.1 speaking the Kustomer endpoints kac uses, with
 * auth, the org-wide rate budget, fault injection and persisted state. `kac emulator` runs it alone;
 * `--env local` starts it in-process. The same client code talks to it and to a real org.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { WorkflowEngine, type WorkflowRunner } from '../runtime/engine.js';
import { FaultInjector, type FaultOptions } from './faults.js';
import { errorBody, type ApiRequest } from './http.js';
import { readBody } from './read-body.js';
import { RateLimiter, rateLimitHeaders, type RateLimitState } from './rate-limit.js';
import { allRoutes, findRoute, respond, routeParams } from './routes.js';
import { acquireStateLock, type HeldLock } from './state-lock.js';
import type { StoredRun } from '../store/state.js';
import { LocalStore } from '../store/store.js';

import { DEFAULT_RATE_LIMIT_PER_MINUTE, DEFAULT_STATE_DIR } from '../defaults.js';

export { DEFAULT_RATE_LIMIT_PER_MINUTE, DEFAULT_STATE_DIR };
const DEFAULT_BODY_LIMIT = 5 * 1024 * 1024;

export interface LocalOrgFaults extends FaultOptions {
  rateLimitPerMinute?: number;
  /** The budget's window; 60 s in Kustomer, shorter in tests. */
  rateLimitWindowMs?: number;
}

export interface LocalOrgOptions {
  /** Default 0: any free port. */
  port?: number;
  /** Default: the token saved in the state, else a new random one. */
  token?: string;
  /** Default `.kac/local`; `null` keeps the org in memory only (tests). */
  stateDir?: string | null;
  /** Start from an empty org, deleting the saved state. */
  reset?: boolean;
  rateLimitPerMinute?: number;
  rateLimitWindowMs?: number;
  faults?: FaultOptions;
  /** Seed of the fault generator (also settable in `faults`). */
  seed?: number;
  now?: () => Date;
  /** The fetch `kustomer.rest-api.json` steps use; defaults to the global fetch. */
  workflowFetch?: typeof fetch;
  /** Replaces the workflow runtime (tests of the hook plumbing). */
  runWorkflow?: WorkflowRunner;
  /** How often due scheduled workflow calls are run, by the org's clock (`now`). Default 1000 ms; 0: never (tests call `runDueSchedules`). */
  schedulerIntervalMs?: number;
  /** Accept a second workflow with a name already used (a real org where duplicates exist); default false. */
  allowDuplicateWorkflowNames?: boolean;
  /** Told about things worth a line on stderr (a stale state lock taken over). */
  onNotice?: (message: string) => void;
}

export interface RequestRecord {
  method: string;
  path: string;
  status: number;
  /** Set when the response was replaced by a fault after the handler ran (its change happened). */
  fault?: 'fail-after' | 'drop-after' | 'fail-before' | 'drop-before' | 'storm429';
}

export interface LocalOrg {
  baseUrl: string;
  token: string;
  orgId: string;
  close(): Promise<void>;
  setFaults(faults: LocalOrgFaults): void;
  reset(): Promise<void>;
  /** Read access for tests and the runs command; change state only through HTTP. */
  readonly store: LocalStore;
  /** Every API request answered (or dropped), oldest first. */
  readonly requests: RequestRecord[];
  runs(): StoredRun[];
  readonly engine: WorkflowEngine;
  /** Runs the scheduled workflow calls due by the org's clock; returns how many ran. */
  runDueSchedules(): Promise<number>;
}

/**
 * Starts the org. With a state directory, this process becomes its one owner: it takes the state lock
 * first (state-lock.ts; a StateLockedError names a live holder) and gives it back on close.
 */
export async function startLocalOrg(options: LocalOrgOptions = {}): Promise<LocalOrg> {
  const stateDir = options.stateDir === undefined ? DEFAULT_STATE_DIR : options.stateDir;
  const lock: HeldLock | undefined =
    stateDir === null
      ? undefined
      : await acquireStateLock(stateDir, options.onNotice ? { onNotice: options.onNotice } : {});
  let store: LocalStore;
  try {
    store = await LocalStore.open({
      stateDir,
      ...(options.token !== undefined ? { token: options.token } : {}),
      ...(options.now ? { now: options.now } : {}),
      ...(options.reset ? { reset: true } : {}),
    });
  } catch (error) {
    await lock?.release();
    throw error;
  }
  const windowMs = options.rateLimitWindowMs ?? 60_000;
  const perMinute = options.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE;
  const apiBudget = new RateLimiter(perMinute, windowMs);
  const hookBudget = new RateLimiter(perMinute, windowMs);
  const faults = new FaultInjector({ seed: options.seed ?? 1, ...options.faults });
  if (options.allowDuplicateWorkflowNames) store.allowDuplicateWorkflowNames = true;
  const engine = new WorkflowEngine(store, {
    ...(options.runWorkflow ? { run: options.runWorkflow } : {}),
    ...(options.workflowFetch ? { fetch: options.workflowFetch } : {}),
  });
  const routes = allRoutes();
  const requests: RequestRecord[] = [];
  let baseUrl = '';

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        send(res, 500, errorBody(500, `emulator bug: ${error instanceof Error ? error.message : String(error)}`));
    });
  });

  function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, { ...headers, ...(text ? { 'content-type': 'application/json; charset=utf-8' } : {}) });
    res.end(text);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', baseUrl);
    const method = req.method ?? 'GET';
    const record = (status: number, fault?: RequestRecord['fault']) => {
      requests.push({ method, path: url.pathname + url.search, status, ...(fault ? { fault } : {}) });
      if (requests.length > 20_000) requests.splice(0, requests.length - 20_000);
    };
    const found = findRoute(routes, method, url.pathname);
    if (!('route' in found)) {
      req.resume();
      const status = found.status;
      record(status);
      return send(res, status, errorBody(status, `${method} ${url.pathname} is not an endpoint of this org`));
    }
    const route = found.route;
    if ((route.auth ?? 'token') === 'token' && req.headers.authorization !== `Bearer ${store.state.token}`) {
      req.resume();
      record(401);
      return send(
        res,
        401,
        errorBody(401, 'a valid API token is required (Authorization: Bearer <token>)', 'unauthorized'),
      );
    }
    const withFaults = route.faults !== false;
    if (withFaults && faults.latencyMs > 0) await sleep(faults.latencyMs);
    const decision = withFaults ? faults.decide() : { kind: 'none' as const };
    const budget = route.budget === 'none' ? undefined : route.budget === 'hooks' ? hookBudget : apiBudget;
    let limit: RateLimitState | undefined;
    if (decision.kind === 'storm429' && budget) {
      req.resume();
      record(429, 'storm429');
      return send(
        res,
        429,
        errorBody(429, 'rate limit exceeded', 'rate_limited'),
        rateLimitHeaders({ ...budget.peek(), remaining: 0 }),
      );
    }
    if (budget) {
      const taken = budget.take();
      limit = taken;
      if (!taken.allowed) {
        req.resume();
        record(429);
        return send(res, 429, errorBody(429, 'rate limit exceeded', 'rate_limited'), rateLimitHeaders(taken));
      }
    }
    const headers = limit ? rateLimitHeaders(limit) : {};
    const body = await readBody(req, route.bodyLimit ?? DEFAULT_BODY_LIMIT);
    if (body.kind === 'too-large') {
      record(413);
      return send(
        res,
        413,
        errorBody(413, `the body is larger than ${route.bodyLimit ?? DEFAULT_BODY_LIMIT} bytes`, 'payload_too_large'),
        headers,
      );
    }
    if (body.kind === 'invalid') {
      record(400);
      return send(res, 400, errorBody(400, body.message, 'invalid_body'), headers);
    }
    if (decision.kind === 'drop' && decision.when === 'before') {
      record(0, 'drop-before');
      return void req.socket.destroy();
    }
    if (decision.kind === 'fail' && decision.when === 'before') {
      record(503, 'fail-before');
      return send(res, 503, errorBody(500, 'injected failure'), headers);
    }
    const apiRequest: ApiRequest = {
      method,
      params: routeParams(route, url.pathname),
      pathname: url.pathname,
      query: url.searchParams,
      body: body.value,
      headers: req.headers,
      baseUrl,
      store,
      engine,
    };
    const response = await respond(route, apiRequest);
    await store.flush();
    if (decision.kind === 'drop') {
      record(0, 'drop-after');
      return void req.socket.destroy();
    }
    if (decision.kind === 'fail') {
      record(500, 'fail-after');
      return send(res, 500, errorBody(500, 'injected failure'), headers);
    }
    record(response.status);
    send(res, response.status, response.body, { ...headers, ...response.headers });
  }

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
  } catch (error) {
    await lock?.release();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;
  await lock?.listening(port, baseUrl);

  // Scheduled calls become due as the org's clock moves; a test with a fake clock calls runDueSchedules.
  let scheduling: Promise<unknown> = Promise.resolve();
  const runDueSchedules = async () => {
    const ran = await engine.runDueSchedules();
    await store.flush();
    return ran;
  };
  const schedulerMs = options.schedulerIntervalMs ?? 1000;
  const timer =
    schedulerMs > 0
      ? setInterval(() => void (scheduling = scheduling.then(runDueSchedules).catch(() => undefined)), schedulerMs)
      : undefined;
  timer?.unref();

  return {
    baseUrl,
    get token() {
      return store.state.token;
    },
    get orgId() {
      return store.state.orgId;
    },
    store,
    engine,
    requests,
    runs: () => store.state.runs,
    runDueSchedules,
    setFaults(next) {
      if (next.rateLimitPerMinute !== undefined) apiBudget.limit = hookBudget.limit = next.rateLimitPerMinute;
      if (next.rateLimitWindowMs !== undefined) apiBudget.windowMs = hookBudget.windowMs = next.rateLimitWindowMs;
      const { rateLimitPerMinute: _r, rateLimitWindowMs: _w, ...rest } = next;
      faults.set({ seed: options.seed ?? 1, ...rest });
    },
    reset: () => store.reset(),
    async close() {
      if (timer) clearInterval(timer);
      await scheduling;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await store.flush();
      await lock?.release();
    },
  };
}
