/**
 * Fault injection for the local org: added latency, 429 storms, 5xx and dropped connections, drawn
 * from a seeded generator so a failing test replays exactly. Settable at runtime.
 */

export interface FaultOptions {
  /** Added before every API response, in ms. */
  latencyMs?: number;
  /** Share of API requests (0..1) answered with a 5xx. */
  failRate?: number;
  /** Share of API requests (0..1) whose socket is destroyed without a response. */
  dropRate?: number;
  /** The next `count` API requests are answered 429, whatever the budget says. */
  storm429?: { count: number };
  /** Seed of the generator (default 1). Setting faults with a seed restarts the sequence. */
  seed?: number;
}

/**
 * When a fault strikes relative to the handler: `before` means the request never took effect,
 * `after` means it did and only the response is lost: the case that makes blind POST retries
 * create duplicates.
 */
export type FaultDecision =
  { kind: 'none' } | { kind: 'storm429' } | { kind: 'fail' | 'drop'; when: 'before' | 'after' };

/** mulberry32: small, fast and good enough for reproducible fault sequences. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private options: FaultOptions = {};
  private random: () => number = seededRandom(1);
  private stormLeft = 0;

  constructor(options: FaultOptions = {}) {
    this.set(options);
  }

  set(options: FaultOptions): void {
    this.options = { ...options };
    this.random = seededRandom(options.seed ?? 1);
    this.stormLeft = options.storm429?.count ?? 0;
  }

  get latencyMs(): number {
    return this.options.latencyMs ?? 0;
  }

  /** Draws the fault for one request; always draws the same number of values, so runs replay. */
  decide(): FaultDecision {
    const roll = this.random();
    const when = this.random() < 0.5 ? 'before' : 'after';
    if (this.stormLeft > 0) {
      this.stormLeft--;
      return { kind: 'storm429' };
    }
    const drop = this.options.dropRate ?? 0;
    const fail = this.options.failRate ?? 0;
    if (roll < drop) return { kind: 'drop', when };
    if (roll < drop + fail) return { kind: 'fail', when };
    return { kind: 'none' };
  }
}
