// `kac validate`: every diagnostic tsc-style, a summary line, exit 1 on errors, 0 with warnings only.
import { spawnSync } from 'node:child_process';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { main } from '../../sync/cli/main.js';
import { AUTHORING_ENTRY, CONFIG_SOURCE, fixtureRoot, memoryIo, REPO_ROOT, tempProject } from '../compiler/helpers.js';

test('kac validate: a clean project exits 0 with a summary', async () => {
  const io = memoryIo();
  assert.is(await main(['validate', '--root', fixtureRoot('golden')], io), 0);
  assert.equal(io.stdout, ['No problems found in 2 Klasses, 1 hook, 2 workflows, 1 outbound webhook.']);
});

test('kac validate: prints every diagnostic and exits 1 on errors', async () => {
  const io = memoryIo();
  assert.is(await main(['validate', '--root', fixtureRoot('invalid-webhooks')], io), 1);
  assert.is(io.stdout.at(-1), 'Found 9 errors and 2 warnings in 1 file.');
  assert.equal(io.stdout.slice(0, 3), [
    'workflows/webhooks.ts:16:25 - error outbound-webhook/name-too-long\n  outbound webhook name is 256 characters; Kustomer takes at most 255.',
    '',
    'workflows/webhooks.ts:22:26 - error outbound-webhook/no-events\n  outbound webhook "regal-http" subscribes to no events.\n  hint: list at least one, e.g. events: [\'kustomer.conversation.create\']',
  ]);
  assert.is(io.stdout.filter((l) => / - (error|warning) /.test(l)).length, 11);
});

test('kac validate: the project root defaults to the cwd; warnings alone exit 0', async () => {
  const project = await tempProject({
    'kac.config.ts': CONFIG_SOURCE,
    'workflows/flow.ts': `import { branch, defineWorkflow, onEvent } from '${AUTHORING_ENTRY}';
export default defineWorkflow({
  name: 'regal-flow',
  trigger: onEvent('kustomer.customer.create'),
  steps({ step }) {
    step('lonely', branch());
  },
});
`,
  });
  try {
    const io = memoryIo(project.root);
    assert.is(await main(['validate'], io), 0);
    assert.equal(io.stdout, [
      'workflows/flow.ts:6:10 - warning workflow/unreachable-step\n  step "lonely" is never reached: no transition leads to it from the trigger.\n  hint: add a transition to it, e.g. trigger.to(...) or <step>.to(...)',
      '',
      'Found 1 warning in 1 file.',
    ]);
  } finally {
    await project.remove();
  }
});

test('kac validate: a missing config is a diagnostic and exit 1, not a crash', async () => {
  const project = await tempProject({});
  try {
    const io = memoryIo(project.root);
    assert.is(await main(['validate'], io), 1);
    assert.match(
      io.stderr.join('\n'),
      /error config\/missing\n  no kac\.config\.ts in .+\n  hint: run kac from the project root, or pass --root <dir>/,
    );
    assert.not.match(io.stderr.join('\n'), /internal error/);
  } finally {
    await project.remove();
  }
});

test('bin/kac.js validate: the real process exits 1 on errors, 0 when clean', () => {
  const run = (project: string) =>
    spawnSync(process.execPath, ['bin/kac.js', 'validate', '--root', fixtureRoot(project)], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
  const bad = run('invalid-klasses');
  assert.is(bad.status, 1);
  assert.match(bad.stdout, /Found 11 errors in 1 file\.\n$/);
  assert.is(run('golden').status, 0);
});

test.run();
