// RatePacer against the local org's RateLimiter, on one fake clock: the client waits for the window
// instead of drawing 429s from the budget. No real time passes, so CPU load cannot change the result.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { rateLimitHeaders, RateLimiter } from '../../../../../sync/local-org/server/rate-limit.js';
import { RatePacer, readRateLimit } from '../../../../../sync/providers/kustomer/client/pacer.js';

/** Time that moves only when someone waits: sleeping resolves once every earlier wake-up has run. */
function fakeTime() {
  let now = 1_000_000;
  const sleepers: { at: number; wake: () => void }[] = [];
  const sleep = (ms: number) =>
    new Promise<void>((wake) => {
      sleepers.push({ at: now + ms, wake });
      sleepers.sort((a, b) => a.at - b.at);
    });
  /** Runs the program to the end: whenever everything waits, jump to the next wake-up. */
  const settle = async (done: Promise<unknown>) => {
    let finished = false;
    void done.then(() => (finished = true));
    while (!finished) {
      for (let i = 0; i < 50; i++) await Promise.resolve();
      const next = sleepers.shift();
      if (!next) continue;
      now = Math.max(now, next.at);
      next.wake();
    }
    return done;
  };
  return { clock: () => now, sleep, settle, advance: (ms: number) => void (now += ms) };
}

const pacing = suite('RatePacer');

pacing('30 requests, 4 in flight, 8 per 150 ms window: no 429, the client waits for each reset', async () => {
  const time = fakeTime();
  const limiter = new RateLimiter(8, 150, time.clock);
  const pacer = new RatePacer(time.clock, time.sleep, () => 0);
  let refused = 0;
  let sent = 0;
  const request = async () => {
    await pacer.acquire();
    sent++;
    const state = limiter.take();
    if (!state.allowed) refused++;
    // The response arrives a little later (5 ms of network), with the budget it was counted against.
    await time.sleep(5);
    pacer.release(readRateLimit(new Headers(rateLimitHeaders(state)), time.clock()));
  };
  await time.settle(request());
  // Four at a time, as the client's queue sends them.
  const queue = Array.from({ length: 30 }, () => request);
  const lanes = Array.from({ length: 4 }, async () => {
    for (let job = queue.shift(); job; job = queue.shift()) await job();
  });
  await time.settle(Promise.all(lanes));
  assert.is(sent, 31);
  assert.is(refused, 0, 'no request was sent into a spent window');
  assert.ok(pacer.waitedMs >= 3 * 150, `waited for at least three resets (${pacer.waitedMs} ms)`);
});

pacing('after a 429, nothing is sent until the time it names', async () => {
  const time = fakeTime();
  const pacer = new RatePacer(time.clock, time.sleep, () => 0);
  pacer.block(time.clock() + 1_000);
  const start = time.clock();
  await time.settle(pacer.acquire());
  assert.ok(time.clock() - start >= 1_000);
});

pacing.run();
