// Kustomer's workflow format: every real export round-trips through the schema with no field lost,
// every workflow kac compiles parses, and broken shapes are refused.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildProject } from '../../../compiler/build.js';
import { compileProject } from '../../../compiler/compile/index.js';
import { KustomerWorkflowSchema } from '../../../compiler/kustomer-format/workflow.js';
import { kustomerRealExports } from '../../fixtures/kustomer-real.js';
import { fixtureRoot } from '../helpers.js';

test('every real export parses and re-serialises deep-equal', () => {
  const exports = kustomerRealExports();
  assert.ok(exports.length > 0);
  for (const { file, body: raw } of exports) {
    const parsed = KustomerWorkflowSchema.safeParse(raw);
    assert.ok(parsed.success, `${file}: ${parsed.error?.message}`);
    assert.equal(JSON.parse(JSON.stringify(parsed.data)), raw, file);
  }
});

test('every workflow the compiler emits parses', async () => {
  for (const project of ['golden', 'invalid-graph']) {
    const { model } = await buildProject(fixtureRoot(project));
    // Compile even the invalid project: its JSON must still have Kustomer's shape.
    const workflows = compileProject(model).filter((r) => r.kind === 'kustomer.workflow');
    assert.ok(workflows.length > 0);
    for (const w of workflows) {
      const parsed = KustomerWorkflowSchema.safeParse(w.body);
      assert.ok(parsed.success, `${w.key}: ${parsed.error?.message}`);
    }
  }
});

test('broken shapes are refused, nested conditions included', () => {
  const ok = { name: 'x', trigger: { id: '1', eventName: 'e', transitions: [] }, steps: [] };
  assert.ok(KustomerWorkflowSchema.safeParse(ok).success);
  const cases: [string, unknown, string][] = [
    ['trigger id', { ...ok, trigger: { ...ok.trigger, id: '2' } }, 'trigger.id'],
    ['step without id', { ...ok, steps: [{ action: 'a' }] }, 'steps.0.id'],
    [
      'nested condition without op',
      {
        ...ok,
        steps: [{ id: 's', transitions: [{ target: 't', condition: { op: 'and', values: [{ values: [] }] } }] }],
      },
      'steps.0.transitions.0.condition.values.0.op',
    ],
  ];
  for (const [name, value, path] of cases) {
    const parsed = KustomerWorkflowSchema.safeParse(value);
    assert.not.ok(parsed.success, name);
    assert.equal(
      parsed.error!.issues.map((i) => i.path.join('.')),
      [path],
      name,
    );
  }
});

test.run();
