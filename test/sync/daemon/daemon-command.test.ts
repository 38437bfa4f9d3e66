import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { kac, repoRoot, startOrg, writeProject } from '../drift/project.js';

const daemon = suite('kac daemon (child process against the local org)');

function spawnDaemon(root: string, env: NodeJS.ProcessEnv, extra: string[] = []) {
  const child = spawn(
    process.execPath,
    [
      join(repoRoot, 'bin/kac.js'),
      'daemon',
      '--root',
      root,
      '--schedule',
      '*/1 * * * * *',
      '--health-port',
      '0',
      ...extra,
    ],
    {
      cwd: repoRoot,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const log = { text: '' };
  child.stdout!.on('data', (d) => (log.text += d));
  child.stderr!.on('data', (d) => (log.text += d));
  const exited = new Promise<number | string | null>((res) => child.on('close', (code, signal) => res(code ?? signal)));
  return { child, log, exited };
}

async function waitFor(
  child: ChildProcess,
  log: { text: string },
  pattern: RegExp,
  what: string,
): Promise<RegExpExecArray> {
  const deadline = Date.now() + 20_000;
  while (!pattern.test(log.text)) {
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill('SIGKILL');
      throw new Error(`waiting for ${what}; output:\n${log.text}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  return pattern.exec(log.text)!;
}

daemon('reports drift to .kac/drift-<env>.md each run, serves health, --status reads it, SIGTERM exits 0', async () => {
  const root = writeProject();
  const org = await startOrg(root);
  const env = { KUSTOMER_BASE_URL: org.baseUrl, KUSTOMER_API_KEY: org.token };
  const { child, log, exited } = spawnDaemon(root, env);
  try {
    const health = (await waitFor(child, log, /health: (http:\/\/127\.0\.0\.1:\d+\/health)\n/, 'health'))[1]!;
    await waitFor(
      child,
      log,
      /run drift in \d+\.\ds: direct: drift: 2 deleted in the UI → \.kac\/drift-direct\.md\n/,
      'a drift run',
    );
    const file = readFileSync(join(root, '.kac/drift-direct.md'), 'utf8');
    assert.match(file, /^### Drift · `direct` · namespace `regal`\n\n\*\*2 resources differ from main\*\*/);
    const body = (await (await fetch(health)).json()) as { healthy: boolean; lastRun: { result: string } };
    assert.equal([body.healthy, body.lastRun.result], [true, 'drift']);
    // The status file is written just after the run's log line: poll briefly for it.
    let status = await kac(['daemon', '--status', '--root', root], root, {});
    for (let i = 0; i < 100 && !/ · drift · /.test(status.out); i++) {
      await new Promise((r) => setTimeout(r, 50));
      status = await kac(['daemon', '--status', '--root', root], root, {});
    }
    assert.match(
      status.out,
      new RegExp(
        `^daemon: (idle|running) \\(pid ${child.pid}\\)\\nenvironment: \\(default\\) · schedule: \\*/1 \\* \\* \\* \\* \\*\\nlast run: .+ · drift · direct: drift: 2 deleted in the UI → \\.kac/drift-direct\\.md\\n`,
      ),
    );
    child.kill('SIGTERM');
    assert.is(await exited, 0, log.text);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    await org.close();
  }
  assert.match(log.text, /received SIGTERM: stopping the daemon\n/);
  assert.match(log.text, /daemon stopped\n$/);
  const after = await kac(['daemon', '--status', '--root', root], root, {});
  assert.match(after.out, /^daemon: stopped\n/);
});

daemon('--apply heals drift (no deletes without --allow-destroy), then the next run finds none', async () => {
  const root = writeProject();
  const org = await startOrg(root);
  const env = { KUSTOMER_BASE_URL: org.baseUrl, KUSTOMER_API_KEY: org.token };
  const { child, log, exited } = spawnDaemon(root, env, ['--apply']);
  try {
    await waitFor(
      child,
      log,
      /run healed in \d+\.\ds: direct: drift: 2 deleted in the UI → healed \(2 applied\); now no drift → \.kac\/drift-direct\.md\n/,
      'a healing run',
    );
    await waitFor(
      child,
      log,
      /run clean in \d+\.\ds: direct: no drift → \.kac\/drift-direct\.md\n/,
      'a clean run after healing',
    );
    child.kill('SIGTERM');
    assert.is(await exited, 0, log.text);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    await org.close();
  }
  assert.ok(existsSync(join(root, '.kac/daemon-status.json')));
});

daemon('--allow-destroy without --apply is refused', async () => {
  const r = await kac(['daemon', '--allow-destroy', '--root', writeProject()], repoRoot, {});
  assert.is(r.code, 1);
  assert.is(
    r.err,
    'error: --allow-destroy only makes sense with --apply\nhint: the daemon reports drift; add --apply to heal it',
  );
});

daemon.run();
