/**
 * Issue 10's end-to-end proof, through the real CLI against the local org: a standard-object
 * attribute (`defineAttributes('conversation', …)`), a callable workflow (`onCall`) that writes a note,
 * and a conversation-triggered workflow (`onConversation('update')`) that reads the conversation and
 * calls it (`callWorkflow`), all authored in TypeScript (test/fixtures/projects/conversation-callable),
 * validated, applied, then exercised by updating a conversation through Kustomer's HTTP API.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { z } from 'zod';
import { createKustomerClient, type KustomerClient } from '../../sync/providers/kustomer/client/index.js';
import type { StoredRun } from '../../sync/local-org/store/state.js';
import { createHarness, type Harness } from './harness.js';

const e2e = suite('conversation update → callable workflow → note (e2e)');
let h: Harness;
let client: KustomerClient;
let conversationId: string;

const Resource = z.looseObject({ data: z.looseObject({ id: z.string(), attributes: z.looseObject({}) }) });
const workflowId = (name: string) => h.org.store.state.workflows.find((w) => w.attributes.name === name)!.id;
const notesOf = (id: string) => h.org.store.state.notes.filter((n) => n.conversation === id);
const runsOf = async (): Promise<StoredRun[]> => {
  const r = await h.kac('runs', '--url', h.org.baseUrl, '--json', '--limit', '50');
  assert.is(r.code, 0, r.err);
  return JSON.parse(r.out) as StoredRun[];
};

e2e.before(async () => {
  h = await createHarness({}, 'conversation-callable');
  client = createKustomerClient({ baseUrl: h.org.baseUrl, apiKey: h.org.token });
});
e2e.after(async () => {
  await h.dispose();
});

e2e('kac validate finds no problem in the TypeScript project', async () => {
  const r = await h.kac('validate');
  assert.is(r.code, 0, r.out + r.err);
  assert.match(r.out, 'No problems found');
  assert.not.match(r.out + r.err, 'warning');
});

e2e(
  'kac apply creates the attribute and both workflows, the caller calling the callee by its live id; a fresh plan is empty',
  async () => {
    const first = await h.kac('plan', '--detailed-exitcode');
    assert.is(first.code, 2, first.err);
    assert.match(first.out, 'attribute acmeEscalationStr (string) added');
    const r = await h.kac('apply', '--auto-approve');
    assert.is(r.code, 0, r.err + r.out);
    assert.match(r.out, 'Verified: a fresh plan is empty; the org matches git.');
    assert.is((await h.kac('plan', '--detailed-exitcode')).code, 0);

    const attribute = (h.org.store.state.metadata.conversation as { properties: Record<string, unknown> }).properties
      .acmeEscalationStr;
    assert.equal(attribute, { type: 'string', displayName: 'Escalation', enumeration: ['none', 'manager', 'legal'] });
    const callee = h.org.store.state.workflows.find((w) => w.attributes.name === 'acme-write-note')!;
    assert.is((callee.attributes.trigger as { callable?: unknown }).callable, true);
    const caller = h.org.store.state.workflows.find((w) => w.attributes.name === 'acme-on-escalation')!;
    const steps = caller.attributes.steps as { id: string; action?: string }[];
    assert.is(steps.find((s) => s.id === 'call')!.action, `kustomer.workflow.${callee.id}.call`);
    assert.is((caller.attributes.trigger as { eventName?: unknown }).eventName, 'kustomer.conversation.update');
  },
);

e2e(
  'an update that does not set the attribute runs the workflow, which stops at its trigger: no call, no note',
  async () => {
    const customer = await client.post(
      '/v1/customers',
      { name: 'Ada Lovelace', externalId: 'ada-1' },
      z.looseObject({}),
    );
    const created = await client.post(
      '/v1/conversations',
      { customer: customer.id, name: 'Refund request' },
      z.looseObject({}),
    );
    conversationId = created.id;
    const before = (await runsOf()).length;
    await client.request('PATCH', `/v1/conversations/${conversationId}`, {
      body: { status: 'snoozed' },
      schema: Resource,
    });
    const runs = (await runsOf()).slice(before);
    assert.equal(
      runs.map((r) => [r.eventName, r.log.workflowName, r.log.status]),
      [['kustomer.conversation.update', 'acme-on-escalation', 'no-match']],
    );
    assert.is(notesOf(conversationId).length, 0);
  },
);

e2e(
  'setting the attribute runs the workflow, which reads the conversation and calls the callable one, which writes exactly one note',
  async () => {
    const before = (await runsOf()).length;
    const updated = await client.request('PUT', `/v1/conversations/${conversationId}`, {
      body: { custom: { acmeEscalationStr: 'manager' } },
      schema: Resource,
    });
    assert.equal((updated.data.attributes as { custom?: unknown }).custom, { acmeEscalationStr: 'manager' });

    const notes = notesOf(conversationId);
    assert.is(notes.length, 1, JSON.stringify(notes));
    assert.is(notes[0]!.body, 'Escalated: manager (snoozed)');
    assert.is(notes.length, h.org.store.state.notes.length, 'no note anywhere else');
    const listed = await client.list(`/v1/conversations/${conversationId}/notes`, z.looseObject({ body: z.string() }));
    assert.equal(
      listed.map((n) => n.attributes.body),
      ['Escalated: manager (snoozed)'],
    );

    // The run logs show the chain: the callee's run (recorded when it finished), then the caller's.
    const runs = (await runsOf()).slice(before);
    const calleeId = workflowId('acme-write-note');
    assert.equal(
      runs.map((r) => [r.eventName, r.log.workflowName, r.log.status]),
      [
        [`kustomer.workflow.${calleeId}.call`, 'acme-write-note', 'completed'],
        ['kustomer.conversation.update', 'acme-on-escalation', 'completed'],
      ],
    );
    const [calleeRun, callerRun] = runs as [StoredRun, StoredRun];
    assert.equal(
      callerRun.log.steps.map((s) => [s.id, s.action, s.next, s.transitionLabel]),
      [
        ['1', undefined, 'find', 'escalation set'],
        ['find', 'kustomer.conversation.find-by-id', 'call', 'escalated'],
        ['call', `kustomer.workflow.${calleeId}.call`, undefined, undefined],
      ],
    );
    const find = callerRun.log.steps[1]!;
    assert.equal(find.params, { id: conversationId });
    assert.is((find.output as { custom: Record<string, unknown> }).custom.acmeEscalationStr, 'manager');
    const call = callerRun.log.steps[2]!;
    assert.equal(call.params, { conversationId, text: 'manager (snoozed)' }, 'called with the right input');
    assert.equal(
      call.output,
      { id: notes[0]!.id, body: 'Escalated: manager (snoozed)' },
      "the callee's response, shaped by its response schema",
    );

    assert.equal(
      calleeRun.log.steps[0]!.output,
      { conversationId, text: 'manager (snoozed)' },
      "the callee's step 1 is its input",
    );
    assert.equal(
      calleeRun.log.steps.slice(1).map((s) => [s.id, s.action, s.params]),
      [['note', 'kustomer.note.create', { conversation: conversationId, body: 'Escalated: manager (snoozed)' }]],
    );
    assert.is((calleeRun.log.steps[1]!.output as { id: string }).id, notes[0]!.id);

    const text = await h.kac('runs', '--url', h.org.baseUrl, '--limit', '2');
    assert.match(text.out, `acme-write-note  completed  (run ${calleeRun.log.id}, kustomer.workflow.${calleeId}.call)`);
    assert.match(text.out, `  call kustomer.workflow.${calleeId}.call`);
  },
);

e2e('nothing printed holds the API key', () => {
  for (const line of h.transcript) assert.not.match(line, h.org.token);
});

e2e.run();
