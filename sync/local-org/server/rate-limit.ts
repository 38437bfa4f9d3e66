/**
 * The org-wide request budget: a fixed window (60 s in Kustomer; shorter in tests) with the
 * `x-ratelimit-*` headers on every response and 429 once the budget is spent.
 */
import { formatRateLimitReset } from '../inferred-api.js';

export interface RateLimitState {
  limit: number;
  remaining: number;
  msUntilReset: number;
}

export class RateLimiter {
  private windowStart = 0;
  private used = 0;

  constructor(
    public limit: number,
    public windowMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Counts one request; `allowed` false means answer 429. */
  take(): RateLimitState & { allowed: boolean } {
    const now = this.clock();
    if (now - this.windowStart >= this.windowMs) {
      this.windowStart = now;
      this.used = 0;
    }
    const allowed = this.used < this.limit;
    if (allowed) this.used++;
    return { allowed, ...this.peek(now) };
  }

  peek(now = this.clock()): RateLimitState {
    const msUntilReset = Math.max(0, this.windowStart + this.windowMs - now);
    return { limit: this.limit, remaining: Math.max(0, this.limit - this.used), msUntilReset };
  }
}

export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  return {
    'x-ratelimit-limit': String(state.limit),
    'x-ratelimit-remaining': String(state.remaining),
    'x-ratelimit-reset': formatRateLimitReset(state.msUntilReset),
  };
}
