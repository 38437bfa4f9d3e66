/**
 * A throwaway kac project in a temp dir (two hooks in the `regal` namespace), a local Kustomer org
 * to point it at, and a CLI io that captures output, for the end-to-end drift and daemon tests.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { CliIo } from '../../../sync/cli/io.js';
import { main } from '../../../sync/cli/main.js';
import { redact } from '../../../sync/logger.js';
import { startLocalOrg, type LocalOrg } from '../../../sync/local-org/server/server.js';

export const repoRoot = resolve(dirname(new URL(import.meta.url).pathname), '../../..');

export function writeProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'kac-drift-project-'));
  const entry = JSON.stringify(join(repoRoot, 'compiler/index.js'));
  // Like the real repo: ESM, so the authored .ts files load as modules wherever the temp dir is.
  writeFileSync(join(root, 'package.json'), '{ "private": true, "type": "module" }\n');
  writeFileSync(
    join(root, 'kac.config.ts'),
    `import { defineConfig, secret } from ${entry};\n` +
      `export default defineConfig({ namespace: 'regal', environments: { local: { kind: 'local' }, ` +
      `staging: { kind: 'kustomer', baseUrl: 'https://acme-staging.api.kustomerapp.com', apiKey: secret('KUSTOMER_API_KEY_STAGING') } } });\n`,
  );
  mkdirSync(join(root, 'workflows'));
  writeFileSync(
    join(root, 'workflows/hooks.ts'),
    `import { defineHook } from ${entry};\n` +
      `export const calls = defineHook({ name: 'regal-call-events', description: 'Regal call events' });\n` +
      `export const sms = defineHook({ name: 'regal-sms-events', description: 'Regal SMS events' });\n`,
  );
  return root;
}

export async function startOrg(root: string): Promise<LocalOrg> {
  return startLocalOrg({ stateDir: join(root, '.org') });
}

export interface Captured {
  code: number;
  out: string;
  err: string;
}

export async function kac(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Captured> {
  const out: string[] = [];
  const err: string[] = [];
  const push = (list: string[]) => (t: string) => void list.push(redact(t));
  const io: CliIo = {
    out: push(out),
    err: push(err),
    isTTY: false,
    color: false,
    cwd,
    env,
    logger: {
      info: push(err),
      warn: (m) => err.push(`warning: ${redact(m)}`),
      error: (m) => err.push(`error: ${redact(m)}`),
      debug: () => {},
    },
  };
  const code = await main(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A Kustomer API call against the local org, as a person editing in the UI would cause. */
export async function ui(org: LocalOrg, method: string, path: string, body?: unknown): Promise<any> {
  const response = await fetch(`${org.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${org.token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}
