// loadProject: every define* export under klasses/ and workflows/, deduped by identity, with its
// home file; a file that fails to import is a diagnostic, never a crash.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadConfig } from '../../../compiler/load/config.js';
import { loadProject } from '../../../compiler/load/project.js';
import { AUTHORING_ENTRY, CONFIG_SOURCE, fixtureRoot, tempProject, toRows } from '../helpers.js';

test('loadProject collects default and named exports of every kind, each once, sorted by file', async () => {
  const root = fixtureRoot('golden');
  const { model, diagnostics } = await loadProject(root, await loadConfig(root));
  assert.equal(diagnostics, []);
  assert.is(model.root, root);
  assert.is(model.namespace, 'regal');
  const summary = (list: { definition: { name: string }; file: string }[]) =>
    list.map((l) => [l.definition.name, l.file]);
  assert.equal(summary(model.klasses), [
    ['regal-call', 'klasses/call.ts'],
    ['regal-sms', 'klasses/sms.ts'],
  ]);
  // Re-exported from workflows/regal/index.ts, which sorts first: still one hook, from its own file.
  assert.equal(summary(model.hooks), [['regal-events', 'workflows/regal/events-hook.ts']]);
  assert.equal(summary(model.workflows), [
    ['regal-call-completed', 'workflows/regal/call-completed.ts'],
    ['regal_sms-tag', 'workflows/regal/sms-tag.ts'],
  ]);
  assert.equal(summary(model.outboundWebhooks), [['regal-conversation-sync', 'workflows/conversation-sync.ts']]);
  assert.equal(model.iterableWebhooks, []);
  // The workflow's trigger holds the very hook object the model lists.
  const trigger = model.workflows[0]!.definition.trigger;
  assert.ok(trigger.kind === 'hook' && trigger.hook === model.hooks[0]!.definition);
});

test('loadProject: files that throw or do not parse become load/import-failed; the rest still load', async () => {
  const project = await tempProject({
    'kac.config.ts': CONFIG_SOURCE,
    'klasses/ok.ts': `import { defineKlass } from '${AUTHORING_ENTRY}';\nexport default defineKlass({ name: 'regal-ok', attributes: {} });\n`,
    'workflows/throws.ts': `import { defineHook } from '${AUTHORING_ENTRY}';\n\nexport const hook = defineHook({ name: 'regal-a' });\nthrow new Error('not today');\n`,
    'workflows/syntax.ts': `export const a = 1;\nconst b = (;\n`,
    'workflows/notes.d.ts': `export declare const x: number;\n`,
  });
  try {
    const { model, diagnostics } = await loadProject(project.root, await loadConfig(project.root));
    assert.equal(toRows(diagnostics), [
      [
        'workflows/syntax.ts:2:12',
        'error load/import-failed',
        '"workflows/syntax.ts" could not be loaded: Unexpected ";"',
      ],
      ['workflows/throws.ts:4:7', 'error load/import-failed', '"workflows/throws.ts" could not be loaded: not today'],
    ]);
    assert.equal(
      model.klasses.map((k) => k.definition.name),
      ['regal-ok'],
    );
    assert.equal(model.hooks, []);
  } finally {
    await project.remove();
  }
});

test.run();
