import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { curlLine, readHooks, renderHooks, type HookInfo } from '../../../sync/inspect/hooks.js';
import { startLocalOrg } from '../../../sync/local-org/server/server.js';
import { createKustomerClient } from '../../../sync/providers/kustomer/client/index.js';
import { silentLogger } from '../../../sync/logger.js';
import { createHarness, repoRoot } from '../../e2e/harness.js';

const HOOK: HookInfo = {
  name: 'regal-events',
  kind: 'web',
  url: 'http://127.0.0.1:4000/v1/hooks/web/abc',
  eventName: 'kustomer.hooks.web.1.receive',
  workflows: [
    { name: 'regal-a', enabled: true },
    { name: 'regal-b', enabled: false },
  ],
};

const render = suite('curlLine and renderHooks');
render('a web hook sends the key by its variable; a form hook sends none', () => {
  assert.is(
    curlLine(HOOK, { keyVar: 'KUSTOMER_API_KEY', data: '@e.json' }),
    `curl -sS -X POST "http://127.0.0.1:4000/v1/hooks/web/abc" -H "Authorization: Bearer $KUSTOMER_API_KEY" -H 'Content-Type: application/json' --data @e.json`,
  );
  assert.is(
    curlLine({ kind: 'form', url: 'https://x/v1/hooks/form/o/h' }, { keyVar: 'K', data: `{"a":"it's"}` }),
    `curl -sS -X POST "https://x/v1/hooks/form/o/h" -H 'Content-Type: application/json' --data '{"a":"it'\\''s"}'`,
  );
});
render('each hook: what it triggers, its URL, a curl line', () => {
  assert.is(
    renderHooks([HOOK], {
      keyVar: 'KUSTOMER_API_KEY_STAGING',
      data: '@e.json',
      keyHint: 'the key: $KUSTOMER_API_KEY_STAGING',
    }),
    [
      "Hooks (POST a JSON event to a hook's URL, as Regal does):",
      '  the key: $KUSTOMER_API_KEY_STAGING',
      '  regal-events (web hook): triggers regal-a (disabled: regal-b)',
      '    http://127.0.0.1:4000/v1/hooks/web/abc',
      `    curl -sS -X POST "http://127.0.0.1:4000/v1/hooks/web/abc" -H "Authorization: Bearer $KUSTOMER_API_KEY_STAGING" -H 'Content-Type: application/json' --data @e.json`,
    ].join('\n'),
  );
});
render('an org that stops with the command: URLs against $KUSTOMER_BASE_URL, and how to start one', () => {
  const text = renderHooks([HOOK], {
    keyVar: 'KUSTOMER_API_KEY',
    data: '@e.json',
    ephemeralBaseUrl: 'http://127.0.0.1:4000',
  });
  assert.match(text, /npx kac emulator --port 4000/);
  assert.match(text, /\n {4}\$KUSTOMER_BASE_URL\/v1\/hooks\/web\/abc\n/);
  assert.match(text, /curl -sS -X POST "\$KUSTOMER_BASE_URL\/v1\/hooks\/web\/abc"/);
  assert.is(
    renderHooks([], { keyVar: 'K', data: '{}' }),
    'No hooks in this org yet: `kac apply` creates the ones defined in git.',
  );
});
render.run();

