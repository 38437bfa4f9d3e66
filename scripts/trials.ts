/**
 * The issue-11 trials, loopback only and bounded: real `kac` child processes against local orgs.
 *   1. `apply plan.json` killed (SIGKILL) at a random point, then `apply plan.json` again: converges?
 *   2. two `kac apply` at once against one org: duplicates? each exits 0 or names the lock holder?
 *   3. apply killed midway on org A, then apply to org B: B converges in one apply?
 * Prints one line per trial and the totals. `npx tsx scripts/trials.ts [kills=20] [concurrent=10] [ab=3] [seed=11]`
 * (the hostile-server cases are test/e2e/hostile-http.test.ts). Exit 1 when any trial fails.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { startLocalOrg, type LocalOrg } from '../sync/local-org/server/server.js';
import { createHarness, orgNames, repoRoot, type Harness } from '../test/e2e/harness.js';

const [kills = 20, concurrent = 10, ab = 3, seed = 11] = process.argv.slice(2).map(Number);
const TRIAL_TIMEOUT_MS = 120_000;

/** mulberry32: the kill points are reproducible for a seed (the process timing is not). */
function random(s: number): () => number {
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(seed);

interface Child {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

/** A real `kac` process; `killWhen` sees stderr as it grows and may SIGKILL it (now, or that many ms later). */
function kac(
  h: Harness,
  env: NodeJS.ProcessEnv,
  args: string[],
  killWhen?: (err: string) => boolean | number,
): Promise<Child> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(repoRoot, 'bin/kac.js'), ...args], {
      cwd: h.root,
      env: { ...env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const guard = setTimeout(() => child.kill('SIGKILL'), TRIAL_TIMEOUT_MS);
    child.stdout.on('data', (d) => (out += d));
    let armed = false;
    child.stderr.on('data', (d) => {
      err += d;
      if (!killWhen || armed || child.killed) return;
      const when = killWhen(err);
      if (when === false) return;
      armed = true;
      if (when === true || when === 0) child.kill('SIGKILL');
      else setTimeout(() => child.kill('SIGKILL'), when);
    });
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      resolve({ code, signal, out, err });
    });
  });
}

const oks = (err: string) => (err.match(/^ok /gm) ?? []).length;
const duplicates = (org: LocalOrg) =>
  Object.values(orgNames(org)).reduce((n, names) => n + (names.length - new Set(names).size), 0);
const complete = (org: LocalOrg) =>
  JSON.stringify(orgNames(org)) ===
  JSON.stringify({
    hooks: ['e2e-events'],
    klasses: ['e2e-call'],
    workflows: ['e2e-call-completed'],
    outboundWebhooks: ['e2e-sync'],
  });

async function emptyPlan(h: Harness, env: NodeJS.ProcessEnv): Promise<boolean> {
  return (await kac(h, env, ['plan', '--detailed-exitcode'])).code === 0;
}

async function killAndResume(i: number): Promise<boolean> {
  const h = await createHarness();
  try {
    const env = { ...h.env };
    if ((await kac(h, env, ['plan', '--out', 'plan.json'])).code !== 0) throw new Error('plan failed');
    // Kill after 0..4 finished changes, at a random moment (latency spreads the requests out).
    const after = process.env.TRIAL_KILL_AFTER ? Number(process.env.TRIAL_KILL_AFTER) : Math.floor(rand() * 5);
    const delay = Math.floor(rand() * 150);
    h.org.setFaults({ latencyMs: 40 + Math.floor(rand() * 80) });
    const first = await kac(h, env, ['apply', 'plan.json', '--auto-approve'], (err) =>
      oks(err) < after ? false : delay,
    );
    h.org.setFaults({});
    const made = Object.values(orgNames(h.org)).flat().length;
    const resumed = await kac(h, env, ['apply', 'plan.json', '--auto-approve']);
    const ok = resumed.code === 0 && complete(h.org) && duplicates(h.org) === 0 && (await emptyPlan(h, env));
    console.log(
      `kill+resume ${i + 1}: killed after ${oks(first.err)} change(s) (${first.signal ?? `exit ${first.code}`}, ${made} object(s) made) → resume exit ${resumed.code}, ${
        ok
          ? 'converged, plan empty'
          : `NOT converged: ${resumed.err
              .split('\n')
              .filter((l) => /error|stale|changed|created|removed|hint/.test(l))
              .join(' | ')} ${resumed.out.split('\n').slice(-3).join(' | ')}`
      }`,
    );
    return ok;
  } finally {
    await h.dispose();
  }
}

async function twoAtOnce(i: number): Promise<boolean> {
  const h = await createHarness();
  try {
    const env = { ...h.env };
    h.org.setFaults({ latencyMs: 20 });
    const runs = await Promise.all([
      kac(h, env, ['apply', '--auto-approve', '--lock-timeout', '0']),
      kac(h, env, ['apply', '--auto-approve', '--lock-timeout', '0']),
    ]);
    h.org.setFaults({});
    const fine = runs.every(
      (r) => r.code === 0 || (r.code === 1 && /is being changed by another kac run: process \d+ on \S+/.test(r.err)),
    );
    const dup = duplicates(h.org);
    const ok = fine && dup === 0 && complete(h.org);
    console.log(
      `concurrent ${i + 1}: exits ${runs.map((r) => r.code).join(' and ')}${runs.some((r) => r.code === 1) ? ' (one refused, naming the lock holder)' : ''}, ${dup} duplicate(s) → ${ok ? 'ok' : 'FAILED'}`,
    );
    return ok;
  } finally {
    await h.dispose();
  }
}

async function aThenB(i: number): Promise<boolean> {
  const h = await createHarness();
  const b = await startLocalOrg({ stateDir: null, rateLimitPerMinute: 100_000 });
  try {
    h.org.setFaults({ latencyMs: 60 });
    const onA = await kac(h, { ...h.env }, ['apply', '--auto-approve'], (err) => oks(err) >= 1 + (i % 3));
    const envB = { ...h.env, KUSTOMER_BASE_URL: b.baseUrl, KUSTOMER_API_KEY: b.token };
    const onB = await kac(h, envB, ['apply', '--auto-approve']);
    const ok =
      onB.code === 0 &&
      complete(b) &&
      duplicates(b) === 0 &&
      /Apply complete: 5 applied\./.test(onB.out) &&
      (await emptyPlan(h, envB));
    console.log(
      `A then B ${i + 1}: A killed after ${oks(onA.err)} change(s); B: exit ${onB.code}, ${ok ? 'converged in one apply' : 'NOT converged'}`,
    );
    return ok;
  } finally {
    await b.close();
    await h.dispose();
  }
}

const tally = async (name: string, n: number, trial: (i: number) => Promise<boolean>) => {
  let passed = 0;
  for (let i = 0; i < n; i++)
    if (await trial(i).catch((e: unknown) => (console.log(`${name} ${i + 1}: error ${String(e)}`), false))) passed++;
  return `${name}: ${passed}/${n}`;
};

const totals = [
  await tally('kill+resume of apply plan.json', kills, killAndResume),
  await tally('two concurrent applies', concurrent, twoAtOnce),
  await tally('interrupted on A, applied to B', ab, aThenB),
];
console.log(`\n${totals.join('\n')}`);
process.exitCode = totals.every((t) => /: (\d+)\/\1$/.test(t)) ? 0 : 1;
