/**
 * A complete local Kustomer org in memory: store + workflow engine, no port, no disk. The same
 * routes answer `request()` as answer the HTTP server, so anything kac can do to a local org over
 * HTTP can be done here directly (for `kac test`, and tests).
 *
 * @example
 * const org = await createMemoryOrg({ now: () => clock });
 * await org.request('POST', '/v1/klasses', { name: 'regal-call' });
 * const hook = (await org.request('POST', '/v1/hooks/web', { name: 'regal' })).body.data;
 * await org.request('POST', '/v1/workflows', { name: 'w', enabled: true, trigger: { ... }, steps: [...] });
 * const logs = await org.postHook(hook.id, { event: 'call.completed' });
 * org.kobjects('regal-call'); org.customers(); org.runs();
 */
import type { JsonValue } from '../../compiler/json.js';
import { WorkflowEngine, type CallResult, type WorkflowRunner } from './runtime/engine.js';
import type { ConversationRecord, CustomerRecord, KObjectRecord, NoteRecord } from './runtime/host.js';
import type { WorkflowRunLog } from './runtime/types.js';
import { receiveHookPost } from './routes/hooks.js';
import { errorBody, type ApiRequest } from './server/http.js';
import { allRoutes, findRoute, respond, routeParams } from './server/routes.js';
import type { StoredRun } from './store/state.js';
import { LocalStore } from './store/store.js';

export interface MemoryOrgOptions {
  /** The org's clock (timestamps, `{{date}}`, when scheduled calls are due). Default: the system clock. */
  now?: () => Date;
  /** Default: a random token (only `request` with `auth: true` checks it). */
  token?: string;
  /** The fetch `kustomer.rest-api.json` steps use. Default: the global fetch. */
  fetch?: typeof fetch;
  /** Replaces the workflow runtime. */
  runWorkflow?: WorkflowRunner;
  allowDuplicateWorkflowNames?: boolean;
}

export interface MemoryOrgResponse {
  status: number;
  /** The JSON body as a client would parse it (`{ data }`, `{ errors }` ...). */
  body: any;
}

export interface MemoryOrg {
  readonly store: LocalStore;
  readonly engine: WorkflowEngine;
  readonly orgId: string;
  readonly token: string;
  /** Base of the URLs this org reports (`http://127.0.0.1:0`: nothing listens there; use `fetch`). */
  readonly baseUrl: string;
  /** One API call, answered by the local org's routes (standard events it raises have run when it resolves). */
  request(method: string, path: string, body?: JsonValue): Promise<MemoryOrgResponse>;
  /**
   * A `fetch` that answers from this org (token checked as over HTTP), for kac's own Kustomer client:
   * `createKustomerClient({ baseUrl: org.baseUrl, apiKey: org.token, fetch: org.fetch })`.
   */
  fetch: typeof fetch;
  /** Posts `data` to a hook (by id or name) and runs what it triggers; the triggered runs' logs. */
  postHook(hook: string, data: JsonValue): Promise<WorkflowRunLog[]>;
  /** Runs a callable workflow (by id or name) with its inputs; its run log and response. */
  call(workflow: string, inputs?: Record<string, unknown>): Promise<CallResult>;
  /** Runs the scheduled workflow calls due by `now()`; returns how many ran. */
  runDueSchedules(): Promise<number>;
  customers(): CustomerRecord[];
  kobjects(klassName?: string): KObjectRecord[];
  conversations(): ConversationRecord[];
  notes(): NoteRecord[];
  /** Every workflow run, oldest first. */
  runs(): StoredRun[];
}

/** A loopback address no server can listen on (port 0), so kac's client accepts it and nothing leaves. */
export const MEMORY_ORG_BASE_URL = 'http://127.0.0.1:0';

export async function createMemoryOrg(options: MemoryOrgOptions = {}): Promise<MemoryOrg> {
  const store = await LocalStore.open({
    stateDir: null,
    ...(options.token ? { token: options.token } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  if (options.allowDuplicateWorkflowNames) store.allowDuplicateWorkflowNames = true;
  const engine = new WorkflowEngine(store, {
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.runWorkflow ? { run: options.runWorkflow } : {}),
  });
  const routes = allRoutes();

  const answer = (status: number, body: unknown) =>
    new Response(body === undefined || status === 204 ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });

  const workflowId = (ref: string) =>
    store.workflowById(ref)?.id ?? store.state.workflows.find((w) => w.attributes.name === ref)?.id ?? ref;

  const org: MemoryOrg = {
    store,
    engine,
    baseUrl: MEMORY_ORG_BASE_URL,
    get orgId() {
      return store.state.orgId;
    },
    get token() {
      return store.state.token;
    },
    async request(method, path, body) {
      const url = new URL(path, MEMORY_ORG_BASE_URL);
      const found = findRoute(routes, method, url.pathname);
      if (!('route' in found)) {
        return {
          status: found.status,
          body: {
            errors: [
              {
                status: found.status,
                code: 'error',
                title: 'Not found',
                detail: `${method} ${url.pathname} is not an endpoint of this org`,
              },
            ],
          },
        };
      }
      const req: ApiRequest = {
        method,
        params: routeParams(found.route, url.pathname),
        pathname: url.pathname,
        query: url.searchParams,
        // A JSON round trip, as over HTTP: the org never shares objects with its caller.
        body: body === undefined ? undefined : (JSON.parse(JSON.stringify(body)) as JsonValue),
        headers: { authorization: `Bearer ${store.state.token}` },
        baseUrl: MEMORY_ORG_BASE_URL,
        store,
        engine,
      };
      const response = await respond(found.route, req);
      return {
        status: response.status,
        body: response.body === undefined ? undefined : JSON.parse(JSON.stringify(response.body)),
      };
    },
    async postHook(ref, data) {
      const hook = store.state.hooks.find((h) => h.id === ref || h.attributes.name === ref);
      if (!hook) throw new Error(`no hook with id or name "${ref}" in the memory org`);
      return (await receiveHookPost(store, engine, hook, data)).logs;
    },
    async call(ref, inputs = {}) {
      const result = await engine.call(workflowId(ref), inputs);
      await engine.settle();
      return result;
    },
    runDueSchedules: () => engine.runDueSchedules(),
    customers: () => store.state.customers,
    kobjects: (klassName) => store.state.kobjects.filter((k) => klassName === undefined || k.klassName === klassName),
    conversations: () => store.state.conversations,
    notes: () => store.state.notes,
    runs: () => store.state.runs,
    fetch: async (input, init) => {
      const request = input instanceof Request ? input : new Request(input, init);
      const url = new URL(request.url);
      const found = findRoute(routes, request.method, url.pathname);
      if (
        'route' in found &&
        (found.route.auth ?? 'token') === 'token' &&
        request.headers.get('authorization') !== `Bearer ${store.state.token}`
      ) {
        return answer(
          401,
          errorBody(401, 'a valid API token is required (Authorization: Bearer <token>)', 'unauthorized'),
        );
      }
      const text = await request.text();
      let body: JsonValue | undefined;
      try {
        body = text === '' ? undefined : (JSON.parse(text) as JsonValue);
      } catch {
        return answer(400, errorBody(400, 'the body is not valid JSON', 'invalid_body'));
      }
      const response = await org.request(request.method, url.pathname + url.search, body);
      return answer(response.status, response.body);
    },
  };
  return org;
}
