// renderDist: one canonical JSON per resource, keys that can't escape their folder, a manifest.
import { createHash } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { distPath, refsOf, renderDist } from '../../../compiler/compile/dist.js';
import type { Resource } from '../../../compiler/resource.js';

const workflow: Resource = {
  kind: 'kustomer.workflow',
  key: 'regal-b',
  body: {
    name: 'regal-b',
    trigger: { eventName: 'kustomer.hooks.web.<ref:kustomer.hook:regal-events:id>.receive' },
    steps: [{ z: 1, a: 2 }],
  },
  dependsOn: [{ kind: 'kustomer.hook', key: 'regal-events' }],
  sensitive: [],
  source: { file: 'workflows/b.ts', line: 3, column: 16 },
};
const hook: Resource = {
  kind: 'kustomer.hook',
  key: 'regal-events',
  body: { name: 'regal-events', type: 'web' },
  dependsOn: [],
  sensitive: [],
};
const iterable: Resource = {
  kind: 'iterable.journey-webhook',
  key: 'regal-contact',
  body: { headers: { Authorization: '<secret:REGAL_API_KEY>' } },
  dependsOn: [],
  sensitive: [['headers', 'Authorization']],
};

test('renderDist: sorted by kind then key, canonical JSON with a trailing newline, manifest last', () => {
  const files = renderDist([workflow, iterable, hook]);
  assert.equal(
    files.map((f) => f.path),
    [
      'kustomer/hooks/regal-events.json',
      'kustomer/workflows/regal-b.json',
      'iterable/regal-contact.json',
      'manifest.json',
    ],
  );
  assert.is(
    files[1]!.content,
    '{\n  "name": "regal-b",\n  "steps": [\n    {\n      "a": 2,\n      "z": 1\n    }\n  ],\n  "trigger": {\n    "eventName": "kustomer.hooks.web.<ref:kustomer.hook:regal-events:id>.receive"\n  }\n}\n',
  );
  const manifest = JSON.parse(files[3]!.content);
  assert.equal(manifest.resources[1], {
    dependsOn: [{ key: 'regal-events', kind: 'kustomer.hook' }],
    key: 'regal-b',
    kind: 'kustomer.workflow',
    refs: [{ field: 'id', key: 'regal-events', kind: 'kustomer.hook' }],
    sensitive: [],
    sha256: createHash('sha256').update(files[1]!.content.trimEnd()).digest('hex'),
    source: 'workflows/b.ts',
  });
  assert.equal(manifest.resources[2].sensitive, [['headers', 'Authorization']]);
  assert.is(manifest.resources[0].source, null);
});

test('distPath: a key never leaves its folder', () => {
  assert.is(
    distPath({ kind: 'kustomer.outbound-webhook', key: '../Conversation sync' }),
    'kustomer/outbound-webhooks/..%2FConversation%20sync.json',
  );
});

test('refsOf: unique, sorted', () => {
  assert.equal(
    refsOf({ a: '<ref:kustomer.hook:b:id> <ref:kustomer.hook:a:id>', b: ['<ref:kustomer.hook:a:id>'] }).map(
      (r) => r.key,
    ),
    ['a', 'b'],
  );
});

test.run();
