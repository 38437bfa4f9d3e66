// compileWorkflow specifics the golden tree does not show: form hooks, app versions, markers, dependencies.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  action,
  attribute,
  branch,
  defineHook,
  defineKlass,
  defineWorkflow,
  kobject,
  onHook,
} from '../../../compiler/index.js';
import { DEFAULT_APP_VERSIONS, defaultStepAppVersion } from '../../../compiler/compile/app-versions.js';
import { withManagedMarker } from '../../../compiler/compile/context.js';
import { compileProject } from '../../../compiler/compile/index.js';
import type { Model } from '../../../compiler/model/project.js';

const form = defineHook({ name: 'regal-form', type: 'form' });
const note = defineKlass({ name: 'regal-note', attributes: { text: attribute.text() } });
const wf = defineWorkflow({
  name: 'regal-form-flow',
  trigger: onHook(form, { appVersion: 'hooks-^2.0.0' }),
  steps({ trigger, event, step }) {
    const pick = step('pick', branch());
    const save = step('save', kobject.create(note, { title: 'Form', custom: { textTxt: `${event}` } }));
    const other = step('other', action('kustomer.app.scheduler.schedule-workflow', { workflowId: 'x' }));
    trigger.to(pick);
    pick.to(save).to(other);
  },
});
const model: Model = {
  root: '/nowhere',
  namespace: 'regal',
  klasses: [{ definition: note, file: 'klasses/note.ts' }],
  hooks: [{ definition: form, file: 'workflows/form.ts' }],
  workflows: [{ definition: wf, file: 'workflows/form-flow.ts' }],
  outboundWebhooks: [],
  iterableWebhooks: [],
};

test('compileProject: a form-hook workflow', () => {
  const resources = compileProject(model);
  assert.equal(
    resources.map((r) => `${r.kind}:${r.key}`),
    [
      'kustomer.hook:regal-form',
      'kustomer.klass:regal-note',
      'kustomer.klass-attributes:regal-note',
      'kustomer.workflow:regal-form-flow',
    ],
  );
  const workflow = resources[3]!;
  assert.equal(workflow.dependsOn, [
    { kind: 'kustomer.hook', key: 'regal-form' },
    { kind: 'kustomer.klass', key: 'regal-note' },
    { kind: 'kustomer.klass-attributes', key: 'regal-note' },
  ]);
  const body = workflow.body as any;
  assert.is(body.trigger.eventName, 'kustomer.hooks.form.<ref:kustomer.hook:regal-form:id>.receive');
  assert.is(body.trigger.appVersion, 'hooks-^2.0.0');
  assert.is(body.description, '[managed by kac: regal]');
  assert.equal(body.steps[0], {
    id: 'pick',
    transitions: [
      { target: 'save', condition: { op: 'true', values: [true] } },
      { target: 'other', condition: { op: 'true', values: [true] } },
    ],
    errorCases: [],
  });
  assert.is(body.steps[1].appVersion, DEFAULT_APP_VERSIONS.kustomerAction);
  assert.is(body.steps[1].params.klassName, 'regal-note');
  assert.is('appVersion' in body.steps[2], false);
  assert.is(resources[0]!.body.type, 'form');
});

test('defaultStepAppVersion: Kustomer system actions only', () => {
  assert.is(defaultStepAppVersion('kustomer.customer.update'), 'kustomer-^1.10.4');
  assert.is(defaultStepAppVersion('kustomer.app.scheduler.schedule-workflow'), undefined);
  assert.is(defaultStepAppVersion(undefined), undefined);
  assert.is(defaultStepAppVersion('acme.thing'), undefined);
});

test('withManagedMarker', () => {
  assert.is(withManagedMarker('Calls ', 'regal'), 'Calls [managed by kac: regal]');
  assert.is(withManagedMarker(undefined, 'regal'), '[managed by kac: regal]');
});

test.run();
