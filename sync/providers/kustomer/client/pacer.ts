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
  /** How precise `resetAt` is: 1 s for whole-second headers, else 1 ms. */
  resolutionMs?: number;
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
  const reset = headers.get('x-ratelimit-reset');
  const resetAt = parseReset(reset, now);
  return {
    ...(headers.has('x-ratelimit-limit') && Number.isFinite(limit) ? { limit } : {}),
    ...(headers.has('x-ratelimit-remaining') && Number.isFinite(remaining) ? { remaining } : {}),
    ...(resetAt !== undefined ? { resetAt, resolutionMs: reset?.includes('.') ? 1 : 1000 } : {}),
  };
}

/** A little extra after a reset so clock skew doesn't land the request in the old window. */
const RESET_MARGIN_MS = 15;

export class RatePacer {
  private info: RateLimitInfo = {};
  private inFlight = 0;
  /** Milliseconds spent waiting for the budget, for stats. */
  waitedMs = 0;

  constructor(
    private readonly clock: () => number = Date.now,
    /** Waits `ms` (tests pass one that advances a fake clock). */
    private readonly wait: (ms: number, signal?: AbortSignal) => Promise<unknown> = (ms, signal) =>
      sleep(ms, undefined, signal ? { signal } : {}),
    /** Jitter in [0, 1), so waiting clients don't all resume in the same millisecond. */
    private readonly random: () => number = Math.random,
  ) {}

  async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = this.clock();
      const { remaining, resetAt } = this.info;
      if (resetAt !== undefined && now >= resetAt) this.info = {};
      else if (remaining !== undefined && resetAt !== undefined && remaining - this.inFlight <= 0) {
        const wait = resetAt - now + RESET_MARGIN_MS + Math.floor(this.random() * RESET_MARGIN_MS);
        this.waitedMs += wait;
        await this.wait(wait, signal);
        continue;
      }
      this.inFlight++;
      return;
    }
  }

  release(info: RateLimitInfo | undefined): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    if (!info || info.remaining === undefined || info.resetAt === undefined) return;
    const current = this.info;
    if (current.resetAt === undefined || current.remaining === undefined) {
      this.info = info;
      return;
    }
    // Responses arrive out of order: within one window the lowest `remaining` is the latest truth;
    // a reset clearly later than the known one starts a new window.
    const tolerance = Math.max(info.resolutionMs ?? 1, current.resolutionMs ?? 1) + 30;
    if (info.resetAt > current.resetAt + tolerance) this.info = info;
    else if (info.resetAt >= current.resetAt - tolerance)
      this.info = { ...current, remaining: Math.min(current.remaining, info.remaining) };
  }

  /** After a 429: nothing more is sent until `until`. */
  block(until: number): void {
    this.info = { ...this.info, remaining: 0, resetAt: Math.max(until, this.info.resetAt ?? 0) };
  }
}
