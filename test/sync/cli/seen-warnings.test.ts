// Quiet by default on a terminal: a warning shown once is counted in one line on the next run, until it
// changes; --verbose prints it; off the terminal everything is printed and nothing is recorded.
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { main } from '../../../sync/cli/main.js';
import { SEEN_WARNINGS_FILE, splitWarnings } from '../../../sync/cli/seen-warnings.js';
import { AUTHORING_ENTRY, CONFIG_SOURCE, memoryIo, tempProject } from '../../compiler/helpers.js';

const flow = (step: string) => `import { branch, defineWorkflow, onEvent } from '${AUTHORING_ENTRY}';
export default defineWorkflow({
  name: 'regal-flow-${step}',
  trigger: onEvent('kustomer.customer.create'),
  steps({ step }) {
    step('${step}', branch());
  },
});
`;

test('kac validate on a terminal: unchanged warnings become one line; new ones and --verbose print', async () => {
  const project = await tempProject({ 'kac.config.ts': CONFIG_SOURCE, 'workflows/flow.ts': flow('lonely') });
  try {
    const run = async (...args: string[]) => {
      const io = { ...memoryIo(project.root), isTTY: true };
      assert.is(await main(['validate', ...args], io), 0);
      return io.stdout;
    };
    const first = await run();
    assert.match(first[0]!, 'warning workflow/unreachable-step');
    assert.equal(await run(), [
      '1 warning unchanged since the last run (kac validate --verbose prints them)',
      'Found 1 warning in 1 file.',
    ]);
    assert.match((await run('--verbose'))[0]!, 'step "lonely" is never reached');
    // A changed warning (another step) is new: printed; the old one is gone.
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(project.root, 'workflows/flow2.ts'), flow('alone'));
    const fourth = await run();
    assert.is(fourth.filter((l) => l.includes('warning workflow/unreachable-step')).length, 1);
    assert.match(fourth.join('\n'), 'step "alone" is never reached');
    assert.match(fourth.join('\n'), '1 warning unchanged since the last run');
  } finally {
    await project.remove();
  }
});

test('off the terminal: every warning, every time, and nothing recorded', async () => {
  const project = await tempProject({ 'kac.config.ts': CONFIG_SOURCE, 'workflows/flow.ts': flow('lonely') });
  try {
    for (let i = 0; i < 2; i++) {
      const io = memoryIo(project.root);
      await main(['validate'], io);
      assert.match(io.stdout[0]!, 'warning workflow/unreachable-step');
    }
    await access(join(project.root, SEEN_WARNINGS_FILE)).then(
      () => assert.unreachable('recorded'),
      () => undefined,
    );
  } finally {
    await project.remove();
  }
});

test('splitWarnings: errors always show; warnings by code, file and message, not line', () => {
  const w = { code: 'x/y', severity: 'warning' as const, message: 'm', location: { file: 'a.ts', line: 1, column: 1 } };
  const e = { ...w, severity: 'error' as const };
  const seen = new Set(['x/y|a.ts|m']);
  assert.equal(splitWarnings([w, e, { ...w, location: { file: 'a.ts', line: 9, column: 1 } }], seen), {
    show: [e],
    unchanged: 2,
  });
  assert.equal(splitWarnings([{ ...w, message: 'other' }], seen).unchanged, 0);
});

test('splitWarnings: the skipped type check is said every time, never counted as unchanged', () => {
  const skipped = { code: 'typecheck/skipped', severity: 'warning' as const, message: 'THE TYPE CHECK WAS SKIPPED' };
  assert.equal(splitWarnings([skipped], new Set(['typecheck/skipped||THE TYPE CHECK WAS SKIPPED'])), {
    show: [skipped],
    unchanged: 0,
  });
});

test.run();
