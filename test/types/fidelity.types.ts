// Type tests for callable workflows, standard-event triggers and the raw escape hatch: compiled by
// `tsc --noEmit` in `npm test`. Each @ts-expect-error must be a real error.
import {
  action,
  callWorkflow,
  defineKlass,
  defineWorkflow,
  onCall,
  onConversation,
  onCustomer,
  onKObject,
  attribute,
} from '../../compiler/index.js';

const writeNote = defineWorkflow({
  name: 'acme-write-note',
  trigger: onCall({
    properties: { conversationId: { type: 'string' }, minutes: { type: 'number' } },
    required: ['conversationId'],
  }),
  response: { schema: { properties: { noteId: { type: 'string' } }, required: [] } },
  steps({ trigger, event, step }) {
    const note = step('note', action('kustomer.note.create', { conversation: event.conversationId, body: 'hi' }));
    trigger.to(note);
    // @ts-expect-error: not an input of the schema
    event.conversationID;
  },
});

const plain = defineWorkflow({ name: 'acme-plain', trigger: onCustomer('create'), steps: () => {} });

export const caller = defineWorkflow({
  name: 'acme-caller',
  trigger: onConversation('update', { raw: { someUiKey: true } }),
  raw: { replaces: 'kustomer.some-app-workflow' },
  steps({ trigger, event, step }) {
    const ok = step('call', callWorkflow(writeNote, { conversationId: event.id, minutes: 30 }));
    trigger.to(ok);
    // @ts-expect-error: the required input is missing
    step('missing', callWorkflow(writeNote, { minutes: 30 }));
    // @ts-expect-error: an input the callee does not declare
    step('extra', callWorkflow(writeNote, { conversationId: event.id, minute: 30 }));
    // @ts-expect-error: a number input given a string
    step('wrong', callWorkflow(writeNote, { conversationId: event.id, minutes: 'thirty' }));
    // @ts-expect-error: a workflow that is not callable cannot be called
    step('plain', callWorkflow(plain, {}));
    step(
      'branch',
      { action: undefined, params: {} },
      { appVersion: 'kustomer-^1.9.2', raw: { meta: { color: 'red' } } },
    );
  },
});

const order = defineKlass({
  name: 'acme-order',
  attributes: {
    orderStatus: attribute.string({ displayName: null }),
    orderStatusUrl: attribute.url({ raw: { hidden: true } }),
  },
  raw: { klassSchema: 'task' },
});
export const onOrder = defineWorkflow({ name: 'acme-on-order', trigger: onKObject(order, 'create'), steps: () => {} });
// @ts-expect-error: only create and update
onConversation('delete');
