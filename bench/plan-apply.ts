/**
 * Bench: plan and apply 1,000 workflows + 200 Klasses (with attributes) against the local org with
 * 50 ms injected latency. Prints requests made vs the minimum the endpoints allow (list pages of 100,
 * one metadata GET per Klass, one write per change) and wall time vs the floor set by latency,
 * concurrency and the rate budget. Targets: requests = minimum; time within 1.5× the floor.
 * Run alone with `npx tsx bench/plan-apply.ts`, or through bench/run.ts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { JsonObject } from '../compiler/json.js';
import { formatRows, type BenchModule, type BenchRow } from './row.js';
import type { Resource } from '../compiler/resource.js';
import { Journal } from '../sync/apply/journal.js';
import { silentLogger } from '../sync/logger.js';
import { executePlan } from '../sync/operations/apply.js';
import { runPlan } from '../sync/operations/plan.js';
import { planHash } from '../sync/plan/saved-plan.js';
import { createKustomerClient } from '../sync/providers/kustomer/client/index.js';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createKustomerProvider } from '../sync/providers/kustomer/provider.js';

export const WORKFLOWS = 1000;
export const KLASSES = 200;
const LATENCY_MS = 50;
const CONCURRENCY = 16;
const RATE_PER_MINUTE = 60_000;
const PAGE = 100;

export interface BenchLine {
  name: string;
  requests: number;
  minimum: number;
  ms: number;
  floorMs: number;
}

export function desiredProject(): Resource[] {
  const out: Resource[] = [
    {
      kind: 'kustomer.hook',
      key: 'bench-events',
      body: { name: 'bench-events', description: 'bench [managed by kac: bench]', type: 'web' },
      dependsOn: [],
      sensitive: [],
    },
  ];
  for (let k = 0; k < KLASSES; k++) {
    const name = `bench-klass-${k}`;
    out.push({
      kind: 'kustomer.klass',
      key: name,
      body: { name, displayName: `Klass ${k}`, status: 'enabled' },
      dependsOn: [],
      sensitive: [],
    });
    const properties: JsonObject = {
      callIdStr: { type: 'string', displayName: 'Call Id' },
      talkTimeNum: { type: 'number', displayName: 'Talk Time' },
      startedAt: { type: 'date', displayName: 'Started' },
      answeredBool: { type: 'boolean', displayName: 'Answered' },
      recordingUrl: { type: 'url', displayName: 'Recording' },
    };
    out.push({
      kind: 'kustomer.klass-attributes',
      key: name,
      body: { properties },
      dependsOn: [{ kind: 'kustomer.klass', key: name }],
      sensitive: [],
    });
  }
  for (let w = 0; w < WORKFLOWS; w++) {
    const name = `bench-wf-${w}`;
    const klass = `bench-klass-${w % KLASSES}`;
    out.push({
      kind: 'kustomer.workflow',
      key: name,
      body: {
        name,
        description: 'bench [managed by kac: bench]',
        enabled: true,
        meta: { displayName: `Workflow ${w}` },
        trigger: {
          id: '1',
          eventName: 'kustomer.hooks.web.<ref:kustomer.hook:bench-events:id>.receive',
          transitions: [
            { target: 'find', condition: { op: 'eq', values: ['/#steps.1.attributes.data.event', `event-${w}`] } },
          ],
        },
        steps: [
          {
            id: 'find',
            action: 'kustomer.customer.find-by-external-id',
            params: { externalId: '/#steps.1.attributes.data.externalId' },
            transitions: [{ target: 'card', condition: { op: 'true', values: [true] } }],
            errorCases: [],
          },
          {
            id: 'card',
            action: 'kustomer.kobject.create-with-customer',
            params: { customer: '/#steps.find.id', klassName: klass, title: `Event ${w}` },
            transitions: [],
            errorCases: [],
          },
        ],
      },
      dependsOn: [
        { kind: 'kustomer.hook', key: 'bench-events' },
        { kind: 'kustomer.klass', key: klass },
      ],
      sensitive: [],
    });
  }
  return out;
}

const pages = (n: number) => Math.max(1, Math.ceil(n / PAGE));
/** The endpoints' minimum for one read of the org: every list once, one metadata GET per managed Klass. */
function readMinimum(hooks: number, klasses: number, workflows: number): { requests: number; rounds: number } {
  const lists =
    pages(hooks) + 1 /* form hooks */ + pages(klasses) + 1 /* disabled Klasses */ + pages(workflows) + 1; /* outbound */
  const requests = lists + klasses;
  // Pages of one list follow links.next one after another; metadata GETs wait for the Klass list.
  const rounds = Math.max(
    Math.ceil(requests / CONCURRENCY),
    pages(workflows),
    pages(klasses) + Math.ceil(klasses / CONCURRENCY),
  );
  return { requests, rounds };
}

