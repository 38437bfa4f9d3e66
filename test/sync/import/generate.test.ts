// generateSources: the exact code each piece of live JSON becomes (the round trip suites prove it
// compiles back; these pin the readable form and what is reported as not expressible).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { JsonObject } from '../../../compiler/json.js';
import type { Resource } from '../../../compiler/resource.js';
import { generateSources } from '../../../sync/import/generate.js';

const resource = (kind: Resource['kind'], key: string, body: JsonObject): Resource => ({
  kind,
  key,
  body,
  dependsOn: [],
  sensitive: [],
});

function workflow(steps: JsonObject[], trigger: JsonObject = {}): Resource {
  return resource('kustomer.workflow', 'acme-flow', {
    name: 'acme-flow',
    description: 'x [managed by kac: acme]',
    enabled: true,
    meta: { displayName: 'acme-flow' },
    trigger: { id: '1', eventName: 'kustomer.conversation.create', transitions: [], ...trigger },
    steps,
  });
}

const generate = (resources: Resource[]) => generateSources(resources, { namespace: 'acme' });
const only = (resources: Resource[]) => generate(resources)[0]!;

const actions = suite('generateSources: actions');

const actionCases: { name: string; step: JsonObject; code: string; comment?: string }[] = [
  {
    name: 'an unknown action survives verbatim through action(), with its appVersion and the reason',
    step: {
      id: 'n',
      action: 'kustomer.user.find-by-id',
      appVersion: 'kustomer-^1.9.2',
      params: { id: '/#steps.1.id', mentions: [{ user: 'u1' }] },
      transitions: [],
      errorCases: [],
    },
    code: "step(\n      'n',\n      action(\n        'kustomer.user.find-by-id',\n        { id: event.id, mentions: [{ user: 'u1' }] },\n        { appVersion: 'kustomer-^1.9.2' },\n      ),\n    );",
    comment: '// Kept as Kustomer\'s JSON: no typed builder for "kustomer.user.find-by-id".',
  },
  {
    name: 'a note is note.create, its appVersion in the step options',
    step: {
      id: 'n',
      action: 'kustomer.note.create',
      appVersion: 'kustomer-^1.9.2',
      params: { conversation: '/#steps.1.id', body: 'Hi {{{steps.1.name}}}', userMentions: [{ user: 'u1' }] },
      transitions: [],
      errorCases: [],
    },
    code: "step(\n      'n',\n      note.create({\n        conversation: event.id,\n        body: `Hi ${event.name}`,\n        userMentions: [{ user: 'u1' }],\n      }),\n      { appVersion: 'kustomer-^1.9.2' },\n    );",
  },
  {
    name: 'a note whose params note.create does not take stays raw, saying why',
    step: {
      id: 'n',
      action: 'kustomer.note.create',
      appVersion: 'kustomer-^1.10.4',
      params: { customer: '/#steps.1.customer', body: 'Hi' },
      transitions: [],
      errorCases: [],
    },
    code: "step('n', action('kustomer.note.create', { customer: event.customer, body: 'Hi' }));",
    comment: "// Kept as Kustomer's JSON: params are not { conversation, body, userMentions }.",
  },
  {
    name: 'a conversation lookup and update are conversation.findById and conversation.update',
    step: {
      id: 'u',
      action: 'kustomer.conversation.update',
      appVersion: 'kustomer-^1.10.4',
      params: { id: '/#steps.1.id', status: 'done', priority: 3, custom: { acmeTopicStr: 'refund' } },
      transitions: [],
      errorCases: [],
    },
    code: "step(\n      'u',\n      conversation.update({\n        id: event.id,\n        status: 'done',\n        priority: 3,\n        custom: { acmeTopicStr: 'refund' },\n      }),\n    );",
  },
  {
    name: 'a conversation update with a priority that is not a number stays raw',
    step: {
      id: 'u',
      action: 'kustomer.conversation.update',
      appVersion: 'kustomer-^1.10.4',
      params: { id: '/#steps.1.id', priority: 'high' },
      transitions: [],
      errorCases: [],
    },
    code: "step('u', action('kustomer.conversation.update', { id: event.id, priority: 'high' }));",
    comment: "// Kept as Kustomer's JSON: priority is not a number.",
  },
  {
    name: 'conversation.findById',
    step: {
      id: 'f',
      action: 'kustomer.conversation.find-by-id',
      appVersion: 'kustomer-^1.10.4',
      params: { id: '/#steps.1.id' },
      transitions: [],
      errorCases: [],
    },
    code: "step('f', conversation.findById({ id: event.id }));",
  },
  {
    name: 'a typed builder whose params do not match exactly falls back, saying why',
    step: {
      id: 'f',
      action: 'kustomer.customer.find-by-email',
      params: { email: 'a@b.c', extra: 1 },
      transitions: [],
      errorCases: [],
    },
    // No appVersion live, where kac would write its default: `null` says "none".
    code: "step(\n      'f',\n      action('kustomer.customer.find-by-email', { email: 'a@b.c', extra: 1 }),\n      { appVersion: null },\n    );",
    comment: "// Kept as Kustomer's JSON: params are not exactly { email: string }.",
  },
  {
    name: 'the default appVersion is left out; a different one goes in the step options',
    step: {
      id: 'f',
      action: 'kustomer.customer.find-by-email',
      appVersion: 'kustomer-^1.10.4',
      params: { email: '/#steps.1.customer' },
      transitions: [],
      errorCases: [],
    },
    code: "step('f', customer.findByEmail({ email: event.customer }));",
  },
  {
    name: 'a KObject step for a Klass the project does not define stays raw',
    step: {
      id: 'k',
      action: 'kustomer.kobject.create',
      appVersion: 'kustomer-^1.10.4',
      params: { klassName: 'other', title: 't' },
      transitions: [],
      errorCases: [],
    },
    code: "step('k', action('kustomer.kobject.create', { klassName: 'other', title: 't' }));",
    comment: '// Kept as Kustomer\'s JSON: Klass "other" is not defined in this project.',
  },
  {
    name: 'a literal credential in a REST header becomes a secret, scheme kept',
    step: {
      id: 'r',
      action: 'kustomer.rest-api.json',
      appVersion: 'kustomer-^1.10.4',
      params: { json: true, method: 'GET', uri: 'https://x.test', headers: { Authorization: 'Bearer abc123' } },
      transitions: [],
      errorCases: [],
    },
    code: "step(\n      'r',\n      restApi({\n        method: 'GET',\n        uri: 'https://x.test',\n        headers: { Authorization: `Bearer ${secret('KAC_ACME_FLOW_R_AUTHORIZATION')}` },\n      }),\n    );",
  },
  {
    name: 'a branch step is branch(), its display name the handle',
    step: { id: 'b', meta: { displayName: 'Is it VIP?' }, transitions: [], errorCases: [] },
    code: "step('b', branch(), { displayName: 'Is it VIP?' });",
  },
];

