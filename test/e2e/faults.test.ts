/**
 * Apply under bad conditions, through the real CLI against the local org: injected 429 storms, 5xx and
 * dropped connections; an apply stopped midway (in-process, a child process killed with SIGKILL, and one
 * interrupted with SIGINT, which stops cleanly at a safe point).
 * Every time, re-running converges to an empty plan without a duplicate object.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { startWriteGate } from './gate.js';
import { createHarness, orgNames, repoRoot } from './harness.js';

const expected = {
  hooks: ['e2e-events'],
  klasses: ['e2e-call'],
  workflows: ['e2e-call-completed'],
  outboundWebhooks: ['e2e-sync'],
};
const faults = suite('kac apply under faults and interruptions (e2e)');

faults('429 storm, 5xx and dropped connections: apply converges, nothing duplicated', async () => {
  const h = await createHarness({ rateLimitWindowMs: 500 });
  try {
    h.org.setFaults({ storm429: { count: 4 }, failRate: 0.2, dropRate: 0.2, seed: 11 });
    const r = await h.kac('apply', '--auto-approve');
    h.org.setFaults({});
    const faulted = h.org.requests.filter((q) => q.fault).map((q) => q.fault);
    assert.ok(
      faulted.includes('storm429') &&
        faulted.some((f) => f?.startsWith('drop')) &&
        faulted.some((f) => f?.startsWith('fail')),
      `faults happened: ${faulted.join(',')}`,
    );
    if (r.code !== 0) {
      // Even a run that gave up on some change must converge when simply run again.
      assert.is((await h.kac('apply', '--auto-approve')).code, 0);
    }
    assert.equal(orgNames(h.org), expected);
    const plan = await h.kac('plan', '--detailed-exitcode');
    assert.is(plan.code, 0, plan.out);
  } finally {
    await h.dispose();
  }
});

faults('stopped after 2 changes, a plain re-run converges without duplicates', async () => {
  const h = await createHarness();
  try {
    const first = await h.kac('apply', '--auto-approve', '--stop-after', '2');
    assert.is(first.code, 1);
    // Changes already in flight finish; nothing new starts after the stop.
    const m = /Apply incomplete: (\d) applied, (\d) not started \(interrupted\)\./.exec(first.out);
    assert.ok(m && Number(m[1]) >= 2 && Number(m[1]) + Number(m[2]) === 5, first.out);
    const second = await h.kac('apply', '--auto-approve');
    assert.is(second.code, 0, second.out + second.err);
    assert.match(second.err, 'An earlier apply was interrupted');
    assert.match(second.out, `Apply complete: ${5 - Number(m![1])} applied.`);
    assert.equal(orgNames(h.org), expected);
  } finally {
    await h.dispose();
  }
});

faults('a saved plan stopped midway resumes from the journal, not as stale', async () => {
  const h = await createHarness();
  try {
    assert.is((await h.kac('plan', '--out', 'plan.json')).code, 0);
    assert.is((await h.kac('apply', 'plan.json', '--auto-approve', '--stop-after', '3')).code, 1);
    const resumed = await h.kac('apply', 'plan.json', '--auto-approve');
    assert.is(resumed.code, 0, resumed.out + resumed.err);
    assert.match(resumed.err, 'Resuming the interrupted apply of plan.json.');
    assert.match(resumed.out, 'Apply complete: 5 applied.');
    assert.match(resumed.out, 'Resumed an interrupted apply of this same plan');
    assert.equal(orgNames(h.org), expected);
    assert.is((await h.kac('plan', '--detailed-exitcode')).code, 0);
  } finally {
    await h.dispose();
  }
});

faults('a child `kac apply` killed with SIGKILL midway: re-running converges', async () => {
  const h = await createHarness();
  // Two writes reach the org; the apply then waits at the gate, where it is killed.
  const gate = await startWriteGate(h.org.baseUrl, 2);
  try {
    const child = spawn(process.execPath, [join(repoRoot, 'bin/kac.js'), 'apply', '--auto-approve'], {
      cwd: h.root,
      env: { ...h.env, KUSTOMER_BASE_URL: gate.url, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
    await gate.held(1);
    child.kill('SIGKILL');
    await closed;
    assert.ok(child.signalCode === 'SIGKILL', `the child was killed midway (stderr: ${err.slice(-300)})`);
    const made = orgNames(h.org);
    assert.is(
      Object.values(made).flat().length,
      2,
      `exactly the two writes let through were made: ${JSON.stringify(made)}`,
    );
    const rerun = await h.kac('apply', '--auto-approve');
    assert.is(rerun.code, 0, rerun.out + rerun.err);
    assert.equal(orgNames(h.org), expected);
    assert.is((await h.kac('plan', '--detailed-exitcode')).code, 0);
  } finally {
    await gate.close();
    await h.dispose();
  }
});

faults('a child `kac apply` interrupted with SIGINT stops cleanly, and re-running converges', async () => {
  const h = await createHarness();
  // One write reaches the org, the next waits at the gate: the apply is certainly mid-way when interrupted.
  const gate = await startWriteGate(h.org.baseUrl, 1);
  try {
    const child = spawn(process.execPath, [join(repoRoot, 'bin/kac.js'), 'apply', '--auto-approve'], {
      cwd: h.root,
      env: { ...h.env, KUSTOMER_BASE_URL: gate.url, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    let interrupted: () => void;
    const sawInterrupted = new Promise<void>((resolve) => (interrupted = resolve));
    child.stderr.on('data', (d) => {
      err += d;
      if (err.includes('Interrupted: finishing the requests in flight')) interrupted();
    });
    const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    await gate.held(1);
    child.kill('SIGINT');
    await sawInterrupted;
    // A second signal must not kill it either (signal-exit re-raises unheard signals).
    child.kill('SIGINT');
    await new Promise<void>((resolve) => child.stderr.once('data', () => resolve()));
    gate.release(); // the requests in flight finish; nothing new starts
    const code = await closed;
    assert.is(child.signalCode, null, `exited by itself, not killed by the signal (stderr: ${err.slice(-300)})`);
    assert.is(code, 1);
    assert.match(err, 'Still stopping: waiting for the requests in flight.');
    const rerun = await h.kac('apply', '--auto-approve');
    assert.is(rerun.code, 0, rerun.out + rerun.err);
    assert.equal(orgNames(h.org), expected);
  } finally {
    await gate.close();
    await h.dispose();
  }
});

faults.run();
