// References into a typed payload, checked against its JSON Schema without TypeScript: what a
// JSON-only author (an imported workflow, `action()` params, step-path strings) gets.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildProject } from '../../../compiler/build.js';
import { AUTHORING_ENTRY, CONFIG_SOURCE, tempProject, toRows } from '../helpers.js';

const SCHEMA = `{ type: 'object', properties: { email: { type: 'string' }, count: { type: 'integer' }, at: { type: 'string' }, nested: { type: 'object', properties: { id: { type: 'string' } } } } }`;

test('validatePayloadRefs: step paths and templates in action() params and conditions, at the string the author wrote', async () => {
  const project = await tempProject({
    'kac.config.ts': CONFIG_SOURCE,
    'klasses/card.ts': `import { attribute, defineKlass } from '${AUTHORING_ENTRY}';
export default defineKlass({ name: 'regal-card', attributes: { count: attribute.number(), at: attribute.date(), label: attribute.string() } });
`,
    'workflows/flow.ts': `import { action, defineWorkflow, kobject, onHook, payloadOf, when, defineHook } from '${AUTHORING_ENTRY}';
import card from '../klasses/card.js';
export const hook = defineHook({ name: 'regal-events', payload: payloadOf(${SCHEMA}) });
export default defineWorkflow({
  name: 'regal-flow',
  trigger: onHook(hook),
  steps({ trigger, step }) {
    const send = step('send', action('kustomer.rest-api.json', { body: { to: '/#steps.1.attributes.data.emial', text: 'id {{{steps.1.attributes.data.nested.idd}}}' } }));
    const make = step('make', kobject.createWithCustomer(card, { customer: '/#steps.send.id', title: 'x', custom: { countNum: '/#steps.1.attributes.data.email', atAt: '/#steps.1.attributes.data.count', labelStr: '/#steps.1.attributes.data.email' } }));
    trigger.to(send, when.exists('/#steps.1.attributes.data.nested.id'));
    send.to(make, when.exists('/#steps.1.attributes.data.nestd'));
  },
});
`,
  });
  try {
    const build = await buildProject(project.root);
    assert.equal(toRows(build.diagnostics), [
      [
        'workflows/flow.ts:8:78',
        'error workflow/unknown-payload-field',
        'the payload field "emial" is not in the payload\'s JSON Schema.',
        'did you mean "email"?',
      ],
      [
        'workflows/flow.ts:8:119',
        'error workflow/unknown-payload-field',
        'the payload field "nested.idd" is not in the payload\'s JSON Schema.',
        'did you mean "nested.id"?',
      ],
      [
        'workflows/flow.ts:9:117',
        'error workflow/attribute-type',
        'custom mapping "countNum" is a number attribute (…Num), but the payload field "email" is a string in the payload\'s JSON Schema.',
        'map it into an attribute of its type',
      ],
      [
        'workflows/flow.ts:9:162',
        'error workflow/attribute-type',
        'custom mapping "atAt" is a date attribute (…At, an ISO 8601 string), but the payload field "count" is a number in the payload\'s JSON Schema.',
        'map it into an attribute of its type, or make it text with a template: `${…}`',
      ],
      [
        'workflows/flow.ts:11:31',
        'error workflow/unknown-payload-field',
        'the payload field "nestd" is not in the payload\'s JSON Schema.',
        'did you mean "nested"?',
      ],
    ]);
  } finally {
    await project.remove();
  }
});

test('validatePayloadRefs: a payload without a schema is not checked', async () => {
  const project = await tempProject({
    'kac.config.ts': CONFIG_SOURCE,
    'workflows/flow.ts': `import { action, defineWorkflow, onHook, defineHook } from '${AUTHORING_ENTRY}';
export const hook = defineHook({ name: 'regal-events' });
export default defineWorkflow({
  name: 'regal-flow',
  trigger: onHook(hook),
  steps({ trigger, step }) {
    trigger.to(step('send', action('kustomer.rest-api.json', { to: '/#steps.1.attributes.data.anything' })));
  },
});
`,
  });
  try {
    assert.equal(toRows((await buildProject(project.root)).diagnostics), []);
  } finally {
    await project.remove();
  }
});

test.run();