for (const c of actionCases) {
  actions(c.name, () => {
    const file = only([workflow([c.step])]);
    assert.ok(file.content.includes(c.code), file.content);
    if (c.comment) assert.ok(file.content.includes(c.comment), file.content);
    assert.not.ok(file.content.includes('abc123'), 'no credential in the file');
  });
}

actions.run();

const conditions = suite('generateSources: conditions');

const conditionCases: [JsonObject, string][] = [
  [{ op: 'true', values: [true] }, "trigger.to('s');"],
  [
    { op: 'eq', values: ['/#steps.1.custom.tierStr', 'gold'] },
    "trigger.to('s', when.eq(event.custom.tierStr, 'gold'));",
  ],
  [{ op: 'eq', values: ['/#steps.1.id', 5] }, "trigger.to('s', when.eq('/#steps.1.id', 5));"],
  [{ op: 'eq', values: ['/#steps.1.x', null] }, "trigger.to('s', when.raw('eq', [event.x, null]));"],
  [{ op: 'exists', values: ['/#steps.1.x', ''] }, "trigger.to('s', when.exists(event.x));"],
  [{ op: 'exists', values: ['/#steps.1.x'] }, "trigger.to('s', when.raw('exists', [event.x]));"],
  [{ op: 'exists', values: ['true', ''] }, "trigger.to('s', when.raw('exists', ['true', '']));"],
  [{ op: 'dne', values: ['/#steps.1.x'] }, "trigger.to('s', when.dne(event.x));"],
  [{ op: 'contains', values: ['/#steps.1.tags', ['vip']] }, "trigger.to('s', when.contains(event.tags, ['vip']));"],
  [{ op: 'gt', values: ['/#steps.1.n', 3] }, "trigger.to('s', when.gt(event.n, 3));"],
  [{ op: 'gt', values: ['/#steps.1.n', '3'] }, "trigger.to('s', when.raw('gt', [event.n, '3']));"],
  [
    {
      op: 'or',
      values: [
        { op: 'dne', values: ['/#steps.1.x'] },
        { op: 'startsWith', values: ['/#steps.1.y', 'a'] },
      ],
    },
    "trigger.to('s', when.or(when.dne(event.x), when.raw('startsWith', [event.y, 'a'])));",
  ],
];

