// A key added to a live workflow in the UI, at any level, is drift: `kac plan` shows it and `kac drift`
// exits 2 naming it. A root key removed from git is a visible change too; since Kustomer's workflow
// update is partial, plan says apply cannot clear it and apply never prints "Verified" while it stays.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { z } from 'zod';
import type { JsonObject } from '../../../compiler/json.js';
import { main } from '../../../sync/cli/main.js';
import { emptyOrg, type TestOrg } from './helpers.js';
import { createInOrg, fakeIo, projectDir, realFixtures } from './real-helpers.js';

const keys = suite('live keys kac does not declare');

/** The dev-notes callable workflow, created and imported; `fn` gets the org, the project and the live workflow. */
async function withImported(
  fn: (t: TestOrg, dir: string, env: NodeJS.ProcessEnv, live: { id: string; attributes: JsonObject }) => Promise<void>,
): Promise<void> {
  const fixture = (await realFixtures()).find((f) => f.file === 'dev-notes-callable.json')!;
  const t = await emptyOrg();
  const dir = await projectDir(fixture.namespace);
  try {
    await createInOrg(t, fixture);
    const env = { KUSTOMER_BASE_URL: t.org.baseUrl, KUSTOMER_API_KEY: t.org.token };
    assert.is(await main(['import'], fakeIo(dir, env).io), 0);
    const [live] = await t.client.list('/v1/workflows', z.looseObject({ name: z.string() }));
    await fn(t, dir, env, live as unknown as { id: string; attributes: JsonObject });
  } finally {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  }
}

type Edit = (w: JsonObject & { trigger: any; steps: any[]; response: any }) => void;
const EDITS: [string, string, Edit][] = [
  ['a root key', 'uiColour', (w) => void (w.uiColour = 'teal')],
  ['a trigger key', 'uiTriggerNote', (w) => void (w.trigger.uiTriggerNote = 'x')],
  ['an input schema property', 'addedInput', (w) => void (w.trigger.schema.properties.addedInput = { type: 'number' })],
  ['a step key', 'uiStepFlag', (w) => void (w.steps[0].uiStepFlag = true)],
  ['a step meta key', 'uiMetaNote', (w) => void (w.steps[1].meta.uiMetaNote = 'n')],
  ['a transition key', 'uiTransitionKey', (w) => void (w.steps[0].transitions[0].uiTransitionKey = 1)],
  ['a nested param', 'uiParam', (w) => void (w.steps[0].params.uiParam = { deep: true })],
  [
    'a response schema property',
    'addedOutput',
    (w) => void (w.response.schema.properties.addedOutput = { type: 'string' }),
  ],
];

for (const [where, key, edit] of EDITS) {
  keys(
    `${where} added in the UI shows in kac plan and kac drift; adopting it keeps it in raw and plans to nothing`,
    async () => {
      await withImported(async (t, dir, env, live) => {
        const { id: _id, rev: _rev, ...attributes } = structuredClone(live.attributes) as any;
        edit(attributes);
        await t.client.put(
          `/v1/workflows/${live.id}`,
          {
            steps: attributes.steps,
            trigger: attributes.trigger,
            response: attributes.response,
            ...(attributes.uiColour ? { uiColour: attributes.uiColour } : {}),
          },
          z.unknown(),
        );

        const planned = fakeIo(dir, env);
        assert.is(await main(['plan', '--detailed-exitcode'], planned.io), 2, planned.out.join('\n'));
        assert.ok(planned.out.join('\n').includes(key), `plan names ${key}\n${planned.out.join('\n')}`);

        const drift = fakeIo(dir, env);
        assert.is(
          await main(['drift', '--format', 'markdown'], drift.io),
          2,
          drift.out.join('\n') + drift.err.join('\n'),
        );
        assert.ok(drift.out.join('\n').includes(key), `drift names ${key}\n${drift.out.join('\n')}`);

        const adopt = fakeIo(dir, env);
        await main(['drift', '--adopt'], adopt.io); // exits 2: there was drift
        assert.match([...adopt.out, ...adopt.err].join('\n'), 'adopted   kustomer.workflow jesse-callable-response');
        const text = await readFile(join(dir, 'workflows/jesse-callable-response.ts'), 'utf8');
        assert.ok(text.includes(key), `the adopted file keeps ${key}\n${text}`);
        assert.not.ok(text.includes('NOTE (not expressed'), text);
        const after = fakeIo(dir, env);
        assert.is(
          await main(['plan', '--detailed-exitcode'], after.io),
          0,
          after.out.join('\n') + after.err.join('\n'),
        );
      });
    },
  );
}

keys('a root key removed from git: plan says apply cannot clear it, and apply does not claim "Verified"', async () => {
  await withImported(async (_t, dir, env) => {
    const file = join(dir, 'workflows/jesse-callable-response.ts');
    const text = await readFile(file, 'utf8');
    const without = text.replace(/  response: \{[\s\S]*?\n  \},\n/, '');
    assert.is.not(without, text, 'the imported file declares the response schema');
    await writeFile(file, without);

    const planned = fakeIo(dir, env);
    assert.is(await main(['plan', '--detailed-exitcode'], planned.io), 2);
    const shown = planned.out.join('\n');
    assert.match(
      shown,
      `"response" is live but not in git, and Kustomer's workflow update keeps keys it is not sent, so apply cannot remove it`,
    );
    assert.match(shown, 'raw: { response: … }');

    const applied = fakeIo(dir, env);
    await main(['apply', '--auto-approve'], applied.io);
    const out = applied.out.join('\n');
    assert.not.match(out, 'Verified');
    assert.match(out, 'still differ after apply');
  });
});

keys.run();
