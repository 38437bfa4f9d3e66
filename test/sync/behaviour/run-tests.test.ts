// The repo's workflow tests pass in the in-memory org; a broken mapping fails one with the field,
// the expected and the actual value; the matcher's rules; the failure report.
import { dirname, resolve } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { buildProject } from '../../../compiler/build.js';
import type { JsonObject } from '../../../compiler/json.js';
import { match } from '../../../compiler/index.js';
import { matchValue } from '../../../sync/behaviour/match.js';
import { renderTestResults } from '../../../sync/behaviour/report.js';
import { loadWorkflowTests, runWorkflowTests, workflowSetOf } from '../../../sync/behaviour/run-tests.js';

const root = resolve(dirname(new URL(import.meta.url).pathname), '../../..');
const [build, loaded] = await Promise.all([buildProject(root), loadWorkflowTests(root)]);
const set = workflowSetOf(build);

const repo = suite('runWorkflowTests on this repo');

repo('every Regal test file loads and every test passes', async () => {
  assert.equal(loaded.errors, []);
  const files = [...new Set(loaded.tests.map((t) => t.file))].sort();
  assert.equal(files, [
    'workflows/regal/call-completed.test.ts',
    'workflows/regal/contact-created.test.ts',
    'workflows/regal/sms-conversation-completed.test.ts',
    'workflows/regal/sms-received.test.ts',
    'workflows/regal/sms-sent.test.ts',
  ]);
  const results = await runWorkflowTests(loaded.tests, set);
  const failed = results.filter((r) => !r.passed);
  assert.equal(
    failed.map((r) => r.test.definition.name),
    [],
    renderTestResults(failed, []),
  );
  assert.ok(results.length >= 25);
});

repo('a broken mapping makes a test fail naming the field, expected and actual', async () => {
  const body = structuredClone(set.workflows.get('regal-call-completed')!) as JsonObject;
  for (const step of body.steps as JsonObject[]) {
    const params = step.params as JsonObject | undefined;
    const custom = params?.custom as JsonObject | undefined;
    if (custom && 'talkTimeNum' in custom) custom.talkTimeNum = custom.wrapupTimeNum!;
  }
  const broken = { ...set, workflows: new Map(set.workflows).set('regal-call-completed', body) };
  const first = loaded.tests.filter((t) => t.definition.workflow === 'regal-call-completed').slice(0, 1);
  const [result] = await runWorkflowTests(first, broken);
  assert.is(result!.passed, false);
  assert.equal(result!.mismatches, [
    { path: 'kobjects.created[0].custom.talkTimeNum', expected: '15', actual: '(absent)' },
  ]);
  const text = renderTestResults([result!], []);
  assert.match(text, 'kobjects.created[0].custom.talkTimeNum\n    expected: 15\n    actual:   (absent)');
  assert.match(text, 'run of regal-call-completed: completed');
  assert.match(text, 'create-kobject-created-with-external-id kustomer.kobject.create-with-customer');
  assert.match(text, /1 workflow test\(s\): 0 passed, 1 failed$/);
});

repo('a test naming a workflow the project does not have fails and says so', async () => {
  const [t] = loaded.tests;
  const [result] = await runWorkflowTests([{ ...t!, definition: { ...t!.definition, workflow: 'regal-nope' } }], set);
  assert.equal(result!.mismatches, [
    { path: 'workflow', expected: 'a workflow to run', actual: 'the project has no workflow "regal-nope"' },
  ]);
});

