import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { JsonObject } from '../../../../compiler/json.js';
import { runWorkflow } from '../../../../sync/local-org/runtime/index.js';
import { hookTransaction, memoryHost } from './memory-host.js';

const always = { op: 'true', values: [true] };
const eventIs = (name: string) => ({ op: 'eq', values: ['/#steps.1.attributes.data.event', name] });

function workflow(
  steps: unknown[],
  triggerTransitions: unknown[] = [{ target: steps.length ? (steps[0] as { id: string }).id : 'x', condition: always }],
): JsonObject {
  return {
    name: 'regal-test',
    enabled: true,
    trigger: { id: '1', eventName: 'kustomer.hooks.web.abc.receive', transitions: triggerTransitions },
    steps,
  } as JsonObject;
}

const trigger = hookTransaction({ event: 'call.completed', externalId: 'ext-1', talk: 15 });
const regex = (id: string, transitions: unknown[] = [], testString = '{{{steps.1.attributes.data.event}}}') => ({
  id,
  action: 'kustomer.regex-match.generic',
  params: { testString, regex: '^[a-z]+' },
  transitions,
  errorCases: [],
});

const graph = suite('runWorkflow: the graph');

graph(
  'the trigger output is step 1; params resolve; the log records params, output and the transition taken',
  async () => {
    const wf = workflow([
      regex('first', [
        {
          target: 'second',
          condition: { op: 'eq', values: ['/#steps.first.match', 'call'] },
          meta: { name: 'Is call' },
        },
      ]),
      { id: 'second', transitions: [], errorCases: [] },
    ]);
    const log = await runWorkflow(wf, trigger, memoryHost(), {
      workflowId: 'w1',
      now: () => new Date('2024-05-02T00:00:00Z'),
    });
    assert.match(log.id, /^[0-9a-f]{24}$/);
    assert.equal(
      { ...log, id: '' },
      {
        id: '',
        workflowId: 'w1',
        workflowName: 'regal-test',
        startedAt: '2024-05-02T00:00:00.000Z',
        finishedAt: '2024-05-02T00:00:00.000Z',
        status: 'completed',
        steps: [
          { id: '1', output: trigger, next: 'first' },
          {
            id: 'first',
            action: 'kustomer.regex-match.generic',
            params: { testString: 'call.completed', regex: '^[a-z]+' },
            output: { match: 'call' },
            next: 'second',
            transitionLabel: 'Is call',
          },
          { id: 'second', output: {} },
        ],
      },
    );
  },
);

graph('transitions are tried in order and the first that holds wins', async () => {
  const wf = workflow([
    {
      id: 'branch',
      transitions: [
        { target: 'a', condition: eventIs('sms.sent') },
        { target: 'b', condition: eventIs('call.completed') },
        { target: 'c', condition: always },
      ],
    },
    { id: 'a' },
    { id: 'b' },
    { id: 'c' },
  ]);
  const log = await runWorkflow(wf, trigger, memoryHost());
  assert.equal(
    log.steps.map((s) => s.id),
    ['1', 'branch', 'b'],
  );
  assert.is(log.status, 'completed');
});

graph('no trigger transition holds: no-match, nothing runs', async () => {
  const host = memoryHost();
  const wf = workflow(
    [{ id: 'create', action: 'kustomer.customer.create', params: { externalId: 'x' } }],
    [{ target: 'create', condition: eventIs('sms.sent') }],
  );
  const log = await runWorkflow(wf, trigger, host);
  assert.is(log.status, 'no-match');
  assert.equal(log.steps, [{ id: '1', output: trigger }]);
  assert.equal(host.calls, []);
});

graph('a step whose transitions all fail ends the run, completed', async () => {
  const wf = workflow([
    { id: 'branch', transitions: [{ target: 'never', condition: eventIs('sms.sent') }] },
    { id: 'never' },
  ]);
  const log = await runWorkflow(wf, trigger, memoryHost());
  assert.is(log.status, 'completed');
  assert.equal(log.steps.at(-1), { id: 'branch', output: {} });
});

const failures = suite('runWorkflow: failures end the run with the step named');

