import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { formatStatus, type DaemonStatus } from '../../../sync/daemon/status.js';

const root = resolve(dirname(new URL(import.meta.url).pathname), '../../..');
const lifecycle = suite('daemon process');

lifecycle('runs every second without overlap, serves health on loopback, and exits 0 on SIGTERM mid-run', async () => {
  const statusPath = join(mkdtempSync(join(tmpdir(), 'kac-daemon-')), 'daemon-status.json');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'test/sync/daemon/fixtures/daemon-child.ts'), statusPath],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((res) => child.on('close', (code) => res(code)));
  const waitFor = async (pattern: RegExp, what: string) => {
    const deadline = Date.now() + 15_000;
    while (!pattern.test(out)) {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`timed out waiting for ${what}; output:\n${out}`);
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    return pattern.exec(out)!;
  };

  try {
    const health = (await waitFor(/info: health: (http:\/\/127\.0\.0\.1:\d+\/health)\n/, 'the health endpoint'))[1]!;
    await waitFor(/info: start 2\n/, 'the second run to start');
    const response = await fetch(health);
    const body = (await response.json()) as DaemonStatus & { healthy: boolean };
    assert.is(response.status, 200);
    assert.equal(
      [body.healthy, body.state, body.schedule, body.environment, body.lastRun?.result],
      [true, 'running', '* * * * * *', 'local', 'clean'],
    );

    child.kill('SIGTERM');
    assert.is(await exited, 0, out);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }

  // Runs strictly alternate start/end: never two at once.
  const events = [...out.matchAll(/info: (start|end) (\d+)\n/g)].map((m) => `${m[1]} ${m[2]}`);
  const expected = events.map((_, i) => `${i % 2 === 0 ? 'start' : 'end'} ${Math.floor(i / 2) + 1}`);
  assert.equal(events, expected);
  assert.ok(/info: skipped a run: the previous run \(started .+\) is still going\n/.test(out), out);
  assert.ok(
    out.includes(
      'info: received SIGTERM: stopping the daemon\ninfo: received SIGTERM: asking the current run to stop at a safe point\n',
    ),
    out,
  );
  assert.ok(out.endsWith('info: daemon stopped\ninfo: exited: stoppedBy=SIGTERM abandoned=false state=stopped\n'), out);

  const status = JSON.parse(readFileSync(statusPath, 'utf8')) as DaemonStatus;
  assert.is(status.state, 'stopped');
  assert.is(status.lastRun?.result, 'aborted');
  assert.ok(status.runs >= 2);
  const text = formatStatus(status, false);
  assert.ok(text.startsWith('daemon: stopped\nenvironment: local · schedule: * * * * * *\nlast run: '), text);
  assert.match(text, /· aborted · stopped at a safe point \(received SIGTERM\)\n/, text);
});

lifecycle.run();
