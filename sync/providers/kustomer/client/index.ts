/**
 * The Kustomer HTTP client, for a real org and the local one alike: bearer auth, flat JSON bodies,
 * JSON:API envelopes taken off, `links.next` pagination, every response checked with zod, pacing by
 * the org-wide budget, retries (p-retry) of idempotent calls, and creates that are never repeated
 * blindly: a POST is retried only after looking the object up by name and not finding it.
 */
import PQueue from 'p-queue';
import pRetry, { AbortError } from 'p-retry';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { JsonObject } from '../../../../compiler/json.js';
import { ApiError, ExitError } from '../../../errors.js';
import { silentLogger, type Logger } from '../../../logger.js';
import { attempt, AttemptFailure, type AttemptResult } from './attempt.js';
import { pageSchema, parseResponse, singleSchema, unwrap, type KustomerObject } from './envelope.js';
import { RatePacer } from './pacer.js';
import { DEFAULT_MAX_BODY_BYTES } from '../../bounded-fetch.js';

export type { KustomerObject } from './envelope.js';

export interface KustomerClientOptions {
  /** `https://<org>.api.kustomerapp.com`, a regional host, or the local org's address. */
  baseUrl: string;
  apiKey: string;
  logger?: Logger;
  /** One attempt's deadline, connect + headers + body; default 30 s. */
  timeoutMs?: number;
  /** Largest response body read; default 64 MiB. */
  maxBodyBytes?: number;
  /** All attempts of one call together (retries and their waits); no new attempt starts after it. Default 120 s. */
  callDeadlineMs?: number;
  /** The clock the call deadline is measured on (tests inject one). */
  now?: () => number;
  /** Retries of one call after network errors, timeouts and 5xx; default 4. 429 waits don't count. */
  maxRetries?: number;
  fetch?: typeof fetch;
  /** Requests in flight at once; default 4. */
  concurrency?: number;
  /** First backoff delay (doubled each retry, jittered); default 500 ms. */
  retryMinTimeoutMs?: number;
  /** 429s one call may wait out before giving up; default 20. */
  maxRateLimitWaits?: number;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface PostOptions<T> extends RequestOptions {
  /**
   * Finds the object this POST creates (by its name). Called before any retry of a POST whose outcome
   * is unknown (network error, timeout, 5xx): when it finds the object, that is the result and the
   * POST is not sent again. Without it, such a POST is never retried.
   */
  lookup?: () => Promise<KustomerObject<T> | undefined>;
}

export interface ClientStats {
  /** HTTP requests sent, retries and lookups included. */
  total: number;
  byMethod: Record<string, number>;
  /** Attempts repeated after a failure (429s included). */
  retries: number;
  /** 429 responses received. */
  rateLimited: number;
  /** Lookups made before retrying a POST. */
  lookups: number;
  /** Time spent waiting for the rate budget, in ms. */
  pacedMs: number;
}

export interface KustomerClient {
  readonly baseUrl: string;
  /** One object: `{ data: {...} }` unwrapped, `attributes` checked with `schema`. */
  get<T>(path: string, schema: z.ZodType<T>, options?: RequestOptions): Promise<KustomerObject<T>>;
  /** Every page of a list (pageSize 100, following `links.next`). */
  list<T>(path: string, schema: z.ZodType<T>, options?: RequestOptions): Promise<KustomerObject<T>[]>;
  post<T>(path: string, body: JsonObject, schema: z.ZodType<T>, options?: PostOptions<T>): Promise<KustomerObject<T>>;
  put<T>(path: string, body: JsonObject, schema: z.ZodType<T>, options?: RequestOptions): Promise<KustomerObject<T>>;
  /** A 404 on a retry after an unknown outcome counts as deleted. */
  delete(path: string, options?: RequestOptions): Promise<void>;
  /** Any call whose whole response body `schema` checks (non-JSON:API endpoints). */
  request<T>(
    method: string,
    path: string,
    options: RequestOptions & { body?: JsonObject; schema: z.ZodType<T> },
  ): Promise<T>;
  stats(): ClientStats;
}

export const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGES = 10_000;

export function createKustomerClient(options: KustomerClientOptions): KustomerClient {
  const baseUrl = checkedBaseUrl(options.baseUrl);
  const logger = options.logger ?? silentLogger;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const callDeadlineMs = options.callDeadlineMs ?? 120_000;
  const now = options.now ?? Date.now;
  const maxRetries = options.maxRetries ?? 4;
  const minTimeout = options.retryMinTimeoutMs ?? 500;
  const maxRateLimitWaits = options.maxRateLimitWaits ?? 20;
  // A priority queue, not FIFO: list pages follow links.next one after another, so a page queued behind
  // a burst of independent GETs (one metadata GET per Klass) would stretch the whole read.
  const queue = new PQueue({ concurrency: options.concurrency ?? 4 });
  const pacer = new RatePacer();
  const stats: ClientStats = { total: 0, byMethod: {}, retries: 0, rateLimited: 0, lookups: 0, pacedMs: 0 };

  async function once(
    method: string,
    path: string,
    body: unknown,
    signal?: AbortSignal,
    priority = 0,
  ): Promise<AttemptResult> {
    return queue.add(
      async () => {
        await pacer.acquire(signal);
        stats.total++;
        stats.byMethod[method] = (stats.byMethod[method] ?? 0) + 1;
        try {
          const result = await attempt(method, path, body, {
            fetch: fetchImpl,
            baseUrl,
            apiKey: options.apiKey,
            timeoutMs,
            maxBodyBytes,
            clock: Date.now,
            ...(signal ? { signal } : {}),
          });
          pacer.release(result.rateLimit);
          return result;
        } catch (error) {
          pacer.release(error instanceof AttemptFailure ? error.rateLimit : undefined);
          if (error instanceof AttemptFailure && error.kind === 'rate-limited') {
            stats.rateLimited++;
            if (error.retryAt !== undefined) pacer.block(error.retryAt);
          }
          throw error;
        }
      },
      { priority },
    );
  }

  /** Sends with retries. Returns `found` when a POST's lookup found the object instead. */
  async function execute<F>(
    method: string,
    path: string,
    body: unknown,
    signal: AbortSignal | undefined,
    lookup?: () => Promise<F | undefined>,
    priority = 0,
  ): Promise<{ result: AttemptResult } | { found: F }> {
    let unknownOutcome = false;
    let rateLimitWaits = 0;
    let attempts = 0;
    let last: AttemptFailure | undefined;
    const started = now();
    try {
      return await pRetry(
        async (attemptNumber) => {
          if (attemptNumber > 1) {
            if (last && now() - started >= callDeadlineMs) throw new AbortError(new CallDeadline(last));
            stats.retries++;
          }
          attempts = attemptNumber;
          if (unknownOutcome && lookup) {
            stats.lookups++;
            const found = await lookup();
            if (found !== undefined) {
              logger.debug(
                `kustomer: ${method} ${path}: found the object after an unknown outcome; not sending it again`,
              );
              return { found };
            }
          }
          try {
            return { result: await once(method, path, body, signal, priority) };
          } catch (error) {
            if (!(error instanceof AttemptFailure)) throw error;
            last = error;
            if (error.kind === 'client' && error.status === 404 && method === 'DELETE' && unknownOutcome) {
              return { result: { status: 404, body: undefined, rateLimit: {} } };
            }
            if (error.kind === 'client' || error.kind === 'redirect' || error.kind === 'too-large')
              throw new AbortError(error);
            if (error.kind !== 'rate-limited') unknownOutcome = true;
            if (error.kind !== 'rate-limited' && method === 'POST' && !lookup) throw new AbortError(error);
            if (error.kind === 'rate-limited' && ++rateLimitWaits > maxRateLimitWaits) throw new AbortError(error);
            throw error;
          }
        },
        {
          retries: maxRetries,
          minTimeout,
          factor: 2,
          randomize: true,
          maxTimeout: 30_000,
          ...(signal ? { signal } : {}),
          onFailedAttempt: async ({ error, attemptNumber }) => {
            if (!(error instanceof AttemptFailure)) return;
            logger.debug(
              `kustomer: ${method} ${path}: ${error.kind}${error.status ? ` ${error.status}` : ''} on attempt ${attemptNumber}; retrying`,
            );
            if (error.kind === 'rate-limited' && error.retryAt !== undefined) {
              const wait = Math.max(0, error.retryAt - Date.now()) + Math.floor(Math.random() * 50);
              stats.pacedMs += wait;
              await sleep(wait, undefined, signal ? { signal } : {});
            }
          },
          // A 429 with a known reset was waited out above: it costs no retry and no extra backoff.
          shouldConsumeRetry: ({ error }) =>
            !(error instanceof AttemptFailure && error.kind === 'rate-limited' && error.retryAt !== undefined),
          shouldRetry: ({ error }) => error instanceof AttemptFailure,
        },
      );
    } catch (error) {
      if (error instanceof CallDeadline)
        throw toApiError(error.last, { attempts, deadlineMs: callDeadlineMs, createNotRepeated: false });
      if (error instanceof AttemptFailure) {
        const createNotRepeated =
          method === 'POST' && !lookup && !['rate-limited', 'client', 'redirect', 'too-large'].includes(error.kind);
        throw toApiError(error, { attempts, createNotRepeated });
      }
      throw error;
    }
  }

  async function call<T>(
    method: string,
    path: string,
    body: unknown,
    schema: z.ZodType<T>,
    o: PostOptions<T> = {},
  ): Promise<KustomerObject<T>> {
    const outcome = await execute(method, path, body, o.signal, o.lookup);
    if ('found' in outcome) return outcome.found;
    return unwrap(parseResponse(singleSchema(schema), outcome.result.body, method, path, outcome.result.status).data);
  }

  return {
    baseUrl,
    get: (path, schema, o) => call('GET', path, undefined, schema, o),
    post: (path, body, schema, o) => call('POST', path, body, schema, o),
    put: (path, body, schema, o) => call('PUT', path, body, schema, o),
    async delete(path, o = {}) {
      await execute('DELETE', path, undefined, o.signal);
    },
    async list<T>(path: string, schema: z.ZodType<T>, o: RequestOptions = {}) {
      const items: KustomerObject<T>[] = [];
      const seen = new Set<string>();
      let next: string | undefined = withPageSize(path);
      while (next !== undefined) {
        if (seen.has(next) || seen.size >= MAX_PAGES)
          throw new ApiError(
            { system: 'kustomer', method: 'GET', path: next },
            `kustomer: GET ${path}: links.next loops back to ${next}`,
          );
        seen.add(next);
        // Pages of a list are the read's critical path: they go first.
        const { result } = (await execute('GET', next, undefined, o.signal, undefined, 1)) as { result: AttemptResult };
        const page: z.output<ReturnType<typeof pageSchema<T>>> = parseResponse(
          pageSchema(schema),
          result.body,
          'GET',
          next,
          result.status,
        );
        for (const item of page.data) items.push(unwrap(item));
        next = page.links?.next ? relativePath(page.links.next, baseUrl) : undefined;
      }
      return items;
    },
    async request(method, path, o) {
      const { result } = (await execute(method, path, o.body, o.signal)) as { result: AttemptResult };
      return parseResponse(o.schema, result.body, method, path, result.status);
    },
    stats: () => ({ ...stats, byMethod: { ...stats.byMethod }, pacedMs: stats.pacedMs + pacer.waitedMs }),
  };
}

/** The call's deadline over all its attempts was hit; carries the last attempt's failure. */
class CallDeadline extends Error {
  constructor(readonly last: AttemptFailure) {
    super('call deadline');
  }
}

function toApiError(
  error: AttemptFailure,
  o: { attempts: number; createNotRepeated: boolean; deadlineMs?: number },
): ApiError {
  const what =
    error.kind === 'timeout'
      ? 'timed out'
      : error.kind === 'network'
        ? 'failed (network)'
        : error.kind === 'redirect'
          ? 'was redirected'
          : error.kind === 'too-large'
            ? 'was refused (response too large)'
            : 'failed';
  // The excerpt of a redirect or an oversized body already names the status.
  const bounded = error.kind === 'redirect' || error.kind === 'too-large';
  const retryable = ['timeout', 'network', 'server', 'rate-limited'].includes(error.kind);
  const gaveUp =
    retryable && o.attempts > 1
      ? ` (gave up after ${o.attempts} attempts${o.deadlineMs !== undefined ? `: the call's total deadline of ${o.deadlineMs} ms across attempts was hit` : ''})`
      : '';
  let next = '';
  if (o.createNotRepeated)
    next = ' (a create is never repeated blindly: check whether the object exists before running again)';
  else if (retryable && error.method === 'GET')
    next =
      '. Nothing was changed by this read: run the same command again when the org answers (an interrupted apply resumes where it stopped), or allow more with KAC_HTTP_RETRIES / KAC_HTTP_TIMEOUT_MS';
  return new ApiError(
    {
      system: 'kustomer',
      method: error.method,
      path: error.path,
      ...(error.status ? { status: error.status } : {}),
      ...(error.excerpt ? { excerpt: error.excerpt } : {}),
      cause: error,
    },
    `kustomer: ${error.method} ${error.path} ${what}${error.status && !bounded ? ` with ${error.status}` : ''}${error.excerpt ? `: ${error.excerpt}` : ''}${gaveUp}${next}`,
  );
}

/** The token travels in a header: plain http is allowed only to this machine (the local org). */
function checkedBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ExitError(`the Kustomer base URL "${raw}" is not a URL`, 1, 'expected https://<org>.api.kustomerapp.com');
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new ExitError(
      `the Kustomer base URL must use https (got ${url.origin})`,
      1,
      'expected https://<org>.api.kustomerapp.com',
    );
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function withPageSize(path: string): string {
  const url = new URL(path, 'http://x');
  if (!url.searchParams.has('pageSize')) url.searchParams.set('pageSize', String(DEFAULT_PAGE_SIZE));
  return `${url.pathname}?${url.searchParams.toString()}`;
}

/** `links.next` is a path in Kustomer's responses; an absolute URL on the same host is accepted too. */
function relativePath(link: string, baseUrl: string): string {
  if (link.startsWith('/')) return link;
  const url = new URL(link);
  if (url.origin !== new URL(baseUrl).origin)
    throw new ApiError(
      { system: 'kustomer', method: 'GET', path: link },
      `kustomer: links.next points to another host (${url.origin})`,
    );
  return `${url.pathname}${url.search}`;
}
