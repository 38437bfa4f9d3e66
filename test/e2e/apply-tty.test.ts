/**
 * kac on a terminal (a real pseudo-terminal from util-linux `script`): apply asks before changing
 * anything and only "yes" applies; reads and applies show progress as one line redrawn in place.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createHarness, orgNames, repoRoot, type Harness } from './harness.js';

const tty = suite('kac apply on a terminal (e2e)');
let h: Harness;

tty.before(async () => {
  h = await createHarness();
});
tty.after(async () => {
  await h.dispose();
});

/** Runs kac under a pseudo-terminal and answers the apply prompt; returns what the terminal showed. */
function onTerminal(args: string, answer = ''): Promise<{ code: number | null; screen: string }> {
  return new Promise((resolve) => {
    const command = `${process.execPath} ${join(repoRoot, 'bin/kac.js')} ${args}`;
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      cwd: h.root,
      env: { ...h.env, TERM: 'xterm', NO_COLOR: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let screen = '';
    let answered = false;
    const onData = (d: Buffer) => {
      screen += d.toString();
      if (!answered && screen.includes('Only "yes" is accepted')) {
        answered = true;
        child.stdin.write(`${answer}\r`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, screen });
    });
  });
}

tty('answering anything but "yes" changes nothing', async () => {
  const before = orgNames(h.org);
  const { code, screen } = await onTerminal('apply', 'no');
  assert.match(screen, 'Apply 5 change(s) to direct');
  assert.match(screen, 'Apply cancelled; nothing was changed.');
  assert.is(code, 1);
  assert.equal(orgNames(h.org), before);
});

tty('"yes" applies, with progress redrawn on one line', async () => {
  const { code, screen } = await onTerminal('apply', 'yes');
  assert.is(code, 0, screen);
  assert.equal(orgNames(h.org).workflows, ['e2e-call-completed']);
  // On a terminal the progress line is redrawn in place (cursor up, clear line), not printed once per
  // change as in CI ("ok ..." lines).
  assert.ok(screen.includes('\x1b[1A\x1b[2K'), 'the progress line is redrawn');
  assert.not.match(screen, /^ok /m);
  assert.match(screen, 'Verified: a fresh plan is empty');
});

tty('a slow read shows one progress line, redrawn, then done', async () => {
  h.org.setFaults({ latencyMs: 400 });
  try {
    const { code, screen } = await onTerminal('plan');
    assert.is(code, 0, screen);
    assert.match(screen, /reading direct: \d+ request\(s\), done/);
    assert.ok(screen.includes('\x1b[1A\x1b[2K'), 'the read progress line is redrawn');
  } finally {
    h.org.setFaults({});
  }
});

tty.run();
