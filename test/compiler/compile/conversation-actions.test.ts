// The conversation and note builders compile to the actions and params real exports use
// (kustomer.conversation.find-by-id / update, kustomer.note.create), and `kac validate` checks a
// conversation.update's `custom` against the conversation's defineAttributes like any standard write.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  attribute,
  conversation,
  customOf,
  defineAttributes,
  defineWorkflow,
  note,
  onConversation,
  when,
} from '../../../compiler/index.js';
import { compileProject } from '../../../compiler/compile/index.js';
import type { Model } from '../../../compiler/model/project.js';
import { validateProject } from '../../../compiler/validate/index.js';

const acmeConversation = defineAttributes('conversation', { acmeTopic: attribute.dropdown(['refund', 'other']) });

const flow = defineWorkflow({
  name: 'acme-triage',
  trigger: onConversation('update'),
  steps({ trigger, event, step }) {
    const found = step('find', conversation.findById({ id: event.id }, acmeConversation));
    const close = step(
      'close',
      conversation.update({
        id: found.out.id,
        status: 'done',
        priority: 2,
        custom: customOf(acmeConversation, { acmeTopicStr: 'refund' }),
      }),
    );
    const write = step(
      'note',
      note.create({
        conversation: found.out.id,
        body: `Topic: ${found.out.custom.acmeTopicStr}`,
        userMentions: [{ user: 'u-1' }],
      }),
    );
    trigger.to(found);
    found.to(close, when.eq(found.out.custom.acmeTopicStr, 'refund'), 'refund');
    close.to(write);
  },
});

const misspelled = defineWorkflow({
  name: 'acme-misspelled',
  trigger: onConversation('update'),
  steps({ trigger, event, step }) {
    trigger.to(
      step('set', conversation.update({ id: event.id, custom: { acmeTopcStr: 'refund', someoneElsesStr: 'x' } })),
    );
  },
});

const model = (workflows: ReturnType<typeof defineWorkflow>[]): Model => ({
  root: dirname(fileURLToPath(import.meta.url)),
  namespace: 'acme',
  klasses: [],
  hooks: [],
  workflows: workflows.map((definition) => ({ definition, file: 'workflows/x.ts' })),
  outboundWebhooks: [],
  iterableWebhooks: [],
  standardAttributes: [{ definition: acmeConversation, file: 'klasses/standard/conversation.ts' }],
});

test('conversation.findById, conversation.update and note.create compile to the actions and params of real exports', () => {
  const wf = compileProject(model([flow])).find((r) => r.kind === 'kustomer.workflow')!.body as {
    steps: { id: string; action: string; params: unknown }[];
  };
  assert.equal(
    wf.steps.map((s) => [s.id, s.action, s.params]),
    [
      ['find', 'kustomer.conversation.find-by-id', { id: '/#steps.1.id' }],
      [
        'close',
        'kustomer.conversation.update',
        { id: '/#steps.find.id', status: 'done', priority: 2, custom: { acmeTopicStr: 'refund' } },
      ],
      [
        'note',
        'kustomer.note.create',
        {
          conversation: '/#steps.find.id',
          body: 'Topic: {{{steps.find.custom.acmeTopicStr}}}',
          userMentions: [{ user: 'u-1' }],
        },
      ],
    ],
  );
});

test('note.create without userMentions sends none (no undefined key)', () => {
  assert.equal(note.create({ conversation: 'c-1', body: 'hi' }).params, { conversation: 'c-1', body: 'hi' });
});

test("a conversation.update writing an attribute that looks like kac's but is not defined is a validation error; someone else's is not", () => {
  const found = validateProject(model([flow, misspelled])).filter((d) => d.severity === 'error');
  assert.equal(
    found.map((d) => [d.code, d.message, d.hint]),
    [
      [
        'workflow/unknown-attribute',
        'custom mapping "acmeTopcStr" is not an attribute kac defines on conversation.',
        'did you mean "acmeTopicStr"?',
      ],
    ],
  );
});

test.run();
