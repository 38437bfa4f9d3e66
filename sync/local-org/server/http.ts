/**
 * The local org's HTTP vocabulary: the request a route sees, the response it returns, JSON:API
 * envelopes, `page`/`pageSize` pagination with `links.next`, and `{ errors: [...] }` refusals.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { JsonObject, JsonValue } from '../../../compiler/json.js';
import type { ApiErrorObject } from '../inferred-api.js';
import type { WorkflowEngine } from '../runtime/engine.js';
import type { LocalStore } from '../store/store.js';

export interface ApiRequest {
  method: string;
  /** The decoded path captures of the route's pattern. */
  params: string[];
  pathname: string;
  query: URLSearchParams;
  /** Parsed JSON (or form) body; undefined when there was none. */
  body: JsonValue | undefined;
  headers: IncomingHttpHeaders;
  /** `http://127.0.0.1:<port>`: hook urls are built from it. */
  baseUrl: string;
  store: LocalStore;
  /** Runs workflows: hook posts, calls. Standard events are settled by the server after each request. */
  engine: WorkflowEngine;
}

export interface ApiResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type RouteHandler = (req: ApiRequest) => ApiResponse | Promise<ApiResponse>;

export interface Route {
  method: string;
  pattern: RegExp;
  handler: RouteHandler;
  /** `token`: Bearer token required (the default); `none`: form hook posts. */
  auth?: 'token' | 'none';
  /** Largest accepted body in bytes; beyond it the answer is 413. */
  bodyLimit?: number;
  /** Hook posts have their own budget in Kustomer and are not part of the API's. */
  budget?: 'api' | 'hooks' | 'none';
  /** Emulator-only routes get no injected faults. */
  faults?: boolean;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly errors: ApiErrorObject[],
  ) {
    super(errors.map((e) => e.detail ?? e.title).join('; '));
  }
}

export function fail(status: number, code: string, detail: string, pointer?: string): never {
  throw new HttpError(status, [
    { status, code, title: TITLES[status] ?? 'Error', detail, ...(pointer ? { source: { pointer } } : {}) },
  ]);
}

export function failAll(errors: ApiErrorObject[]): void {
  if (errors.length > 0) throw new HttpError(errors[0]!.status, errors);
}

export const TITLES: Record<number, string> = {
  400: 'Invalid request',
  401: 'Unauthorized',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Payload too large',
  429: 'Too many requests',
  500: 'Internal server error',
};

export function errorBody(status: number, detail: string, code = 'error'): { errors: ApiErrorObject[] } {
  return { errors: [{ status, code, title: TITLES[status] ?? 'Error', detail }] };
}

export interface ResourceObject {
  type: string;
  id: string;
  attributes: JsonObject;
  relationships?: JsonObject;
  links: { self: string };
}

export function resourceObject(
  type: string,
  id: string,
  attributes: JsonObject,
  self: string,
  relationships?: JsonObject,
): ResourceObject {
  return { type, id, attributes, ...(relationships ? { relationships } : {}), links: { self } };
}

/** The `org`/`createdBy`/`modifiedBy` relationships Kustomer puts on configuration objects. */
export function standardRelationships(store: LocalStore, withUsers = true): JsonObject {
  const { orgId, userId } = store.state;
  const user = { links: { self: `/v1/users/${userId}` }, data: { type: 'user', id: userId } };
  return {
    org: { links: { self: `/v1/orgs/${orgId}` }, data: { type: 'org', id: orgId } },
    ...(withUsers ? { createdBy: user, modifiedBy: user } : {}),
  };
}

export function single(status: number, data: ResourceObject): ApiResponse {
  return { status, body: { data } };
}

export const MAX_PAGE_SIZE = 100;

/** One page of `items`, with `links.next` null on the last page (docs: pagination). */
export function paginate(req: ApiRequest, items: ResourceObject[]): ApiResponse {
  const pageSize = clampInt(req.query.get('pageSize'), 100, 1, MAX_PAGE_SIZE);
  const totalPages = Math.max(1, Math.ceil(items.length / pageSize));
  const page = clampInt(req.query.get('page'), 1, 1, Number.MAX_SAFE_INTEGER);
  const link = (p: number) => {
    const query = new URLSearchParams(req.query);
    query.set('page', String(p));
    query.set('pageSize', String(pageSize));
    return `${req.pathname}?${query.toString()}`;
  };
  return {
    status: 200,
    body: {
      meta: { pageSize, page, total: items.length, totalPages },
      links: {
        self: link(page),
        first: link(1),
        prev: page > 1 ? link(page - 1) : null,
        next: page < totalPages ? link(page + 1) : null,
      },
      data: items.slice((page - 1) * pageSize, page * pageSize),
    },
  };
}

function clampInt(raw: string | null, fallback: number, min: number, max: number): number {
  const n = raw === null ? fallback : Number.parseInt(raw, 10);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

/** The request body as an object, or a 400 naming what was sent instead. */
export function objectBody(req: ApiRequest): JsonObject {
  const body = req.body;
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    fail(400, 'invalid', 'the request body must be a JSON object');
  }
  return body as JsonObject;
}

/** Drops keys a client may echo back from a read but never sets. */
export function withoutKeys(body: JsonObject, keys: readonly string[]): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(body)) if (!keys.includes(k)) out[k] = v;
  return out;
}
