// Every real, public Kustomer object (test/fixtures/kustomer-real/public/SOURCES.md) round-trips as a
// new team would do it: create it in an empty org through the HTTP API, `kac import`, `kac plan` (empty),
// `kac apply` ("Verified"), and every live object is unchanged, field by field, server fields included.
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { main } from '../../../sync/cli/main.js';
import { emptyOrg } from './helpers.js';
import { PUBLIC, createInOrg, fakeIo, projectDir, realFixtures, snapshot } from './real-helpers.js';

const roundTrip = suite('real public Kustomer objects: create, import, plan, apply, unchanged');

roundTrip('the fixtures come from at least three identified public repositories', async () => {
  const sources = await readFile(join(PUBLIC, 'SOURCES.md'), 'utf8');
  const repos = new Set([...sources.matchAll(/\| `([\w.-]+\/[\w.-]+)` /g)].map((m) => m[1]));
  assert.ok(repos.size >= 3, [...repos].join(', '));
  for (const f of (await readdir(PUBLIC)).filter((x) => x.endsWith('.json')))
    assert.ok(sources.includes(`\`${f}\``), `${f} is named in SOURCES.md`);
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
      const texts: string[] = [];
      for (const line of written) {
        const text = await readFile(join(dir, line.replace(/^wrote\s+/, '')), 'utf8');
        assert.not.ok(text.includes('NOTE (not expressed'), `${line}: nothing is lost\n${text}`);
        texts.push(text);
      }
      // Its notes are `{ conversation, body }`: the typed builder, whose compile the empty plan below checks.
      if (fixture.file === 'dev-notes-callable.json') assert.match(texts.join('\n'), 'note.create({');

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
