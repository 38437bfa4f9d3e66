/**
 * One owner of local state (issue 14): `kac emulator` in one process serves `.kac/local`; `kac apply`
 * and `kac plan` with environment `local` in another process find it through the state's lock and
 * talk to it over HTTP, so the change lands in the running org and is still there when it stops.
 * A stale lock (dead pid) is taken over with a message.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { main } from '../../sync/cli/main.js';
import type { CliIo } from '../../sync/cli/io.js';
import { LOCK_FILE } from '../../sync/local-org/server/state-lock.js';
import { loadState } from '../../sync/local-org/store/state.js';
import { repoRoot } from './harness.js';

const owner = suite('one owner of local state (e2e)');
let root: string;

owner.before.each(async () => {
  const parent = join(repoRoot, 'test/fixtures/projects');
  root = await mkdtemp(join(parent, 'e2e-owner-'));
  await cp(join(parent, 'e2e'), root, { recursive: true, filter: (src) => !src.includes('.kac') });
});
owner.after.each(async () => {
  await rm(root, { recursive: true, force: true });
});

async function kac(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
    isTTY: false,
    color: false,
    logger: {
      info: (m) => void err.push(m),
      warn: (m) => void err.push(`warning: ${m}`),
      error: (m) => void err.push(`error: ${m}`),
      debug() {},
    },
    cwd: root,
    env: { PATH: process.env.PATH, E2E_SYNC_TOKEN: 'e2e-owner-secret' },
  };
  const code = await main(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** `kac emulator` on the project's state, in its own process; resolves once it prints its address. */
async function startEmulator(): Promise<{
  child: ChildProcess;
  baseUrl: string;
  token: string;
  stop(): Promise<number | null>;
}> {
  const child = spawn(
    process.execPath,
    [join(repoRoot, 'bin/kac.js'), 'emulator', '--port', '0', '--state', '.kac/local'],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (d) => void (stderr += d));
  const [baseUrl, token] = await new Promise<[string, string]>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      stdout += d;
      const url = /KUSTOMER_BASE_URL=(\S+)/.exec(stdout)?.[1];
      const key = /KUSTOMER_API_KEY=(\S+)/.exec(stdout)?.[1];
      if (url && key) resolve([url, key]);
    });
    child.on('exit', (code) => reject(new Error(`emulator exited early (${code}): ${stderr}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    baseUrl,
    token,
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

async function workflowNames(baseUrl: string, token: string): Promise<string[]> {
  const r = await fetch(`${baseUrl}/v1/workflows`, { headers: { authorization: `Bearer ${token}` } });
  return ((await r.json()) as { data: { attributes: { name: string } }[] }).data.map((w) => w.attributes.name).sort();
}

owner(
  'kac apply against a running emulator lands in it; the next plan is empty; the state survives the emulator stopping',
  async () => {
    const emulator = await startEmulator();
    try {
      const lock = JSON.parse(await readFile(join(root, '.kac/local', LOCK_FILE), 'utf8')) as {
        pid: number;
        baseUrl: string;
      };
      assert.equal([lock.pid, lock.baseUrl], [emulator.child.pid, emulator.baseUrl]);

      const apply = await kac('apply', '--env', 'local', '--auto-approve');
      assert.is(apply.code, 0, apply.err + apply.out);
      assert.match(
        apply.err,
        `Using the local org already running at ${emulator.baseUrl} (process ${emulator.child.pid})`,
      );
      assert.match(apply.out, 'Apply complete: 5 applied.');
      assert.equal(await workflowNames(emulator.baseUrl, emulator.token), ['e2e-call-completed']);

      const plan = await kac('plan', '--env', 'local', '--detailed-exitcode');
      assert.is(plan.code, 0, plan.out + plan.err);
      assert.match(plan.out, 'No changes: the org matches git');
    } finally {
      assert.is(await emulator.stop(), 0);
    }
    // The emulator wrote its state (with the change) and gave the lock back; nobody wrote over it.
    const state = await loadState(join(root, '.kac/local'));
    assert.equal(
      state?.workflows.map((w) => w.attributes.name),
      ['e2e-call-completed'],
    );
    assert.not.ok(await stat(join(root, '.kac/local', LOCK_FILE)).catch(() => undefined), 'lock removed on stop');
    const after = await kac('plan', '--env', 'local', '--detailed-exitcode');
    assert.is(after.code, 0, after.out + after.err);
    assert.not.match(after.err, 'already running');
  },
);

owner('a stale lock from a dead process is taken over with a message', async () => {
  const dead = spawnSync(process.execPath, ['-e', '0']).pid;
  await kac('plan', '--env', 'local');
  await writeFile(
    join(root, '.kac/local', LOCK_FILE),
    JSON.stringify({
      pid: dead,
      host: hostname(),
      port: 1,
      baseUrl: 'http://127.0.0.1:1',
      startedAt: '2024-01-01T00:00:00.000Z',
    }),
  );
  const plan = await kac('plan', '--env', 'local');
  assert.is(plan.code, 0, plan.err);
  assert.match(plan.err, `taking over a stale lock from process ${dead}, which is no longer running`);
  assert.not.ok(await stat(join(root, '.kac/local', LOCK_FILE)).catch(() => undefined), 'released after the command');
});

owner('a second emulator on the same state refuses and names the first', async () => {
  const first = await startEmulator();
  try {
    const second = spawnSync(
      process.execPath,
      [join(repoRoot, 'bin/kac.js'), 'emulator', '--port', '0', '--state', '.kac/local'],
      { cwd: root, encoding: 'utf8' },
    );
    assert.is(second.status, 1, second.stderr);
    assert.match(second.stderr, `is served by process ${first.child.pid}`);
    assert.match(second.stderr, first.baseUrl);
  } finally {
    await first.stop();
  }
});

owner.run();
