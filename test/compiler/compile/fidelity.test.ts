// What real workflows use, compiled: callable triggers (no eventName: Kustomer derives it), calls by
// reference, response schemas, standard-event triggers, branch steps with an appVersion, the raw
// escape hatch at every level, Klasses without a displayName.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  action,
  attribute,
  branch,
  callWorkflow,
  defineHook,
  defineKlass,
  defineOutboundWebhook,
  defineWorkflow,
  onAppEvent,
  onCall,
  onConversation,
  onCustomer,
  onKObject,
} from '../../../compiler/index.js';
import { compileProject } from '../../../compiler/compile/index.js';
import { KustomerWorkflowSchema } from '../../../compiler/kustomer-format/workflow.js';
import type { Model } from '../../../compiler/model/project.js';

const note = defineKlass({
  name: 'regal-note',
  icon: 'note',
  attributes: { status: attribute.string({ displayName: null }), statusUrl: attribute.url({ raw: { hidden: true } }) },
  raw: { klassSchema: 'task', status: 'disabled' },
});
const writeNote = defineWorkflow({
  name: 'regal-write-note',
  trigger: onCall(
    { properties: { conversationId: { type: 'string' } }, required: ['conversationId'] },
    { raw: { meta: { color: 'blue' } } },
  ),
  response: { schema: { properties: { ok: { type: 'boolean' } }, required: [] } },
  raw: { replaces: 'kustomer.app.x.workflow', meta: { icon: 'phone' } },
  steps({ trigger, event, step }) {
    const pick = step('pick', branch(), { appVersion: 'kustomer-^1.9.2', raw: { meta: { color: 'red' }, extra: [1] } });
    const write = step('write', action('kustomer.note.create', { conversation: event.conversationId, body: 'hi' }));
    trigger.to(pick);
    pick.to(write);
  },
});
const caller = defineWorkflow({
  name: 'regal-caller',
  trigger: onConversation('update'),
  steps({ trigger, event, step }) {
    trigger.to(step('call', callWorkflow(writeNote, { conversationId: event.id })));
  },
});
const others = [
  onConversation('create'),
  onCustomer('update'),
  onKObject(note, 'create'),
  onKObject('regal-x', 'update'),
  onAppEvent('calendly_app_1', 'update-event'),
].map((trigger, i) => defineWorkflow({ name: `regal-t${i}`, trigger, steps: () => {} }));
const hook = defineHook({ name: 'regal-form', type: 'form', raw: { settings: { a: 1 } } });
const webhook = defineOutboundWebhook({
  name: 'regal-out',
  url: 'https://x.test',
  events: ['kustomer.conversation.create'],
  raw: { description: 'ui' },
});
const model: Model = {
  root: '/nowhere',
  namespace: 'regal',
  klasses: [{ definition: note, file: 'klasses/note.ts' }],
  hooks: [{ definition: hook, file: 'workflows/hook.ts' }],
  workflows: [writeNote, caller, ...others].map((definition) => ({ definition, file: 'workflows/x.ts' })),
  outboundWebhooks: [{ definition: webhook, file: 'workflows/out.ts' }],
  iterableWebhooks: [],
};
const resources = compileProject(model);
const body = (kind: string, key: string) =>
  resources.find((r) => r.kind === kind && r.key === key)!.body as Record<string, any>;

test('a callable workflow: callable + schema and no eventName, its response, raw merged at every level', () => {
  const wf = body('kustomer.workflow', 'regal-write-note');
  assert.equal(wf.trigger, {
    id: '1',
    callable: true,
    schema: { properties: { conversationId: { type: 'string' } }, required: ['conversationId'] },
    transitions: [{ target: 'pick', condition: { op: 'true', values: [true] } }],
    meta: { color: 'blue' },
  });
  assert.equal(wf.response, { schema: { properties: { ok: { type: 'boolean' } }, required: [] } });
  assert.is(wf.replaces, 'kustomer.app.x.workflow');
  assert.equal(wf.meta, { displayName: 'regal-write-note', icon: 'phone' });
  assert.equal(wf.steps[0], {
    id: 'pick',
    appVersion: 'kustomer-^1.9.2',
    transitions: [{ target: 'write', condition: { op: 'true', values: [true] } }],
    errorCases: [],
    meta: { color: 'red' },
    extra: [1],
  });
  assert.ok(KustomerWorkflowSchema.safeParse(wf).success, 'a callable trigger needs no eventName in the format');
});

