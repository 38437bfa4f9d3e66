// Every real, public Kustomer object (test/fixtures/kustomer-real/public/SOURCES.md) round-trips as a
// new team would do it: create it in an empty org through the HTTP API, `kac import`, `kac plan` (empty),
// `kac apply` ("Verified"), and every live object is unchanged, field by field, server fields included.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { z } from 'zod';
import type { JsonObject } from '../../../compiler/json.js';
import type { CliIo } from '../../../sync/cli/io.js';
import { main } from '../../../sync/cli/main.js';
import { memoryLogger } from '../../../sync/logger.js';
import { committedRealExports } from '../../fixtures/kustomer-real.js';
import { REPO_ROOT, emptyOrg, type TestOrg } from './helpers.js';

export interface RealFixture {
  file: string;
  namespace: string;
  workflows: JsonObject[];
  klasses: { klass: JsonObject; metadata: JsonObject }[];
}

const PUBLIC = join(REPO_ROOT, 'test/fixtures/kustomer-real/public');

export async function realFixtures(): Promise<RealFixture[]> {
  const files = (await readdir(PUBLIC)).filter((f) => f.endsWith('.json')).sort();
  const out: RealFixture[] = [];
  for (const file of files) out.push({ file, ...(JSON.parse(await readFile(join(PUBLIC, file), 'utf8')) as Omit<RealFixture, 'file'>) });
  // The exported workflow the repo already keeps (Maquendi/kustomer-apps-configurer).
  for (const { file, body } of committedRealExports()) out.push({ file, namespace: 'poll', workflows: [body], klasses: [] });
  return out;
}

export function fakeIo(cwd: string, env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => void out.push(t), err: (t) => void err.push(t), isTTY: false, color: false, logger: memoryLogger(), cwd, env };
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
    return (await res.json()) as { data: { id: string; attributes: JsonObject } | { id: string; attributes: JsonObject }[] };
  };
  const out: Record<string, unknown> = {};
  const list = async (path: string) => (await get(`${path}?pageSize=100`)).data as { id: string; attributes: JsonObject }[];
  for (const w of await list('/v1/workflows')) out[`workflow ${String(w.attributes.name)}`] = w;
  for (const k of await list('/v1/klasses')) {
    out[`klass ${String(k.attributes.name)}`] = k;
    out[`metadata ${String(k.attributes.name)}`] = (await get(`/v1/metadata/kobject.${String(k.attributes.name)}`)).data;
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

const roundTrip = suite('real public Kustomer objects: create, import, plan, apply, unchanged');

roundTrip('the fixtures come from at least three identified public repositories', async () => {
  const sources = await readFile(join(PUBLIC, 'SOURCES.md'), 'utf8');
  const repos = new Set([...sources.matchAll(/\| `([\w.-]+\/[\w.-]+)` /g)].map((m) => m[1]));
  assert.ok(repos.size >= 3, [...repos].join(', '));
  for (const f of (await readdir(PUBLIC)).filter((x) => x.endsWith('.json'))) assert.ok(sources.includes(`\`${f}\``), `${f} is named in SOURCES.md`);
});

for (const fixture of await realFixtures()) {
  roundTrip(`${fixture.file}: import → empty plan → apply changes no live field`, async () => {
    const t = await emptyOrg();
    const dir = await projectDir(fixture.namespace);
    try {
      await createInOrg(t, fixture);
      const before = await snapshot(t);
      const env = { KUSTOMER_BASE_URL: t.org.baseUrl, KUSTOMER_API_KEY: t.org.token };

      const imported = fakeIo(dir, env);
      assert.is(await main(['import'], imported.io), 0, imported.err.join('\n'));
      const written = imported.out.filter((l) => l.startsWith('wrote '));
      assert.is(written.length, fixture.workflows.length + fixture.klasses.length, imported.out.join('\n'));
      for (const line of written) {
        const text = await readFile(join(dir, line.replace(/^wrote\s+/, '')), 'utf8');
        assert.not.ok(text.includes('NOTE (not expressed'), `${line}: nothing is lost\n${text}`);
      }

      const planned = fakeIo(dir, env);
      const code = await main(['plan', '--detailed-exitcode'], planned.io);
      assert.is(code, 0, `plan is empty\n${planned.out.join('\n')}\n${planned.err.join('\n')}`);

      const applied = fakeIo(dir, env);
      assert.is(await main(['apply', '--auto-approve'], applied.io), 0, applied.err.join('\n'));
      assert.match(applied.out.join('\n'), /Verified: a fresh plan is empty|Nothing to apply/);

      assert.equal(await snapshot(t), before);
    } finally {
      await t.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
}

roundTrip.run();