const failTable: [string, JsonObject, string, Record<string, unknown>][] = [
  [
    'unsupported action',
    workflow([
      { id: 'msg', action: 'kustomer.message.create', params: { body: 'hi {{{steps.1.attributes.data.externalId}}}' } },
    ]),
    'step "msg" (kustomer.message.create): action kustomer.message.create is not supported by the local Kustomer org',
    {
      id: 'msg',
      action: 'kustomer.message.create',
      params: { body: 'hi ext-1' },
      error: 'action kustomer.message.create is not supported by the local Kustomer org',
    },
  ],
  [
    'unknown step target',
    workflow([{ id: 'branch', transitions: [{ target: 'gone', condition: always, meta: { name: 'Else' } }] }]),
    'step "branch": transition 1 ("Else") to "gone" was taken, but the workflow has no step "gone"',
    {
      id: 'branch',
      output: {},
      error: 'transition 1 ("Else") to "gone" was taken, but the workflow has no step "gone"',
    },
  ],
  [
    'unknown condition op',
    workflow([
      {
        id: 'branch',
        transitions: [
          { target: 'branch', condition: { op: 'and', values: [always, { op: 'startsWith', values: ['a', 'b'] }] } },
        ],
      },
    ]),
    'step "branch": transition 1 to "branch": condition op "startsWith" is not supported by the local Kustomer org (supported: true, eq, neq, exists, dne, contains, gt, gte, lt, lte, and, or)',
    {
      id: 'branch',
      output: {},
      error:
        'transition 1 to "branch": condition op "startsWith" is not supported by the local Kustomer org (supported: true, eq, neq, exists, dne, contains, gt, gte, lt, lte, and, or)',
    },
  ],
  [
    'host error',
    workflow([
      {
        id: 'k',
        action: 'kustomer.kobject.create',
        params: { klassName: 'nope', title: 't' },
        errorCases: [{ any: 1 }],
      },
    ]),
    'step "k" (kustomer.kobject.create): Klass nope does not exist (HTTP 404) (its errorCases are not interpreted by the local Kustomer org)',
    {
      id: 'k',
      action: 'kustomer.kobject.create',
      params: { klassName: 'nope', title: 't' },
      error: 'Klass nope does not exist (HTTP 404)',
    },
  ],
  [
    'function helper in params',
    workflow([{ id: 'c', action: 'kustomer.customer.create', params: { name: '/#fn:ifExists,steps.1.x' } }]),
    'step "c" (kustomer.customer.create): function helper "/#fn:ifExists,steps.1.x" is not supported by the local Kustomer org (supported: /#fn:parseInt, /#fn:dateFormat)',
    {
      id: 'c',
      action: 'kustomer.customer.create',
      error:
        'function helper "/#fn:ifExists,steps.1.x" is not supported by the local Kustomer org (supported: /#fn:parseInt, /#fn:dateFormat)',
    },
  ],
];
for (const [name, wf, error, lastStep] of failTable) {
  failures(name, async () => {
    const log = await runWorkflow(wf, trigger, memoryHost());
    assert.is(log.status, 'failed');
    assert.is(log.error, error);
    assert.equal(log.steps.at(-1), lastStep);
  });
}

failures('an unknown trigger target fails before any step runs', async () => {
  const log = await runWorkflow(workflow([{ id: 'a' }], [{ target: 'b', condition: always }]), trigger, memoryHost());
  assert.is(log.error, 'trigger: transition 1 to "b" was taken, but the workflow has no step "b"');
  assert.equal(log.steps, [
    { id: '1', output: trigger, error: 'transition 1 to "b" was taken, but the workflow has no step "b"' },
  ]);
});

failures('malformed workflow documents', async () => {
  const cases: [unknown, string][] = [
    [{ name: 'x', steps: [] }, 'the workflow has no trigger'],
    [{ name: 'x', trigger: { transitions: {} } }, 'trigger: transitions is not a list'],
    [{ name: 'x', trigger: { transitions: [] }, steps: [{ id: 'a' }, { id: 'a' }] }, 'step id "a" is used twice'],
    [
      { name: 'x', trigger: { transitions: [] }, steps: [{ action: 'kustomer.customer.create' }] },
      'steps[0] has no id',
    ],
    [
      { name: 'x', trigger: { transitions: [{ condition: always }] } },
      'trigger: transition 1 has no target: {"condition":{"op":"true","values":[true]}}',
    ],
  ];
  for (const [wf, error] of cases) {
    const log = await runWorkflow(wf as JsonObject, trigger, memoryHost());
    assert.equal([log.status, log.error, log.steps], ['failed', error, []]);
  }
});

failures('a loop stops at maxSteps', async () => {
  const wf = workflow([
    { id: 'a', transitions: [{ target: 'b', condition: always }] },
    { id: 'b', transitions: [{ target: 'a', condition: always }] },
  ]);
  const log = await runWorkflow(wf, trigger, memoryHost(), { maxSteps: 5 });
  assert.is(log.status, 'failed');
  assert.is(log.error, 'run stopped after 5 steps (maxSteps) before step "b": the workflow loops');
  assert.equal(
    log.steps.map((s) => s.id),
    ['1', 'a', 'b', 'a', 'b', 'a'],
  );
  const defaultLog = await runWorkflow(wf, trigger, memoryHost());
  assert.is(defaultLog.steps.length, 101);
});

graph.run();
failures.run();
