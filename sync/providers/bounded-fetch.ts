/**
 * One HTTP exchange that a hostile or broken server cannot stretch or redirect: redirects are never
 * followed (a 3xx is an error naming its Location, so nothing, least of all a secret header, is re-sent
 * to another host), the body is capped in bytes, and one deadline covers connect + headers + body.
 * Failures come back as a BoundedFetchError saying which limit was hit. Used by every HTTP client kac
 * has (Kustomer, Iterable, GitHub).
 */

export interface HttpLimits {
  /** Connect + headers + body of one request, in ms. */
  timeoutMs: number;
  /** Largest response body read, in bytes. */
  maxBodyBytes: number;
}

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;

export type BoundedFetchFailure = 'redirect' | 'too-large' | 'timeout' | 'network';

export class BoundedFetchError extends Error {
  constructor(
    readonly kind: BoundedFetchFailure,
    /** Human text: which limit was hit, and where. Never carries a header value. */
    readonly detail: string,
    readonly status?: number,
    override readonly cause?: unknown,
  ) {
    super(detail);
    this.name = 'BoundedFetchError';
  }
}

export interface BoundedResponse {
  status: number;
  ok: boolean;
  headers: Headers;
  text: string;
}

/**
 * Sends one request with `redirect: 'manual'` and reads the body under the limits. The caller's
 * `signal` (Ctrl-C) is rethrown as its own reason, never turned into a timeout.
 */
export async function boundedFetch(
  fetchImpl: typeof fetch,
  url: string,
  init: Omit<RequestInit, 'redirect' | 'signal'>,
  limits: HttpLimits & { signal?: AbortSignal | undefined },
): Promise<BoundedResponse> {
  const deadline = new AbortController();
  let phase: 'headers' | 'body' = 'headers';
  let received = 0;
  const timer = setTimeout(() => deadline.abort(new Error('deadline')), limits.timeoutMs);
  const signal = limits.signal ? AbortSignal.any([limits.signal, deadline.signal]) : deadline.signal;
  const timedOut = () =>
    new BoundedFetchError(
      'timeout',
      phase === 'headers'
        ? `request deadline of ${limits.timeoutMs} ms (connect + headers + body) hit before the response headers arrived`
        : `request deadline of ${limits.timeoutMs} ms (connect + headers + body) hit while reading the body (${received} bytes received)`,
    );
  try {
    let response: Response;
    try {
      response = await fetchImpl(url, { ...init, redirect: 'manual', signal });
    } catch (error) {
      if (limits.signal?.aborted) throw limits.signal.reason ?? error;
      if (deadline.signal.aborted) throw timedOut();
      throw new BoundedFetchError('network', describeNetworkError(error), undefined, error);
    }
    if (response.status >= 300 && response.status < 400 && response.status !== 304) {
      await response.body?.cancel().catch(() => undefined);
      const location = response.headers.get('location');
      throw new BoundedFetchError(
        'redirect',
        `the server answered ${response.status} redirecting to ${location ? safeLocation(location, url) : '(no Location header)'}; kac never follows redirects, so nothing was sent there. Check the base URL (it must be the API host itself)`,
        response.status,
      );
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > limits.maxBodyBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw tooLarge(limits.maxBodyBytes, `declared ${declared} bytes`, response.status);
    }
    phase = 'body';
    const chunks: Uint8Array[] = [];
    if (response.body) {
      const reader = response.body.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          received += value.byteLength;
          if (received > limits.maxBodyBytes) {
            await reader.cancel().catch(() => undefined);
            throw tooLarge(limits.maxBodyBytes, `more than ${limits.maxBodyBytes} bytes received`, response.status);
          }
          chunks.push(value);
        }
      } catch (error) {
        if (error instanceof BoundedFetchError) throw error;
        if (limits.signal?.aborted) throw limits.signal.reason ?? error;
        if (deadline.signal.aborted) throw timedOut();
        throw new BoundedFetchError(
          'network',
          `the connection failed while reading the body: ${describeNetworkError(error)}`,
          response.status,
          error,
        );
      }
    }
    const text = new TextDecoder().decode(concat(chunks, received));
    return { status: response.status, ok: response.ok, headers: response.headers, text };
  } finally {
    clearTimeout(timer);
  }
}

/** A fetch-compatible function with the same limits, for libraries that take one (octokit). */
export function boundedFetchAsFetch(limits: HttpLimits, fetchImpl: typeof fetch = globalThis.fetch): typeof fetch {
  return (async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const { redirect: _redirect, signal, ...rest } = init;
    const r = await boundedFetch(fetchImpl, url, rest, { ...limits, signal: signal ?? undefined });
    const bodyless = r.status === 204 || r.status === 205 || r.status === 304;
    return new Response(bodyless ? null : r.text, { status: r.status, headers: r.headers });
  }) as typeof fetch;
}

/** `HttpLimits` from `KAC_HTTP_TIMEOUT_MS` / `KAC_HTTP_MAX_BODY_BYTES`, else the given defaults. */
export function httpLimitsFromEnv(env: NodeJS.ProcessEnv, defaults: HttpLimits): HttpLimits {
  return {
    timeoutMs: positive(env.KAC_HTTP_TIMEOUT_MS) ?? defaults.timeoutMs,
    maxBodyBytes: positive(env.KAC_HTTP_MAX_BODY_BYTES) ?? defaults.maxBodyBytes,
  };
}

function positive(raw: string | undefined): number | undefined {
  const n = raw === undefined || raw.trim() === '' ? NaN : Number(raw);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

function tooLarge(max: number, what: string, status: number): BoundedFetchError {
  return new BoundedFetchError(
    'too-large',
    `the response body is over the ${max}-byte cap (${what}); it was not read further (raise KAC_HTTP_MAX_BODY_BYTES if the org really is that large)`,
    status,
  );
}

/** The redirect target, without any userinfo or query string (either could carry a credential). */
function safeLocation(location: string, base: string): string {
  try {
    const u = new URL(location, base);
    return `${u.origin}${u.pathname}`;
  } catch {
    return JSON.stringify(location.slice(0, 200));
  }
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

export function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