for (const [condition, code] of conditionCases) {
  conditions(`${condition.op} ${JSON.stringify(condition.values)}`, () => {
    const step = { id: 's', meta: { displayName: 'S' }, transitions: [], errorCases: [] };
    const file = only([workflow([step], { transitions: [{ target: 's', condition }] })]);
    assert.ok(file.content.includes(code), file.content);
  });
}

conditions('a label needs a condition: the always condition is written out', () => {
  const step = { id: 's', transitions: [], errorCases: [] };
  const file = only([
    workflow([step], {
      transitions: [{ target: 's', condition: { op: 'true', values: [true] }, meta: { name: 'else' } }],
    }),
  ]);
  assert.ok(file.content.includes("trigger.to('s', when.always(), 'else');"), file.content);
});

conditions.run();

const files = suite('generateSources: files, names and notes');

files('one file per object at its kind path; the same input gives the same bytes', () => {
  const input = [
    resource('kustomer.hook', 'acme-events', {
      name: 'acme-events',
      description: 'd [managed by kac: acme]',
      type: 'web',
    }),
    resource('kustomer.outbound-webhook', 'Acme sync', {
      name: 'Acme sync',
      url: 'https://x.test',
      events: ['kustomer.customer.create'],
      headers: [{ name: 'X-Key', value: 'k-123456' }],
      enabled: false,
    }),
    workflow([]),
  ];
  const first = generate(input);
  assert.equal(
    first.map((f) => f.path),
    ['workflows/acme-flow.ts', 'workflows/hooks/acme-events.ts', 'workflows/outbound/acme-sync.ts'],
  );
  assert.equal(generate(input), first);
  const webhook = first[2]!;
  assert.equal(webhook.envVars, ['KAC_ACME_SYNC_X_KEY']);
  assert.ok(webhook.content.includes("headers: { 'X-Key': secret('KAC_ACME_SYNC_X_KEY') },"), webhook.content);
  assert.ok(webhook.content.includes('enabled: false,'), webhook.content);
  assert.not.ok(webhook.content.includes('k-123456'));
  assert.ok(first[1]!.content.includes("defineHook({ name: 'acme-events', description: 'd' })"), first[1]!.content);
});

files('standard, KObject and app events get their trigger builders; callable triggers onCall; unknown keys raw', () => {
  const triggerOf = (trigger: JsonObject) => /trigger: (.*),\n/.exec(only([workflow([], trigger)]).content)?.[1];
  assert.is(triggerOf({}), "onConversation('create')");
  assert.is(triggerOf({ eventName: 'kustomer.customer.update' }), "onCustomer('update')");
  assert.is(triggerOf({ eventName: 'kustomer.kobject.acme-order.create' }), "onKObject('acme-order', 'create')");
  const app = only([
    workflow([], { eventName: 'kustomer.app.calendly_app_61a7.update-event', appVersion: 'calendly_app_61a7-^2.0.0' }),
  ]).content.replace(/\s+/g, ' ');
  assert.match(app, "onAppEvent('calendly_app_61a7', 'update-event', { appVersion: 'calendly_app_61a7-^2.0.0'");
  assert.is(
    triggerOf({ eventName: 'kustomer.message.create', uiKey: 1 }),
    "onEvent('kustomer.message.create', { raw: { uiKey: 1 } })",
  );
  const callable = only([
    workflow([], {
      eventName: undefined as never,
      callable: true,
      schema: { properties: { id: { type: 'string' } }, required: ['id'] },
    }),
  ]);
  assert.match(callable.content, "trigger: onCall({ properties: { id: { type: 'string' } }, required: ['id'] }),");
  assert.equal(callable.notes, []);
});

