/**
 * The one place kac builds an Octokit: octokit's bundled throttling and retry plugins, with rate-limit
 * handlers that retry a bounded number of times and log through kac's Logger (which redacts). The
 * token is registered as a secret so it never reaches output.
 */
import type Bottleneck from 'bottleneck';
import { Octokit, RequestError } from 'octokit';
import { ApiError } from '../errors.js';
import { redact, registerSecretValue, type Logger } from '../logger.js';
import { boundedFetchAsFetch, DEFAULT_MAX_BODY_BYTES, type HttpLimits } from '../providers/bounded-fetch.js';

export type GitHubClient = InstanceType<typeof Octokit>;

export interface GitHubClientOptions {
  token: string;
  /** From GITHUB_API_URL; the double's URL in tests. */
  baseUrl: string;
  logger: Logger;
  /** Rate-limit (403/429) retries before giving up. Default 3. */
  maxRateLimitRetries?: number;
  /** 5xx retries. Default 3. */
  maxServerErrorRetries?: number;
  /**
   * Milliseconds per unit of wait: GitHub's `retry-after` is in seconds and the retry plugin's backoff
   * is (n+1)² units. 1000 in production; tests shrink it so a retry costs milliseconds.
   */
  retryUnitMs?: number;
  /**
   * Octokit spaces writes 1 s apart and notifying writes (comments, issues) 3 s apart, as GitHub asks
   * to avoid secondary limits. Tests pass groups with no spacing; production keeps the defaults.
   */
  throttleGroups?: { write?: Bottleneck.Group; notifications?: Bottleneck.Group };
  /** Per request: no redirect followed, a body cap, one deadline; default 30 s and 64 MiB. */
  limits?: HttpLimits;
}

export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  registerSecretValue('GITHUB_TOKEN', options.token);
  const { logger } = options;
  const maxRateLimitRetries = options.maxRateLimitRetries ?? 3;
  const unit = options.retryUnitMs ?? 1000;
  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      if (retryCount < maxRateLimitRetries) {
        logger.warn(
          `GitHub ${kind} on ${request.method} ${request.url}; retrying in ${retryAfter}s (retry ${retryCount + 1} of ${maxRateLimitRetries})`,
        );
        return true;
      }
      logger.error(
        `GitHub ${kind} on ${request.method} ${request.url}; giving up after ${maxRateLimitRetries} retries`,
      );
      return false;
    };
  return new Octokit({
    auth: options.token,
    baseUrl: options.baseUrl,
    userAgent: 'kac',
    // Redirects are never followed (the token must not travel to another host), bodies are capped and
    // every request has a deadline: the same bounded fetch as the Kustomer and Iterable clients.
    request: {
      fetch: boundedFetchAsFetch(options.limits ?? { timeoutMs: 30_000, maxBodyBytes: DEFAULT_MAX_BODY_BYTES }),
    },
    log: {
      debug: (m: string) => logger.debug(redact(m)),
      info: (m: string) => logger.debug(redact(m)),
      warn: (m: string) => logger.debug(redact(m)),
      error: (m: string) => logger.error(redact(m)),
    },
    throttle: {
      onRateLimit: onLimit('rate limit'),
      onSecondaryRateLimit: onLimit('secondary rate limit'),
      retryAfterBaseValue: unit,
      ...options.throttleGroups,
    },
    retry: { retries: options.maxServerErrorRetries ?? 3, retryAfterBaseValue: unit },
  });
}

/** Turns an octokit failure into kac's ApiError (status and GitHub's message, never the token). */
export function toApiError(error: unknown, method: string, rawPath: string): ApiError {
  const path = redact(rawPath);
  if (error instanceof RequestError) {
    const data = error.response?.data as { message?: string; errors?: { message?: string }[] } | undefined;
    const detail = [data?.message, ...(data?.errors ?? []).map((e) => e.message)].filter(Boolean).join('; ');
    return new ApiError({
      system: 'github',
      method,
      path,
      status: error.status,
      excerpt: redact(detail || error.message),
      cause: error,
    });
  }
  return new ApiError({
    system: 'github',
    method,
    path,
    excerpt: redact(error instanceof Error ? error.message : String(error)),
    cause: error,
  });
}

/** Runs one GitHub call, mapping failures to ApiError. */
export async function githubCall<T>(method: string, path: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toApiError(error, method, path);
  }
}
