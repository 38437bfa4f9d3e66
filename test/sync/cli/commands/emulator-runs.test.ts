import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { main } from '../../../../sync/cli/main.js';
import type { CliIo } from '../../../../sync/cli/io.js';
import { silentLogger } from '../../../../sync/logger.js';
import { startLocalOrg } from '../../../../sync/local-org/server/server.js';

const root = resolve(new URL('../../../..', import.meta.url).pathname);

function fakeIo(cwd: string, env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
    isTTY: false,
    color: false,
    logger: silentLogger,
    cwd,
    env,
  };
  return { io, out, err };
}

async function post(baseUrl: string, token: string | null, path: string, body: unknown) {
  const r = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return (await r.json()) as any;
}

/** A hook and a one-step workflow that creates a customer from the posted email. */
async function seedRun(baseUrl: string, token: string) {
  const hook = (await post(baseUrl, token, '/v1/hooks/web', { name: 'regal-events' })).data;
  await post(baseUrl, token, '/v1/workflows', {
    name: 'regal-new-customer',
    enabled: true,
    trigger: {
      id: '1',
      eventName: hook.attributes.eventName,
      transitions: [{ target: 'create', condition: { op: 'true', values: [true] } }],
    },
    steps: [
      {
        id: 'create',
        action: 'kustomer.customer.create',
        params: { emails: [{ email: '/#steps.1.attributes.data.email' }] },
        transitions: [],
        errorCases: [],
      },
    ],
  });
  await post(baseUrl, token, new URL(hook.attributes.url).pathname, { email: 'jane@example.com' });
}

test('kac emulator prints its address and token, serves, and stops on SIGTERM', async () => {
  const child = spawn(process.execPath, ['bin/kac.js', 'emulator', '--port', '0', '--memory', '--token', 'cli-token'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  const baseUrl = await new Promise<string>((resolveUrl, reject) => {
    child.stdout.on('data', (d) => {
      stdout += d;
      const m = /KUSTOMER_BASE_URL=(\S+)/.exec(stdout);
      if (m && stdout.includes('KUSTOMER_API_KEY=')) resolveUrl(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`emulator exited early (${code})`)));
  });
  assert.match(stdout, /KUSTOMER_API_KEY=cli-token/);
  const r = await fetch(`${baseUrl}/v1/auth/tokens/current`, { headers: { authorization: 'Bearer cli-token' } });
  assert.is(r.status, 200);
  const exited = new Promise<number | null>((resolveExit) => child.on('exit', (code) => resolveExit(code)));
  child.kill('SIGTERM');
  assert.is(await exited, 0);
});

test('kac runs prints the run logs from the saved state, filtered by workflow', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'kac-runs-'));
  try {
    const org = await startLocalOrg({ stateDir: join(dir, '.kac/local') });
    await seedRun(org.baseUrl, org.token);
    await org.close();
    const { io, out } = fakeIo(dir);
    assert.is(await main(['runs', '--workflow', 'regal-new-customer'], io), 0);
    const text = out.join('\n');
    assert.match(text, /regal-new-customer {2}completed/);
    assert.match(text, /\n {2}1 → create\n/);
    assert.match(text, /\n {2}create kustomer\.customer\.create\n {4}output: \{"id":"[0-9a-f]{24}"/);
    const none = fakeIo(dir);
    assert.is(await main(['runs', '--workflow', 'regal-other'], none.io), 0);
    assert.equal(none.out, ['no workflow runs']);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('kac runs --url reads a running emulator through GET /__kac/runs', async () => {
  const org = await startLocalOrg({ stateDir: null });
  try {
    await seedRun(org.baseUrl, org.token);
    const { io, out } = fakeIo(root, { KUSTOMER_API_KEY: org.token });
    assert.is(await main(['runs', '--url', org.baseUrl, '--json'], io), 0);
    const runs = JSON.parse(out.join('\n')) as { log: { workflowName: string; status: string } }[];
    assert.equal(
      runs.map((r) => [r.log.workflowName, r.log.status]),
      [['regal-new-customer', 'completed']],
    );
  } finally {
    await org.close();
  }
});

test('kac runs without saved state says where it looked', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'kac-runs-empty-'));
  try {
    const { io, err } = fakeIo(dir);
    assert.is(await main(['runs'], io), 1);
    assert.equal(err, [
      `error: no local org state in ${join(dir, '.kac/local')}`,
      'hint: run `kac emulator` or `kac apply --env local` first',
    ]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();
