/**
 * One HTTP attempt against Kustomer: bearer auth, JSON body, rate-limit headers read, and the limits of
 * boundedFetch (no redirect followed, a body cap, one deadline for connect + headers + body).
 * Failures come back classified (network, timeout, 429, 5xx, redirect, too large, other) so the retry
 * policy can decide.
 */
import { redact } from '../../../logger.js';
import { boundedFetch, BoundedFetchError, type BoundedResponse } from '../../bounded-fetch.js';
import { readRateLimit, type RateLimitInfo } from './pacer.js';

/** `redirect` and `too-large` are never retried: the same server would answer the same way. */
export type AttemptFailureKind =
  'network' | 'timeout' | 'rate-limited' | 'server' | 'client' | 'redirect' | 'too-large';

/** A failed attempt. `excerpt` is short and already cleaned of the token. */
export class AttemptFailure extends Error {
  /** What the failed response said about the budget, when it said anything. */
  rateLimit?: RateLimitInfo;

  constructor(
    readonly kind: AttemptFailureKind,
    readonly method: string,
    readonly path: string,
    readonly status?: number,
    readonly excerpt?: string,
    /** Epoch ms before which the server asked us not to retry (429). */
    readonly retryAt?: number,
    override readonly cause?: unknown,
  ) {
    super(`${method} ${path}: ${kind}${status ? ` ${status}` : ''}${excerpt ? `: ${excerpt}` : ''}`);
    this.name = 'AttemptFailure';
  }
}

export interface AttemptResult {
  status: number;
  /** Parsed JSON, or undefined for an empty body. */
  body: unknown;
  rateLimit: RateLimitInfo;
}

export interface AttemptOptions {
  fetch: typeof fetch;
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  maxBodyBytes: number;
  signal?: AbortSignal;
  clock: () => number;
}

const EXCERPT_LENGTH = 300;

/** The `errors[].detail` of a Kustomer error body when there is one, else the start of the body. */
export function excerptOf(text: string, apiKey: string): string {
  try {
    const parsed = JSON.parse(text) as {
      errors?: { detail?: unknown; title?: unknown; source?: { pointer?: unknown } }[];
    };
    if (Array.isArray(parsed.errors) && parsed.errors.length > 0) {
      text = parsed.errors
        .map(
          (e) =>
            `${String(e.detail ?? e.title ?? 'error')}${typeof e.source?.pointer === 'string' ? ` (${e.source.pointer})` : ''}`,
        )
        .join('; ');
    }
  } catch {
    // not JSON: the raw text is the excerpt
  }
  const cleaned = redact(apiKey ? text.split(apiKey).join('<redacted>') : text)
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned.length > EXCERPT_LENGTH ? `${cleaned.slice(0, EXCERPT_LENGTH)}...` : cleaned;
}

export async function attempt(method: string, path: string, body: unknown, o: AttemptOptions): Promise<AttemptResult> {
  let response: BoundedResponse;
  try {
    response = await boundedFetch(
      o.fetch,
      `${o.baseUrl}${path}`,
      {
        method,
        headers: {
          authorization: `Bearer ${o.apiKey}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      },
      { timeoutMs: o.timeoutMs, maxBodyBytes: o.maxBodyBytes, signal: o.signal },
    );
  } catch (error) {
    if (!(error instanceof BoundedFetchError)) throw error;
    throw new AttemptFailure(error.kind, method, path, error.status, redact(error.detail), undefined, error);
  }
  const text = response.text;
  const now = o.clock();
  const rateLimit = readRateLimit(response.headers, now);
  if (!response.ok) {
    const excerpt = excerptOf(text, o.apiKey);
    let failure: AttemptFailure;
    if (response.status === 429) {
      const retryAfter = response.headers.get('retry-after');
      const retryAt = retryAfter !== null ? parseRetryAfter(retryAfter, now) : rateLimit.resetAt;
      failure = new AttemptFailure('rate-limited', method, path, 429, excerpt, retryAt);
    } else
      failure = new AttemptFailure(
        response.status >= 500 ? 'server' : 'client',
        method,
        path,
        response.status,
        excerpt,
      );
    failure.rateLimit = rateLimit;
    throw failure;
  }
  let parsed: unknown;
  if (text.trim() !== '') {
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new AttemptFailure(
        'client',
        method,
        path,
        response.status,
        `the response is not JSON: ${excerptOf(text, o.apiKey)}`,
      );
    }
  }
  return { status: response.status, body: parsed, rateLimit };
}

/** `Retry-After`: seconds or an HTTP date. Kustomer's docs don't mention it; honoured when present. */
function parseRetryAfter(value: string, now: number): number | undefined {
  const n = Number(value);
  if (Number.isFinite(n)) return now + Math.max(0, n) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : date;
}
