/**
 * Paces requests by the org-wide budget Kustomer reports in `x-ratelimit-*`: when the budget left
 * (minus requests already in flight) is spent, the next request waits for the window to reset
 * instead of drawing a 429.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export interface RateLimitInfo {
  limit?: number;
  remaining?: number;
  /** Epoch ms when the window resets. */
  resetAt?: number;
}

/**
 * `x-ratelimit-reset` is "now + 60s" in the docs, unit unconfirmed: epoch ms, epoch seconds and
 * seconds-from-now are all accepted, told apart by size.
 */
export function parseReset(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) {
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : date;
  }
  if (n > 1e12) return n;
  if (n > 1e9) return n * 1000;
  return now + n * 1000;
}


export function readRateLimit(headers: Headers, now: number): RateLimitInfo {
  const limit = Number(headers.get('x-ratelimit-limit'));
  const remaining = Number(headers.get('x-ratelimit-remaining'));
  return {
    ...(headers.has('x-ratelimit-limit') && Number.isFinite(limit) ? { limit } : {}),
    ...(headers.has('x-ratelimit-remaining') && Number.isFinite(remaining) ? { remaining } : {}),
    ...(parseReset(headers.get('x-ratelimit-reset'), now) !== undefined ? { resetAt: parseReset(headers.get('x-ratelimit-reset'), now)! } : {}),
  };
}

/** A little extra after a reset so clock skew doesn't land the request in the old window. */
const RESET_MARGIN_MS = 15;

export class RatePacer {
  private info: RateLimitInfo = {};
  private inFlight = 0;
  /** Milliseconds spent waiting for the budget, for stats. */
  waitedMs = 0;

  constructor(private readonly clock: () => number = Date.now) {}

  async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = this.clock();
      const { remaining, resetAt } = this.info;
      if (resetAt !== undefined && now >= resetAt) this.info = {};
      else if (remaining !== undefined && resetAt !== undefined && remaining - this.inFlight <= 0) {
        const wait = resetAt - now + RESET_MARGIN_MS + Math.floor(Math.random() * RESET_MARGIN_MS);
        this.waitedMs += wait;
        await sleep(wait, undefined, signal ? { signal } : {});
        continue;
      }
      this.inFlight++;
      return;
    }
  }

  release(info: RateLimitInfo | undefined): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    if (info && (info.remaining !== undefined || info.resetAt !== undefined)) {
      // A response from an older window must not overwrite what a newer one said.
      if (this.info.resetAt === undefined || info.resetAt === undefined || info.resetAt >= this.info.resetAt - RESET_MARGIN_MS) this.info = info;
    }
  }

  /** After a 429: nothing more is sent until `until`. */
  block(until: number): void {
    this.info = { ...this.info, remaining: 0, resetAt: Math.max(until, this.info.resetAt ?? 0) };
  }
}
