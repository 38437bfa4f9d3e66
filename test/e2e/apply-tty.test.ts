/**
 * `kac apply` on a terminal (a real pseudo-terminal from util-linux `script`): it asks before
 * changing anything, only "yes" applies, and progress is one updating line rather than a scroll.
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

/** Runs `kac apply` under a pseudo-terminal and answers the prompt; returns what the terminal showed. */
function applyOnTerminal(answer: string): Promise<{ code: number | null; screen: string }> {
  return new Promise((resolve) => {
    const command = `${process.execPath} ${join(repoRoot, 'bin/kac.js')} apply`;
    const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: h.root, env: { ...h.env, TERM: 'xterm', NO_COLOR: '1' }, stdio: ['pipe', 'pipe', 'pipe'] });
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
  const { code, screen } = await applyOnTerminal('no');
  assert.match(screen, 'Apply 5 change(s) to direct');
  assert.match(screen, 'Apply cancelled; nothing was changed.');
  assert.is(code, 1);
  assert.equal(orgNames(h.org), before);
});

tty('"yes" applies, with progress redrawn on one line', async () => {
  const { code, screen } = await applyOnTerminal('yes');
  assert.is(code, 0, screen);
  assert.equal(orgNames(h.org).workflows, ['e2e-call-completed']);
  // On a terminal the progress line is redrawn in place (cursor up, clear line), not printed once per
  // change as in CI ("ok ..." lines).
  assert.ok(screen.includes('\x1b[1A\x1b[2K'), 'the progress line is redrawn');
  assert.not.match(screen, /^ok /m);
  assert.match(screen, 'Verified: a fresh plan is empty');
});

tty.run();
