// A callable workflow and its caller authored in TypeScript: apply creates the callee first and
// resolves its id into the caller's action; `kac import` gives back `onCall` and `callWorkflow`, and
// the imported folder plans to nothing.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { z } from 'zod';
import { main } from '../../../sync/cli/main.js';
import { REPO_ROOT, emptyOrg } from './helpers.js';
import { fakeIo, projectDir } from './real-helpers.js';

const AUTHORING = join(REPO_ROOT, 'compiler/index.js');

const CALLEE = `import { action, defineWorkflow, onCall } from '${AUTHORING}';
export default defineWorkflow({
  name: 'acme-write-note',
  trigger: onCall({ properties: { conversationId: { type: 'string' }, minutes: { type: 'number' } }, required: ['conversationId'] }),
  response: { schema: { properties: {}, required: [] } },
  steps({ trigger, event, step }) {
    trigger.to(step('note', action('kustomer.note.create', { conversation: event.conversationId, body: 'Timer running' })));
  },
});
`;
const CALLER = `import { callWorkflow, defineWorkflow, onConversation } from '${AUTHORING}';
import writeNote from './write-note.js';
export default defineWorkflow({
  name: 'acme-on-update',
  trigger: onConversation('update'),
  steps({ trigger, event, step }) {
    trigger.to(step('call', callWorkflow(writeNote, { conversationId: event.id, minutes: 30 })));
  },
});
`;

test('authored callee and caller apply, resolve the callee id, and import back to onCall + callWorkflow', async () => {
  const t = await emptyOrg();
  const authored = await projectDir('acme');
  const imported = await projectDir('acme');
  try {
    await mkdir(join(authored, 'workflows'));
    await writeFile(join(authored, 'workflows/write-note.ts'), CALLEE);
    await writeFile(join(authored, 'workflows/on-update.ts'), CALLER);
    const env = { KUSTOMER_BASE_URL: t.org.baseUrl, KUSTOMER_API_KEY: t.org.token };

    const applied = fakeIo(authored, env);
    assert.is(await main(['apply', '--auto-approve'], applied.io), 0, applied.err.join('\n'));
    assert.match(applied.out.join('\n'), 'Verified: a fresh plan is empty');

    const live = await t.client.list(
      '/v1/workflows',
      z.looseObject({ name: z.string(), trigger: z.any(), steps: z.any() }),
    );
    const callee = live.find((w) => w.attributes.name === 'acme-write-note')!;
    const caller = live.find((w) => w.attributes.name === 'acme-on-update')!;
    assert.is(
      callee.attributes.trigger.eventName,
      `kustomer.workflow.${callee.id}.call`,
      'the server names the call event by id',
    );
    assert.is(caller.attributes.steps[0].action, `kustomer.workflow.${callee.id}.call`);
    assert.equal(caller.attributes.steps[0].params, { conversationId: '/#steps.1.id', minutes: 30 });

    const io = fakeIo(imported, env);
    assert.is(await main(['import'], io.io), 0, io.err.join('\n'));
    const text = await readFile(join(imported, 'workflows/acme-on-update.ts'), 'utf8');
    assert.match(text, "import acmeWriteNote from './acme-write-note.js';");
    assert.match(text, 'callWorkflow(acmeWriteNote, { conversationId:');
    assert.match(await readFile(join(imported, 'workflows/acme-write-note.ts'), 'utf8'), 'trigger: onCall({');

    const planned = fakeIo(imported, env);
    assert.is(
      await main(['plan', '--detailed-exitcode'], planned.io),
      0,
      planned.out.join('\n') + planned.err.join('\n'),
    );
  } finally {
    await t.close();
    await rm(authored, { recursive: true, force: true });
    await rm(imported, { recursive: true, force: true });
  }
});

test.run();