files('attributes that differ only by suffix keep their whole API names as keys, so none is dropped', () => {
  const klass = resource('kustomer.klass-attributes', 'acme-order', {
    properties: {
      orderStatusStr: { type: 'string', displayName: 'Order Status' },
      orderStatusUrl: { type: 'url', displayName: 'Order Status' },
      totalNum: { type: 'number', displayName: 'Total' },
    },
  });
  const file = only([klass]);
  assert.equal(file.notes, []);
  for (const text of [
    "orderStatusStr: attribute.string({ displayName: 'Order Status' })",
    "orderStatusUrl: attribute.url({ displayName: 'Order Status' })",
    'total: attribute.number()',
  ])
    assert.ok(file.content.replace(/\s+/g, ' ').includes(text), `${text}\n${file.content}`);
});

files('step handles come from display names, unique and never an authoring name', () => {
  const step = (id: string, displayName: string) => ({
    id,
    action: 'kustomer.customer.find-by-email',
    params: { email: 'a' },
    meta: { displayName },
    transitions: [{ target: 'z', condition: { op: 'true', values: [true] } }],
    errorCases: [],
  });
  const file = only([
    workflow([
      step('a', 'Update ui'),
      step('b', 'Update ui'),
      step('c', 'when'),
      step('8-x', ''),
      { id: 'z', transitions: [], errorCases: [] },
    ]),
  ]);
  for (const handle of [
    'const updateUi = step(',
    'const updateUi2 = step(',
    'const when2 = step(',
    "const step8X = step(\n      '8-x',",
  ])
    assert.ok(file.content.includes(handle), `${handle}\n${file.content}`);
});

files('a key kac does not model is carried verbatim in raw; what it cannot express is reported as a note', () => {
  const klass = resource('kustomer.klass-attributes', 'acme-thing', {
    properties: {
      colourStr: { type: 'string', displayName: 'Colour', sensitive: { enabled: true } },
      weird: { type: 'string', displayName: 'Weird' },
      countNum: { type: 'string', displayName: 'Count' },
    },
  });
  const file = only([klass]);
  assert.equal(file.notes, [
    'attribute weird: its name has no type suffix (Str, Txt, Num, At, Bool, Url, Id)',
    'attribute countNum: type "string" does not match its suffix Num',
  ]);
  assert.ok(
    file.content.includes(
      '// NOTE (not expressed, would be lost on apply): attribute weird: its name has no type suffix',
    ),
    file.content,
  );
  assert.ok(file.content.includes('colour: attribute.string({ raw: { sensitive: { enabled: true } } })'), file.content);
});

files('a hook trigger whose hook is imported becomes onHook, its live id mapped to the hook', () => {
  const hook = {
    ...resource('kustomer.hook', 'acme-events', { name: 'acme-events', type: 'web' }),
    id: 'h1',
    outputs: { id: 'h1' },
    fingerprint: 'f',
  };
  const wf = workflow([], { eventName: 'kustomer.hooks.web.h1.receive', appVersion: 'hooks-^1.0.0' });
  const out = generate([hook, wf]).find((f) => f.path === 'workflows/acme-flow.ts')!;
  assert.ok(out.content.includes("import acmeEvents from './hooks/acme-events.js';"), out.content);
  assert.ok(out.content.includes('trigger: onHook(acmeEvents),'), out.content);
  const unmanaged = generate([workflow([], { eventName: 'kustomer.hooks.web.zz9.receive' })])[0]!;
  assert.ok(unmanaged.content.includes("trigger: onEvent('kustomer.hooks.web.zz9.receive'),"), unmanaged.content);
});

files.run();