repo('conversations and notes: seeded in given, created ones checked in expect', async () => {
  const always = { op: 'true', values: [true] };
  const workflow = {
    name: 'regal-follow-up',
    trigger: {
      id: '1',
      eventName: 'kustomer.hooks.web.000000000000000000000001.receive',
      transitions: [{ target: 'c', condition: always }],
    },
    steps: [
      {
        id: 'c',
        action: 'kustomer.customer.find-by-external-id',
        params: { externalId: '/#steps.1.attributes.data.id' },
        transitions: [{ target: 'v', condition: always }],
      },
      {
        id: 'v',
        action: 'kustomer.conversation.create',
        params: { customer: '/#steps.c.id', name: 'Call follow-up' },
        transitions: [{ target: 'n', condition: always }],
      },
      {
        id: 'n',
        action: 'kustomer.note.create',
        params: { conversation: '/#steps.v.id', body: 'Called {{{steps.1.attributes.data.id}}}' },
        transitions: [],
      },
    ],
  };
  const own = {
    klasses: [],
    workflows: new Map([['regal-follow-up', workflow as unknown as JsonObject]]),
    hooks: new Map(),
  };
  const definition = {
    kind: 'workflow-test' as const,
    name: 'a call gets a follow-up conversation with a note',
    workflow: 'regal-follow-up',
    given: {
      customers: [{ externalId: 'u1', name: 'Ada' }],
      conversations: [{ customerExternalId: 'u1', name: 'Earlier chat' }],
    },
    event: { id: 'u1' },
    expect: {
      conversations: { created: [{ name: 'Call follow-up', status: 'open', customer: { name: 'Ada' } }] },
      notes: { created: [{ body: 'Called u1', conversation: 'Call follow-up' }] },
    },
    site: loaded.tests[0]!.definition.site,
  };
  const test = { definition, file: 'inline', line: 1 };
  const [passed] = await runWorkflowTests([test], own);
  assert.equal(passed!.mismatches, []);
  const [failed] = await runWorkflowTests([{ ...test, definition: { ...definition, expect: { nothing: true } } }], own);
  assert.equal(failed!.mismatches, [
    { path: 'nothing', expected: 'nothing happens', actual: 'a conversation created, a note added' },
  ]);
});

repo.run();

const matcher = suite('matchValue');

matcher('objects are partial, lists exact in length, null equals absent', () => {
  assert.equal(matchValue({ a: 1 }, { a: 1, b: 2 }, ''), []);
  assert.equal(matchValue({ a: null }, {}, ''), []);
  assert.equal(matchValue({ list: [{ x: 1 }] }, { list: [{ x: 1 }, { x: 2 }] }, ''), [
    { path: 'list', expected: '1 item(s): [{"x":1}]', actual: '2 item(s): [{"x":1},{"x":2}]' },
  ]);
  assert.equal(matchValue({ a: { b: 'x' } }, { a: { b: 'y' } }, 'root'), [
    { path: 'root.a.b', expected: '"x"', actual: '"y"' },
  ]);
});

matcher('matchers decide for themselves and describe what they wanted', () => {
  assert.equal(matchValue({ t: match.stringContaining('Conv') }, { t: 'Converted' }, ''), []);
  assert.equal(matchValue({ t: match.any() }, {}, ''), [{ path: 't', expected: 'any value', actual: '(absent)' }]);
  assert.equal(matchValue({ t: match.absent() }, { t: '' }, ''), []);
  assert.equal(matchValue({ t: match.regex(/^WT/) }, { t: 'XX' }, ''), [
    { path: 't', expected: 'a string matching /^WT/', actual: '"XX"' },
  ]);
});

matcher.run();

// The bundled CLI registers tsx only when authored files are imported; the test files must load there too.
const bin = suite('kac test through bin/kac.js');
bin("loads and runs the repo's workflow test files", async () => {
  const { spawnSync } = await import('node:child_process');
  const root = resolve(dirname(new URL(import.meta.url).pathname), '../../..');
  const run = spawnSync(process.execPath, ['bin/kac.js', 'test', 'contact.created'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  assert.is(run.status, 0, run.stdout + run.stderr);
  assert.not.match(run.stdout, /could not be loaded/);
  assert.match(run.stdout, /workflow test\(s\): \d+ passed\n?$/);
});
bin.run();
