/**
 * Helpers for the suites over real, public Kustomer objects (test/fixtures/kustomer-real/public):
 * load them, create them in a local org through the HTTP API, snapshot every live object, and a
 * project folder with a config for `kac import`.
 */
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import type { JsonObject } from '../../../compiler/json.js';
import type { CliIo } from '../../../sync/cli/io.js';
import { memoryLogger } from '../../../sync/logger.js';
import { committedRealExports } from '../../fixtures/kustomer-real.js';
import { REPO_ROOT, type TestOrg } from './helpers.js';

export interface RealFixture {
  file: string;
  namespace: string;
  workflows: JsonObject[];
  klasses: { klass: JsonObject; metadata: JsonObject }[];
}

export const PUBLIC = join(REPO_ROOT, 'test/fixtures/kustomer-real/public');

export async function realFixtures(): Promise<RealFixture[]> {
  const files = (await readdir(PUBLIC)).filter((f) => f.endsWith('.json')).sort();
  const out: RealFixture[] = [];
  for (const file of files)
    out.push({ file, ...(JSON.parse(await readFile(join(PUBLIC, file), 'utf8')) as Omit<RealFixture, 'file'>) });
  // The exported workflow the repo already keeps (Maquendi/kustomer-apps-configurer).
  for (const { file, body } of committedRealExports())
    out.push({ file, namespace: 'poll', workflows: [body], klasses: [] });
  return out;
}

export function fakeIo(cwd: string, env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
    isTTY: false,
    color: false,
    logger: memoryLogger(),
    cwd,
    env,
  };
  return { io, out, err };
}

/** Creates the fixture's objects as a user (or an app install) would, through the HTTP API. */
export async function createInOrg(t: TestOrg, fixture: RealFixture): Promise<void> {
  for (const { klass, metadata } of fixture.klasses) {
    await t.client.post('/v1/klasses', klass, z.unknown());
    await t.client.put(`/v1/metadata/kobject.${String(klass.name)}`, metadata, z.unknown());
  }
  for (const workflow of fixture.workflows) await t.client.post('/v1/workflows', workflow, z.unknown());
}

/** Every live object as the API returns it (all fields, server fields included), by kind and name. */
export async function snapshot(t: TestOrg): Promise<Record<string, unknown>> {
  const get = async (path: string) => {
    const res = await fetch(`${t.org.baseUrl}${path}`, { headers: { authorization: `Bearer ${t.org.token}` } });
    return (await res.json()) as {
      data: { id: string; attributes: JsonObject } | { id: string; attributes: JsonObject }[];
    };
  };
  const out: Record<string, unknown> = {};
  const list = async (path: string) =>
    (await get(`${path}?pageSize=100`)).data as { id: string; attributes: JsonObject }[];
  for (const w of await list('/v1/workflows')) out[`workflow ${String(w.attributes.name)}`] = w;
  for (const k of await list('/v1/klasses')) {
    out[`klass ${String(k.attributes.name)}`] = k;
    out[`metadata ${String(k.attributes.name)}`] = (
      await get(`/v1/metadata/kobject.${String(k.attributes.name)}`)
    ).data;
  }
  return out;
}

export async function projectDir(namespace: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `kac-real-${namespace}-`));
  await writeFile(
    join(dir, 'kac.config.ts'),
    `import { defineConfig } from '${join(REPO_ROOT, 'compiler/index.js')}';\nexport default defineConfig({ namespace: '${namespace}', environments: { local: { kind: 'local' } } });\n`,
  );
  return dir;
}
