// Type tests for the conversation and note builders and for calling the e2e fixture's callable
// workflow (test/fixtures/projects/conversation-callable), compiled by `tsc --noEmit` in `npm test`:
// each @ts-expect-error must be a real error, or tsc fails with "Unused '@ts-expect-error' directive".
import {
  attribute,
  callWorkflow,
  conversation,
  customOf,
  defineAttributes,
  defineWorkflow,
  note,
  onConversation,
  when,
} from '../../compiler/index.js';
import acmeConversation from '../fixtures/projects/conversation-callable/klasses/standard/conversation.js';
import writeNote from '../fixtures/projects/conversation-callable/workflows/write-note.js';

const acmeCustomer = defineAttributes('customer', { acmeTier: attribute.string() });

export default defineWorkflow({
  name: 'acme-types',
  trigger: onConversation('update'),
  steps({ trigger, event, step }) {
    const found = step('find', conversation.findById({ id: event.id }, acmeConversation));
    const plain = step('plain', conversation.findById({ id: event.id }));
    trigger.to(found, when.eq(found.out.custom.acmeEscalationStr, 'legal'));
    step(
      'ok',
      callWorkflow(writeNote, { conversationId: found.out.id, text: `${found.out.custom.acmeEscalationStr}` }),
    );
    step('untyped', callWorkflow(writeNote, { conversationId: plain.out.id, text: plain.out.custom.anything }));

    // @ts-expect-error: an input the callee does not declare (conversationID)
    step('key', callWorkflow(writeNote, { conversationID: found.out.id, text: 'x' }));
    // @ts-expect-error: text is a string input, given a number reference
    step('type', callWorkflow(writeNote, { conversationId: found.out.id, text: found.out.priority }));
    // @ts-expect-error: text is a string input, given a number literal
    step('literal', callWorkflow(writeNote, { conversationId: found.out.id, text: 42 }));
    // @ts-expect-error: the required text is missing
    step('missing', callWorkflow(writeNote, { conversationId: found.out.id }));

    // @ts-expect-error: the attribute's API name has its suffix (acmeEscalationStr)
    found.out.custom.acmeEscalation;
    // @ts-expect-error: not one of the dropdown's options
    when.eq(found.out.custom.acmeEscalationStr, 'urgent');
    // @ts-expect-error: customers' attributes are not a conversation's
    conversation.findById({ id: event.id }, acmeCustomer);

    step(
      'update',
      conversation.update({
        id: found.out.id,
        status: 'done',
        custom: customOf(acmeConversation, { acmeEscalationStr: 'none' }),
      }),
    );
    // @ts-expect-error: not one of the dropdown's options
    customOf(acmeConversation, { acmeEscalationStr: 'urgent' });
    // @ts-expect-error: priority is a number
    conversation.update({ id: found.out.id, priority: 'high' });

    step(
      'note',
      note.create({ conversation: found.out.id, body: `Escalated to ${found.out.custom.acmeEscalationStr}` }),
    );
    // @ts-expect-error: a note needs its body
    note.create({ conversation: found.out.id });
    // @ts-expect-error: the conversation is an id, not a number
    note.create({ conversation: found.out.priority, body: 'x' });
  },
});
