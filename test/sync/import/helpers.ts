/**
 * The round trip's pieces for the import suites: an empty local org with its provider, applying a
 * project to it, writing generated files, and planning a folder against the org.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { buildProject, type ProjectBuild } from '../../../compiler/build.js';
import { formatDiagnostic, hasErrors } from '../../../compiler/diagnostics.js';
import type { JsonObject } from '../../../compiler/json.js';
import { mapStrings, replaceRefs, replaceSecrets } from '../../../compiler/placeholders.js';
import { compareResources, resourceId, type ResourceKind } from '../../../compiler/resource.js';
import type { GeneratedFile } from '../../../sync/import/generate.js';
import { silentLogger } from '../../../sync/logger.js';
import { planChanges } from '../../../sync/plan/plan-changes.js';
import type { Plan } from '../../../sync/plan/types.js';
import { createKustomerClient, type KustomerClient } from '../../../sync/providers/kustomer/client/index.js';
import { startLocalOrg, type LocalOrg } from '../../../sync/local-org/server/server.js';
import { createKustomerProvider } from '../../../sync/providers/kustomer/provider.js';
import type { LiveResource, Provider } from '../../../sync/providers/provider.js';

export const REPO_ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../../..');
export const FIXTURES = join(REPO_ROOT, 'test/fixtures/import');

export interface TestOrg {
  org: LocalOrg;
  client: KustomerClient;
  provider: Provider;
  live(): Promise<LiveResource[]>;
  close(): Promise<void>;
}

export async function emptyOrg(): Promise<TestOrg> {
  const org = await startLocalOrg({ stateDir: null });
  const client = createKustomerClient({ baseUrl: org.baseUrl, apiKey: org.token });
  const provider = createKustomerProvider(client);
  return { org, client, provider, live: () => provider.fetchLive({ logger: silentLogger }), close: () => org.close() };
}

export async function buildOk(root: string): Promise<ProjectBuild> {
  const build = await buildProject(root);
  if (hasErrors(build.diagnostics)) throw new Error(build.diagnostics.map(formatDiagnostic).join('\n'));
  return build;
}

export function plan(
  build: ProjectBuild,
  live: LiveResource[],
  provider: Provider,
  secrets: Record<string, string> = {},
): Plan {
  return planChanges({
    now: new Date(0),
    namespace: build.config.namespace,
    environment: { name: 'local', target: 'test' },
    desired: build.resources,
    live,
    providedKinds: new Set<ResourceKind>(provider.kinds),
    secret: (name) => secrets[name],
  });
}

/**
 * Compiles `root` and creates every resource in the empty org through the provider, in dependency
 * order, placeholders resolved (apply's job, done here directly so these suites test import alone).
 */
export async function applyProject(root: string, t: TestOrg, secrets: Record<string, string>): Promise<void> {
  const build = await buildOk(root);
  const outputs = new Map<string, Record<string, string>>();
  for (const resource of [...build.resources].sort(compareResources)) {
    const body = mapStrings(resource.body, (s) =>
      replaceSecrets(
        replaceRefs(s, (ref) => outputs.get(resourceId(ref))?.[ref.field]),
        (name) => secrets[name],
      ),
    ) as JsonObject;
    const created = await t.provider.create({ ...resource, body }, { logger: silentLogger });
    outputs.set(resourceId(resource), created.outputs);
  }
}

export async function writeFiles(dir: string, files: readonly GeneratedFile[]): Promise<void> {
  for (const f of files) {
    await mkdir(dirname(join(dir, f.path)), { recursive: true });
    await writeFile(join(dir, f.path), f.content);
  }
}

/**
 * Generated files are checked in as golden files (so tsc type-checks them with the repo): the test
 * compares byte for byte; `UPDATE_GOLDEN=1` rewrites them.
 */
export async function expectGolden(
  dir: string,
  files: readonly GeneratedFile[],
): Promise<{ path: string; expected: string; actual: string }[]> {
  if (process.env.UPDATE_GOLDEN) await writeFiles(dir, files);
  const mismatches = [];
  for (const f of files) {
    const expected = await readFile(join(dir, f.path), 'utf8').catch(() => '(missing)');
    if (expected !== f.content) mismatches.push({ path: f.path, expected, actual: f.content });
  }
  return mismatches;
}

export function pending(p: Plan): string[] {
  return p.changes
    .filter((c) => c.kind !== 'noop')
    .map((c) => `${c.kind} ${c.resource.kind}:${c.resource.key}\n${'diff' in c ? c.diff : ''}`);
}
