// The checked-in payload types are exactly what `npm run generate` writes from the JSON Schemas.
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { generatePayloadTypes, generatedPathOf, typingSchema } from '../../../compiler/codegen/generate-types.js';

const root = resolve(dirname(new URL(import.meta.url).pathname), '../../..');

test('generatedPathOf puts the type beside its schema, under generated/', () => {
  assert.is(
    generatedPathOf('workflows/regal/payloads/call-completed.schema.json'),
    'workflows/regal/payloads/generated/call-completed.ts',
  );
});

test('typingSchema closes documented objects and drops required-only anyOf, nothing else', () => {
  const schema = {
    type: 'object',
    anyOf: [{ required: ['event'] }, { required: ['name'] }],
    additionalProperties: true,
    properties: {
      properties: { type: 'object', additionalProperties: true, properties: { a: { type: 'string' } } },
      bag: { type: 'object', additionalProperties: true },
      choice: { anyOf: [{ type: 'string' }, { type: 'number' }] },
    },
  };
  assert.equal(typingSchema(schema), {
    type: 'object',
    properties: {
      properties: { type: 'object', properties: { a: { type: 'string' } } },
      bag: { type: 'object', additionalProperties: true },
      choice: { anyOf: [{ type: 'string' }, { type: 'number' }] },
    },
  });
});

test('every checked-in generated file is up to date (run `npm run generate` if this fails)', async () => {
  const generated = await generatePayloadTypes(root);
  assert.ok(generated.size >= 5, `expected the five Regal schemas, found ${[...generated.keys()].join(', ')}`);
  const stale: string[] = [];
  for (const [path, source] of generated) {
    const file = join(root, path);
    if (!existsSync(file) || readFileSync(file, 'utf8') !== source) stale.push(path);
  }
  assert.equal(stale, [], `stale or missing generated types: ${stale.join(', ')}; run \`npm run generate\``);
});

test('generation is deterministic', async () => {
  const [a, b] = [await generatePayloadTypes(root), await generatePayloadTypes(root)];
  assert.equal([...a.entries()], [...b.entries()]);
});

test.run();
