/**
 * End-to-end harness: a private copy of the e2e fixture project (a sibling folder, so its relative
 * imports still resolve), a local org on loopback, and the real CLI run in-process through
 * `main(argv, io)` with output captured. Everything is removed by `dispose()`.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { main } from '../../sync/cli/main.js';
import type { CliIo } from '../../sync/cli/io.js';
import { redact } from '../../sync/logger.js';
import { startLocalOrg, type LocalOrg, type LocalOrgOptions } from '../../sync/local-org/server/server.js';

export const repoRoot = resolve(dirname(new URL(import.meta.url).pathname), '../..');
export const SYNC_TOKEN = 'e2e-sync-secret-9f8e7d6c';

export interface Run {
  code: number;
  out: string;
  err: string;
}

export interface Harness {
  root: string;
  org: LocalOrg;
  env: NodeJS.ProcessEnv;
  /** Every line any command printed, for the no-secret check. */
  transcript: string[];
  kac(...args: string[]): Promise<Run>;
  dispose(): Promise<void>;
}

/** `project`: a folder under test/fixtures/projects (default `e2e`). */
export async function createHarness(orgOptions: LocalOrgOptions = {}, project = 'e2e'): Promise<Harness> {
  const parent = join(repoRoot, 'test/fixtures/projects');
  const root = await mkdtemp(join(parent, `${project}-run-`));
  await cp(join(parent, project), root, { recursive: true, filter: (src) => !src.includes('.kac') });
  const org = await startLocalOrg({ stateDir: null, rateLimitPerMinute: 100_000, ...orgOptions });
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    KUSTOMER_BASE_URL: org.baseUrl,
    KUSTOMER_API_KEY: org.token,
    E2E_SYNC_TOKEN: SYNC_TOKEN,
  };
  const transcript: string[] = [];
  return {
    root,
    org,
    env,
    transcript,
    async kac(...args) {
      const out: string[] = [];
      const err: string[] = [];
      // Like processIo: everything printed passes through redact().
      const io: CliIo = {
        out: (t) => void out.push(redact(t)),
        err: (t) => void err.push(redact(t)),
        isTTY: false,
        color: false,
        logger: {
          info: (m) => void err.push(redact(m)),
          warn: (m) => void err.push(redact(`warning: ${m}`)),
          error: (m) => void err.push(redact(`error: ${m}`)),
          debug() {},
        },
        cwd: root,
        env,
      };
      const code = await main(args, io);
      transcript.push(...out, ...err);
      return { code, out: out.join('\n'), err: err.join('\n') };
    },
    async dispose() {
      await org.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** Names of the org's objects by kind, duplicates kept (to catch double creates). */
export function orgNames(org: LocalOrg): Record<string, string[]> {
  const s = org.store.state;
  const names = (rows: { attributes: Record<string, unknown> }[]) => rows.map((r) => String(r.attributes.name)).sort();
  return {
    hooks: names(s.hooks),
    klasses: names(s.klasses),
    workflows: names(s.workflows),
    outboundWebhooks: names(s.outboundWebhooks),
  };
}
