/**
 * The studio over a real (kind `kustomer`) environment is read-only and keeps its key: played here by
 * the local org named as a `kustomer` environment in a copy of the e2e project.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createStudio } from '../../../sync/studio/run.js';
import { createHarness } from '../../e2e/harness.js';

test('no event form, no posting, no run logs, exact customer lookups, and the key in no response', async () => {
  const h = await createHarness();
  try {
    // Written before anything loads the config (modules are cached per process).
    await writeFile(
      join(h.root, 'kac.config.ts'),
      `import { defineConfig, secret } from '../../../../compiler/index.js';\nexport default defineConfig({ namespace: 'e2e', environments: { local: { kind: 'local' }, remote: { kind: 'kustomer', baseUrl: '${h.org.baseUrl}', apiKey: secret('REMOTE_KEY') } } });\n`,
    );
    const applied = await h.kac('apply', '--auto-approve');
    assert.is(applied.code, 0, applied.err);
    const studio = await createStudio({
      root: h.root,
      envName: 'remote',
      processEnv: { PATH: process.env.PATH, REMOTE_KEY: h.org.token },
    });
    try {
      const bodies: string[] = [];
      const call = async (path: string, init: RequestInit = {}) => {
        const res = await fetch(new URL(path, studio.url), init);
        const text = await res.text();
        bodies.push(text);
        return { status: res.status, body: JSON.parse(text) };
      };
      const overview = await call('/api/overview');
      assert.equal(overview.body.env, { name: 'remote', kind: 'kustomer', target: h.org.baseUrl, readOnly: true });
      const hooks = await call('/api/hooks');
      assert.ok(hooks.body[0].live.url.startsWith(h.org.baseUrl));
      const posted = await call(`/api/hooks/${hooks.body[0].name}/events`, {
        method: 'POST',
        body: '{}',
        headers: { 'x-kac-studio': '1' },
      });
      assert.is(posted.status, 400);
      assert.match(posted.body.error, /read-only/);
      assert.equal((await call('/api/runs')).body, []);
      assert.equal((await call('/api/customers?q=')).body, [], 'no listing of a real org');
      assert.is((await call('/api/plan')).status, 200);
      for (const b of bodies) assert.not.ok(b.includes(h.org.token), b.slice(0, 200));
    } finally {
      await studio.close();
    }
  } finally {
    await h.dispose();
  }
});

test.run();