test('a call: action kustomer.workflow.<callee id>.call, inputs as params, the callee a dependency', () => {
  const r = resources.find((x) => x.key === 'regal-caller')!;
  const step = (r.body.steps as any[])[0];
  assert.is(step.action, 'kustomer.workflow.<ref:kustomer.workflow:regal-write-note:id>.call');
  assert.equal(step.params, { conversationId: '/#steps.1.id' });
  assert.equal(r.dependsOn, [{ kind: 'kustomer.workflow', key: 'regal-write-note' }]);
  assert.is((r.body.trigger as any).eventName, 'kustomer.conversation.update');
});

test('standard-event and app triggers name their events', () => {
  assert.equal(
    others.map((w) => body('kustomer.workflow', w.name).trigger.eventName),
    [
      'kustomer.conversation.create',
      'kustomer.customer.update',
      'kustomer.kobject.regal-note.create',
      'kustomer.kobject.regal-x.update',
      'kustomer.app.calendly_app_1.update-event',
    ],
  );
});

test('a Klass without displayName gets none; raw keys and attribute raw are kept; suffix keys never collide', () => {
  assert.equal(body('kustomer.klass', 'regal-note'), {
    name: 'regal-note',
    status: 'disabled',
    icon: 'note',
    klassSchema: 'task',
  });
  assert.equal(body('kustomer.klass-attributes', 'regal-note').properties, {
    statusStr: { type: 'string' },
    statusUrl: { type: 'url', displayName: 'Status Url', hidden: true },
  });
  assert.equal(body('kustomer.hook', 'regal-form'), {
    name: 'regal-form',
    description: '[managed by kac: regal]',
    type: 'form',
    settings: { a: 1 },
  });
  assert.is(body('kustomer.outbound-webhook', 'regal-out').description, 'ui');
});

test('validate: a call to a workflow no file exports or that is not callable, and a required input the schema lacks', async () => {
  const { validateProject } = await import('../../../compiler/validate/index.js');
  const orphan = defineWorkflow({
    name: 'regal-orphan',
    trigger: onCall({ properties: {}, required: ['missing'] as any }),
    steps: () => {},
  });
  const plain = defineWorkflow({ name: 'regal-plain', trigger: onConversation('create'), steps: () => {} });
  const calls = defineWorkflow({
    name: 'regal-calls',
    trigger: onConversation('create'),
    steps({ trigger, step }) {
      trigger.to(step('a', callWorkflow(orphan, {} as never)));
      trigger.to(step('b', callWorkflow(plain as any, {})));
    },
  });
  const codes = validateProject({
    ...model,
    workflows: [plain, calls].map((definition) => ({ definition, file: 'workflows/x.ts' })),
  })
    .filter((d) => d.code.startsWith('workflow/'))
    .map((d) => `${d.code}: ${d.message}`);
  assert.equal(codes, [
    'workflow/unknown-callee: step "a" calls workflow "regal-orphan", which no file under workflows/ exports.',
    'workflow/callee-not-callable: step "b" calls workflow "regal-plain", whose trigger is not onCall(...).',
  ]);
  const required = validateProject({ ...model, workflows: [{ definition: orphan, file: 'workflows/x.ts' }] }).map(
    (d) => d.code,
  );
  assert.ok(required.includes('workflow/unknown-required-input'), required.join(', '));
});

test.run();