function floorMs(requests: number, rounds: number): number {
  const latency = rounds * LATENCY_MS;
  const rate = (requests / RATE_PER_MINUTE) * 60_000;
  return Math.max(latency, rate);
}

/**
 * The local org in its own process (`kac emulator`), as a real org would be: its CPU time is not
 * charged to the client's event loop.
 */
async function startOrgProcess(): Promise<{ baseUrl: string; token: string; close(): Promise<void> }> {
  const token = randomBytes(16).toString('hex');
  const bin = new URL('../bin/kac.js', import.meta.url).pathname;
  const child = spawn(
    process.execPath,
    [
      bin,
      'emulator',
      '--memory',
      '--latency-ms',
      String(LATENCY_MS),
      '--rate-limit',
      String(RATE_PER_MINUTE),
      '--token',
      token,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const baseUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /KUSTOMER_BASE_URL=(\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`the emulator exited (${code})`)));
  });
  return {
    baseUrl,
    token,
    close: () =>
      new Promise((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function runBench(): Promise<BenchLine[]> {
  const org = await startOrgProcess();
  const dir = await mkdtemp(join(tmpdir(), 'kac-bench-'));
  try {
    const client = createKustomerClient({ baseUrl: org.baseUrl, apiKey: org.token, concurrency: CONCURRENCY });
    const provider = createKustomerProvider(client, { namespace: 'bench' });
    const desired = desiredProject();
    const target = { name: 'bench', target: org.baseUrl, providers: [provider], secret: () => undefined };
    const options = { namespace: 'bench', desired, inspect: false };
    const context = { env: {}, logger: silentLogger };
    const lines: BenchLine[] = [];
    const measure = async <T>(
      name: string,
      minimum: { requests: number; rounds: number },
      fn: () => Promise<T>,
    ): Promise<T> => {
      const before = client.stats().total;
      const t0 = performance.now();
      const result = await fn();
      lines.push({
        name,
        requests: client.stats().total - before,
        minimum: minimum.requests,
        ms: performance.now() - t0,
        floorMs: floorMs(minimum.requests, minimum.rounds),
      });
      return result;
    };

    const planned = await measure('plan (empty org)', readMinimum(0, 0, 0), () => runPlan(target, options, context));
    const { plan } = planned;
    const writes = plan.changes.filter((c) => c.kind === 'create').length;
    const journal = await Journal.open(join(dir, 'journal-bench.json'), 'bench', planHash(plan));
    const result = await measure(
      'apply',
      { requests: writes, rounds: Math.max(Math.ceil(writes / CONCURRENCY), 2) },
      () => executePlan(target, planned, { allowDestroy: false, journal }, { ...context, concurrency: CONCURRENCY }),
    );
    if (result.counts.applied !== writes)
      throw new Error(`apply: ${result.counts.applied}/${writes} applied, ${result.counts.failed} failed`);
    const { plan: again } = await measure(
      `plan (${WORKFLOWS} workflows, ${KLASSES} Klasses)`,
      readMinimum(1, KLASSES, WORKFLOWS),
      () => runPlan(target, options, context),
    );
    const pending = again.changes.filter((c) => c.kind !== 'noop').length;
    if (pending !== 0) throw new Error(`plan after apply: ${pending} change(s) pending`);
    return lines;
  } finally {
    await org.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Rows for bench/run.ts: requests against the endpoints' minimum, wall time against 1.5× the floor. */
export async function runPlanApplyBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const l of await runBench()) {
    rows.push({
      bench: 'plan-apply',
      metric: `${l.name}: requests`,
      value: String(l.requests),
      target: `= ${l.minimum} (minimum)`,
      pass: l.requests === l.minimum,
    });
    rows.push({
      bench: 'plan-apply',
      metric: `${l.name}: wall time`,
      value: `${(l.ms / 1000).toFixed(2)} s (${(l.ms / l.floorMs).toFixed(2)}× floor)`,
      target: `<= 1.5× ${(l.floorMs / 1000).toFixed(2)} s`,
      pass: l.ms <= 1.5 * l.floorMs,
    });
  }
  return rows;
}

export const planApplyBench: BenchModule = { name: 'plan-apply', run: runPlanApplyBench };

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(
    `${LATENCY_MS} ms latency, ${CONCURRENCY} requests in flight, budget ${RATE_PER_MINUTE.toLocaleString('en-US')}/min\n`,
  );
  process.stdout.write(formatRows(await runPlanApplyBench()) + '\n');
}
