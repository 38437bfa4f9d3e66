// Golden files: the repo's Iterable templates compiled to dist/ (iterable/<name>.json + manifest).
// Regenerate after an intended change with UPDATE_GOLDEN=1 and review the diff.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createCompileContext } from '../../../compiler/compile/context.js';
import { renderDist } from '../../../compiler/compile/dist.js';
import { compileIterableWebhooks, iterableConfigHash } from '../../../compiler/compile/iterable.js';
import type { IterableWebhookDefinition } from '../../../compiler/model/iterable.js';
import type { Model } from '../../../compiler/model/project.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const golden = (path: string) => fileURLToPath(new URL(`golden/${path}`, import.meta.url));
const FILES = ['create-contact', 'update-opt-in', 'application-step-1-completed'];

async function compiled() {
  const defs = await Promise.all(
    FILES.map(async (f) => (await import(`../../../workflows/iterable/${f}.js`)).default as IterableWebhookDefinition),
  );
  const model: Model = {
    root,
    namespace: 'regal',
    klasses: [],
    hooks: [],
    workflows: [],
    outboundWebhooks: [],
    iterableWebhooks: defs.map((definition, i) => ({ definition, file: `workflows/iterable/${FILES[i]}.ts` })),
  };
  return compileIterableWebhooks(model, createCompileContext(model));
}

test('renderDist: Iterable templates match the golden files', async () => {
  const files = renderDist(await compiled());
  assert.equal(
    files.map((f) => f.path),
    [
      'iterable/regal-application-step-1-completed.json',
      'iterable/regal-create-contact.json',
      'iterable/regal-update-opt-in.json',
      'manifest.json',
    ],
  );
  for (const file of files) {
    if (process.env.UPDATE_GOLDEN) {
      mkdirSync(dirname(golden(file.path)), { recursive: true });
      writeFileSync(golden(file.path), file.content);
    }
    assert.fixture(file.content, readFileSync(golden(file.path), 'utf8'), file.path);
  }
});

test('compileIterableWebhooks: the secret stays a placeholder, its path is sensitive, the hash covers the config', async () => {
  for (const r of await compiled()) {
    assert.equal(r.body.headers, { Authorization: '<secret:REGAL_API_KEY>' });
    assert.equal(r.sensitive, [['headers', 'Authorization']]);
    assert.is(r.body.sha256, iterableConfigHash(r.body));
    assert.is(r.body.sendEmailAndWorkflowId, false);
    assert.is(iterableConfigHash({ ...r.body, endpoint: 'https://example.com/x' }) === r.body.sha256, false);
    // The body text is what gets pasted: JSON with merge fields inside strings.
    assert.type(JSON.parse(String(r.body.body)), 'object');
  }
});

test.run();
