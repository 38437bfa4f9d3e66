/**
 * Issue 10's chain, authored in TypeScript and run by the local org: a conversation-triggered workflow
 * calls a callable workflow, which writes a note. `kac apply` puts both in the org (the call's callee
 * id resolved at apply); then a conversation update through the API runs the chain.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { main } from '../../sync/cli/main.js';
import type { CliIo } from '../../sync/cli/io.js';
import { startLocalOrg } from '../../sync/local-org/server/server.js';
import { repoRoot } from './harness.js';

const FILES: Record<string, string> = {
  'kac.config.ts': `import { defineConfig } from '../../../../compiler/index.js';
export default defineConfig({ namespace: 'chain', environments: { local: { kind: 'local' } } });
`,
  'workflows/write-note.ts': `import { action, defineWorkflow, onCall } from '../../../../../compiler/index.js';
export default defineWorkflow({
  name: 'chain-write-note',
  trigger: onCall({ properties: { conversationId: { type: 'string' }, text: { type: 'string' } }, required: ['conversationId'] }),
  steps({ trigger, event, step }) {
    trigger.to(step('write', action('kustomer.note.create', { conversation: event.conversationId, body: \`Escalated: \${event.text}\` })));
  },
});
`,
  'workflows/escalate.ts': `import { callWorkflow, defineWorkflow, onConversation, when } from '../../../../../compiler/index.js';
import writeNote from './write-note.js';
export default defineWorkflow({
  name: 'chain-escalate',
  trigger: onConversation('update'),
  steps({ trigger, event, step }) {
    trigger.to(step('call', callWorkflow(writeNote, { conversationId: event.id, text: event.name })), when.eq(event.priority, 5), 'urgent');
  },
});
`,
};

test('kac apply, then a conversation update runs the caller, which calls the callable workflow, which writes a note', async () => {
  const root = await mkdtemp(join(repoRoot, 'test/fixtures/projects', 'e2e-chain-'));
  const org = await startLocalOrg({ stateDir: null, schedulerIntervalMs: 0 });
  try {
    for (const [file, text] of Object.entries(FILES)) {
      await mkdir(join(root, file, '..'), { recursive: true });
      await writeFile(join(root, file), text);
    }
    const out: string[] = [];
    const io: CliIo = {
      out: (t) => void out.push(t),
      err: (t) => void out.push(t),
      isTTY: false,
      color: false,
      logger: { info: (m) => void out.push(m), warn: (m) => void out.push(m), error: (m) => void out.push(m), debug() {} },
      cwd: root,
      env: { PATH: process.env.PATH, KUSTOMER_BASE_URL: org.baseUrl, KUSTOMER_API_KEY: org.token },
    };
    const code = await main(['apply', '--auto-approve'], io);
    assert.is(code, 0, out.join('\n'));
    assert.match(out.join('\n'), 'Verified: a fresh plan is empty');
    const callee = org.store.state.workflows.find((w) => w.attributes.name === 'chain-write-note')!;
    const caller = org.store.state.workflows.find((w) => w.attributes.name === 'chain-escalate')!;
    assert.is((caller.attributes.steps as { action: string }[])[0]!.action, `kustomer.workflow.${callee.id}.call`);

    const call = async (method: string, path: string, body: unknown) => {
      const r = await fetch(`${org.baseUrl}${path}`, { method, headers: { authorization: `Bearer ${org.token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return ((await r.json()) as { data: { id: string } }).data;
    };
    const customer = await call('POST', '/v1/customers', { name: 'Ada' });
    const conversation = await call('POST', '/v1/conversations', { customer: customer.id, name: 'Card declined' });
    await call('PUT', `/v1/conversations/${conversation.id}`, { subStatus: 'waiting' });
    assert.equal(org.store.state.notes, [], 'not urgent: no call');
    await call('PUT', `/v1/conversations/${conversation.id}`, { priority: 5 });
    assert.equal(org.store.state.notes.map((n) => [n.conversation, n.body]), [[conversation.id, 'Escalated: Card declined']]);
    // The first update (not urgent) matches no trigger transition; the callee's run is recorded as it ends.
    assert.equal(org.runs().map((r) => [r.log.workflowName, r.log.status]), [
      ['chain-escalate', 'no-match'],
      ['chain-write-note', 'completed'],
      ['chain-escalate', 'completed'],
    ]);
  } finally {
    await org.close();
    await rm(root, { recursive: true, force: true });
  }
});

test.run();