const live = suite('readHooks, the emulator banner, kac hooks and a local apply');
live('readHooks: each hook with its URL and the workflows it triggers', async () => {
  const org = await startLocalOrg({ stateDir: null });
  try {
    const post = (path: string, body: unknown) =>
      fetch(`${org.baseUrl}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${org.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then((r) => r.json() as Promise<any>);
    const web = (await post('/v1/hooks/web', { name: 'regal-events' })).data;
    await post('/v1/hooks/form', { name: 'regal-form' });
    await post('/v1/workflows', {
      name: 'regal-on-web',
      enabled: true,
      trigger: { id: '1', eventName: web.attributes.eventName, transitions: [] },
      steps: [],
    });
    const hooks = await readHooks(
      createKustomerClient({ baseUrl: org.baseUrl, apiKey: org.token, logger: silentLogger }),
    );
    assert.equal(
      hooks.map((h) => [h.name, h.kind, h.workflows]),
      [
        ['regal-events', 'web', [{ name: 'regal-on-web', enabled: true }]],
        ['regal-form', 'form', []],
      ],
    );
    assert.is(hooks[0]!.url, web.attributes.url);
    assert.match(hooks[1]!.url!, new RegExp(`/v1/hooks/form/${org.orgId}/[0-9a-f]{40}$`));
  } finally {
    await org.close();
  }
});

live('kac emulator prints each saved hook with a curl line that names the token, never holds it', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'kac-banner-'));
  try {
    const org = await startLocalOrg({ stateDir: dir });
    await fetch(`${org.baseUrl}/v1/hooks/web`, {
      method: 'POST',
      headers: { authorization: `Bearer ${org.token}`, 'content-type': 'application/json' },
      body: '{"name":"regal-events"}',
    }).then((r) => r.arrayBuffer());
    const token = org.token;
    await org.close();
    const child = spawn(process.execPath, ['bin/kac.js', 'emulator', '--state', dir], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    await new Promise<void>((done, fail) => {
      child.stdout.on('data', (d) => {
        stdout += d;
        if (/curl -sS .*\n/.test(stdout)) done();
      });
      child.on('exit', (code) => fail(new Error(`emulator exited (${code}): ${stdout}`)));
    });
    const exited = new Promise((done) => child.on('exit', done));
    child.kill('SIGTERM');
    await exited;
    const baseUrl = /KUSTOMER_BASE_URL=(\S+)/.exec(stdout)![1]!;
    assert.match(
      stdout,
      new RegExp(
        `\\n {2}regal-events \\(web hook\\): triggers no enabled workflow\\n {4}${baseUrl}/v1/hooks/web/[0-9a-f]{40}\\n`,
      ),
    );
    const curl = stdout.split('\n').find((l) => l.includes('curl -sS'))!;
    assert.match(
      curl,
      /-H "Authorization: Bearer \$KUSTOMER_API_KEY" .* --data @test\/fixtures\/regal\/call\.completed\.json$/,
    );
    assert.not.ok(curl.includes(token));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

live('kac hooks --json reads the org; kac apply --env local ends with the hooks and what to run next', async () => {
  const h = await createHarness();
  try {
    const applied = await h.kac('apply', '--env', 'local', '--auto-approve');
    assert.is(applied.code, 0, applied.err);
    assert.match(
      applied.out,
      /\nHooks \(POST a JSON event to a hook's URL, as Regal does\):\n {2}The local org runs only while a kac command does/,
    );
    assert.match(
      applied.out,
      /curl -sS -X POST "\$KUSTOMER_BASE_URL\/v1\/hooks\/web\/[0-9a-f]{40}" -H "Authorization: Bearer \$KUSTOMER_API_KEY"/,
    );
    assert.match(applied.out, /Then: kac timeline <email \| phone \| external id>/);
    const toDirect = await h.kac('apply', '--auto-approve');
    assert.is(toDirect.code, 0, toDirect.err);
    assert.not.match(toDirect.out, /Hooks \(POST/, 'a real (non-local) environment does not get the local hint');
    const listed = await h.kac('hooks', '--json');
    assert.is(listed.code, 0, listed.err);
    const hooks = JSON.parse(listed.out) as HookInfo[];
    assert.equal(
      hooks.map((x) => x.name),
      h.org.store.state.hooks.map((x) => String(x.attributes.name)).sort(),
    );
    assert.ok(hooks[0]!.url!.startsWith(h.org.baseUrl));
    const text = await h.kac('hooks');
    assert.match(text.out, /the curl lines read it from \$KUSTOMER_API_KEY/);
    for (const line of h.transcript) assert.not.ok(line.includes(h.org.token), line);
  } finally {
    await h.dispose();
  }
});
live.run();
