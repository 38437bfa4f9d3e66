/**
 * The org side of the studio, read through the Kustomer client (the same code that talks to a real
 * org): hooks and their URLs, customers and their timelines, run logs (local org only, through the
 * emulator's `GET /__kac/runs`) and posting an event to a hook (local org only: a real org is
 * read-only here). The API key stays in this process.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ExitError } from '../errors.js';
import { readHooks, type HookInfo } from '../inspect/hooks.js';
import {
  customerMatches,
  customersWithCards,
  findCustomer,
  readKlasses,
  readTimeline,
  type CustomerSummary,
  type TimelineCard,
} from '../inspect/timeline.js';
import type { StoredRun } from '../local-org/store/state.js';
import type { KustomerClient } from '../providers/kustomer/client/index.js';

export const SAMPLES_DIR = 'test/fixtures/regal';

const RunsSchema = z.object({
  data: z.array(
    z.looseObject({
      hookId: z.string(),
      eventName: z.string(),
      log: z.looseObject({ id: z.string(), workflowName: z.string() }),
    }),
  ),
});

export interface OrgData {
  readonly readOnly: boolean;
  hooks(): Promise<HookInfo[]>;
  searchCustomers(text: string): Promise<CustomerSummary[]>;
  timeline(customerId: string): Promise<{ customer: CustomerSummary; cards: (TimelineCard & { runId?: string })[] }>;
  runs(): Promise<StoredRun[]>;
  postEvent(hookName: string, json: string): Promise<{ status: number; runs: StoredRun[] }>;
}

export interface OrgDataOptions {
  client: KustomerClient;
  /** Local org (emulator): runs are readable and events may be posted with `token`. */
  local?: { token: string };
  fetch?: typeof fetch;
}

/** KObject id → the run that created it (a step whose output is that object). */
export function runsByObject(runs: readonly StoredRun[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const { log } of runs) {
    for (const step of log.steps) {
      const id = (step.output as { id?: unknown } | undefined)?.id;
      if (step.id !== '1' && typeof id === 'string' && step.action?.includes('kobject')) map.set(id, log.id);
    }
  }
  return map;
}

export function createOrgData(o: OrgDataOptions): OrgData {
  const { client } = o;
  const doFetch = o.fetch ?? fetch;
  const runs = async (): Promise<StoredRun[]> => {
    if (!o.local) return [];
    const body = await client.request('GET', '/__kac/runs', { schema: RunsSchema });
    return body.data as unknown as StoredRun[];
  };
  return {
    readOnly: !o.local,
    hooks: () => readHooks(client),
    async searchCustomers(text) {
      const exact = text.trim() ? await findCustomer(client, text) : undefined;
      // Listing every card is for the local org; a real org is searched by exact lookups only.
      const known = o.local ? await customersWithCards(client) : [];
      const matches = known.filter((c) => customerMatches(c, text));
      return exact && !matches.some((c) => c.id === exact.customer.id) ? [exact.customer, ...matches] : matches;
    },
    async timeline(customerId) {
      const found = await findCustomer(client, customerId);
      if (!found) throw new ExitError(`customer ${customerId} not found`);
      const [cards, all] = await Promise.all([
        readTimeline(client, found.customer.id, await readKlasses(client)),
        runs(),
      ]);
      const byObject = runsByObject(all);
      return {
        customer: found.customer,
        cards: cards.reverse().map((c) => ({ ...c, ...(byObject.has(c.id) ? { runId: byObject.get(c.id)! } : {}) })),
      };
    },
    runs,
    async postEvent(hookName, json) {
      if (!o.local) throw new ExitError('this environment is shown read-only: events are posted only to the local org');
      try {
        JSON.parse(json);
      } catch (error) {
        throw new ExitError(`the event is not JSON: ${(error as Error).message}`);
      }
      const hook = (await readHooks(client)).find((h) => h.name === hookName);
      if (!hook?.url) throw new ExitError(`no hook "${hookName}" with a URL in this org`);
      const before = new Set((await runs()).map((r) => r.log.id));
      const res = await doFetch(hook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(hook.kind === 'web' ? { authorization: `Bearer ${o.local.token}` } : {}),
        },
        body: json,
        redirect: 'error',
      });
      await res.arrayBuffer();
      return { status: res.status, runs: (await runs()).filter((r) => !before.has(r.log.id)) };
    },
  };
}

/** The sample events the project ships (Regal's), by file name. */
export async function listSamples(root: string): Promise<string[]> {
  try {
    return (await readdir(join(root, SAMPLES_DIR))).filter((f) => f.endsWith('.json')).sort();
  } catch {
    return [];
  }
}

export async function readSample(root: string, file: string): Promise<string | undefined> {
  if (!(await listSamples(root)).includes(file)) return undefined;
  return readFile(join(root, SAMPLES_DIR, file), 'utf8');
}
