/**
 * Iterable's REST API, read-only and only what kac can use: `GET /api/journeys` (Iterable has no API
 * for journey webhooks, regal-iterable.md §2.2). `Api-Key` header, US or EU host, a timeout per
 * call, retries of 429/5xx/network failures, zod-validated pages. Errors never carry the key.
 */
import pRetry, { AbortError } from 'p-retry';
import { z } from 'zod';
import { ApiError } from '../../errors.js';
import { redact } from '../../logger.js';
import { boundedFetch, BoundedFetchError, DEFAULT_MAX_BODY_BYTES, type BoundedResponse } from '../bounded-fetch.js';

export const ITERABLE_HOSTS = { us: 'https://api.iterable.com', eu: 'https://api.eu.iterable.com' } as const;
/** Iterable caps `pageSize` of GET /api/journeys at 50. */
export const MAX_JOURNEYS_PAGE_SIZE = 50;

export const IterableJourneySchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  enabled: z.boolean(),
  isArchived: z.boolean().optional(),
  journeyType: z.string().optional(),
  triggerEventNames: z.array(z.string()).optional(),
});
export type IterableJourney = z.infer<typeof IterableJourneySchema>;

export const JourneysPageSchema = z.looseObject({
  journeys: z.array(IterableJourneySchema),
  totalJourneysCount: z.number().int().nonnegative().optional(),
  nextPageUrl: z.string().optional(),
});

export interface IterableClientOptions {
  apiKey: string;
  /** Default `us`. */
  region?: 'us' | 'eu';
  /** Overrides the region's host (the local double in tests). */
  baseUrl?: string;
  /** One request's deadline, connect + headers + body; default 15 s. */
  timeoutMs?: number;
  /** Largest response body read; default 64 MiB. */
  maxBodyBytes?: number;
  /** Retries after 429, 5xx, network errors and timeouts; default 3. */
  retries?: number;
  /** First retry delay in ms; default 500 (tests pass 1). */
  retryDelayMs?: number;
  /** Default and maximum 50. */
  pageSize?: number;
  fetch?: typeof fetch;
}

export interface IterableClient {
  readonly baseUrl: string;
  /** Every journey, all pages (archived journeys are listed by Iterable only on request; not needed). */
  listJourneys(signal?: AbortSignal): Promise<IterableJourney[]>;
}

const RETRYABLE = (status: number) => status === 429 || status >= 500;

export function createIterableClient(options: IterableClientOptions): IterableClient {
  const baseUrl = (options.baseUrl ?? ITERABLE_HOSTS[options.region ?? 'us']).replace(/\/+$/, '');
  const fetchImpl = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const pageSize = Math.min(MAX_JOURNEYS_PAGE_SIZE, Math.max(1, options.pageSize ?? MAX_JOURNEYS_PAGE_SIZE));
  const scrub = (text: string) => redact(text).split(options.apiKey).join('<redacted>');

  async function getJson(path: string, signal?: AbortSignal): Promise<unknown> {
    const fail = (details: { status?: number; excerpt?: string; cause?: unknown }, message?: string) =>
      new ApiError({ system: 'iterable', method: 'GET', path, ...details }, message);
    return pRetry(
      async () => {
        let response: BoundedResponse;
        try {
          response = await boundedFetch(
            fetchImpl,
            `${baseUrl}${path}`,
            { headers: { 'Api-Key': options.apiKey, Accept: 'application/json' } },
            { timeoutMs, maxBodyBytes, signal },
          );
        } catch (error) {
          if (signal?.aborted) throw new AbortError(fail({ cause: error }, `iterable: GET ${path} was cancelled`));
          if (!(error instanceof BoundedFetchError)) throw error;
          const failure = fail(
            { cause: error, ...(error.status ? { status: error.status } : {}) },
            `iterable: GET ${path} failed: ${scrub(error.detail)}`,
          );
          // A redirect or an oversized body would come back the same way: not retried.
          throw error.kind === 'redirect' || error.kind === 'too-large' ? new AbortError(failure) : failure;
        }
        const text = response.text;
        if (!response.ok) {
          const error = fail({ status: response.status, excerpt: scrub(text.slice(0, 200)) });
          throw RETRYABLE(response.status) ? error : new AbortError(error);
        }
        try {
          return JSON.parse(text) as unknown;
        } catch {
          throw new AbortError(fail({ status: response.status, excerpt: 'response is not JSON' }));
        }
      },
      {
        retries: options.retries ?? 3,
        minTimeout: options.retryDelayMs ?? 500,
        factor: 2,
        ...(signal ? { signal } : {}),
      },
    ).catch((error: unknown) => {
      throw error instanceof AbortError ? error.originalError : error;
    });
  }

  return {
    baseUrl,
    async listJourneys(signal) {
      const journeys: IterableJourney[] = [];
      // A bound on pages, so a server that keeps answering full pages cannot loop forever.
      for (let page = 1; page <= 10_000; page++) {
        const path = `/api/journeys?page=${page}&pageSize=${pageSize}`;
        const parsed = JourneysPageSchema.safeParse(await getJson(path, signal));
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw new ApiError({
            system: 'iterable',
            method: 'GET',
            path,
            excerpt: `unexpected response: ${issue ? `${issue.path.join('.')} ${issue.message}` : 'invalid'}`,
          });
        }
        journeys.push(...parsed.data.journeys);
        const total = parsed.data.totalJourneysCount;
        const done = total !== undefined ? journeys.length >= total : parsed.data.journeys.length < pageSize;
        if (done || parsed.data.journeys.length === 0) break;
      }
      return journeys;
    },
  };
}
