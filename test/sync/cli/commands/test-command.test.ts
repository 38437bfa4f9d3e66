// `kac test` through the real CLI entry on a temporary project: passing tests exit 0, a failing one
// exits 1 naming the field with expected and actual, a pattern that matches nothing is an error.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { main } from '../../../../sync/cli/main.js';
import { AUTHORING_ENTRY, CONFIG_SOURCE, memoryIo, tempProject } from '../../../compiler/helpers.js';

const files = (expectedName: string) => ({
  'kac.config.ts': CONFIG_SOURCE,
  'workflows/hook.ts': `import { defineHook, payloadOf } from '${AUTHORING_ENTRY}';
export default defineHook({ name: 'regal-signup', payload: payloadOf<{ id: string; name: string }>() });
`,
  'workflows/signup.ts': `import { customer, defineWorkflow, onHook, when } from '${AUTHORING_ENTRY}';
import hook from './hook.js';
export default defineWorkflow({
  name: 'regal-signup',
  trigger: onHook(hook),
  steps({ trigger, event, step }) {
    const create = step('create', customer.create({ externalId: event.id, name: event.name }));
    trigger.to(create, when.exists(event.id));
  },
});
`,
  'workflows/signup.test.ts': `import { defineWorkflowTest } from '${AUTHORING_ENTRY}';
import signup from './signup.js';
export const creates = defineWorkflowTest({
  name: 'a signup creates the customer',
  workflow: signup,
  event: { id: 'u1', name: 'Ada' },
  expect: { customers: { created: [{ externalId: 'u1', name: ${JSON.stringify(expectedName)} }] }, steps: ['create'] },
});
`,
});

test('kac test: exit 0 when every test passes, 1 with the field, expected and actual when one fails', async () => {
  const good = await tempProject(files('Ada'));
  const bad = await tempProject(files('Grace'));
  try {
    let io = memoryIo(good.root);
    assert.is(await main(['test'], io), 0);
    assert.equal(io.stdout.join('\n').split('\n'), [
      '✓ a signup creates the customer',
      '',
      '1 workflow test(s): 1 passed',
    ]);

    io = memoryIo(bad.root);
    assert.is(await main(['test'], io), 1);
    const out = io.stdout.join('\n');
    assert.match(out, '✗ a signup creates the customer');
    assert.match(
      out,
      'FAIL a signup creates the customer\n  at workflows/signup.test.ts:3\n  customers.created[0].name\n    expected: "Grace"\n    actual:   "Ada"',
    );
    assert.match(
      out,
      '    run of regal-signup: completed\n      trigger → create\n      create kustomer.customer.create',
    );

    io = memoryIo(good.root);
    await main(['test', 'nothing-like-this'], io).then((code) => assert.is(code, 1));
    assert.match(io.stderr.join('\n'), 'no workflow test matches "nothing-like-this"');
  } finally {
    await good.remove();
    await bad.remove();
  }
});

test.run();
