// workflows/iterable/fields.schema.ts is generated from fields.schema.json by json-schema-to-typescript
// (compiler/codegen/generate-types.ts leaves workflows/iterable/ to this file). Regenerated in memory and
// compared, so a stale type fails; UPDATE_GOLDEN=1 rewrites it.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileFromFile } from 'json-schema-to-typescript';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const schema = fileURLToPath(new URL('../../../workflows/iterable/fields.schema.json', import.meta.url));
const generated = fileURLToPath(new URL('../../../workflows/iterable/fields.schema.ts', import.meta.url));
const BANNER = '/* Generated from fields.schema.json by json-schema-to-typescript. Do not edit. */';

test('fields.schema.ts is the generated type of fields.schema.json', async () => {
  const source = await compileFromFile(schema, { bannerComment: BANNER, additionalProperties: false });
  if (process.env.UPDATE_GOLDEN) writeFileSync(generated, source);
  assert.fixture(readFileSync(generated, 'utf8'), source);
});

test.run();
