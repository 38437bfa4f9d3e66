/**
 * Generates the checked-in TypeScript types of every `workflows/**\/*.schema.json` with
 * json-schema-to-typescript: `<dir>/<name>.schema.json` → `<dir>/generated/<name>.ts`. Deterministic
 * (sorted inputs, fixed style), so a test can regenerate in memory and compare. `npm run generate`.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { compile, type Options } from 'json-schema-to-typescript';
import { glob } from 'tinyglobby';

export const SCHEMA_GLOB = 'workflows/**/*.schema.json';
/**
 * Schemas whose types are generated elsewhere: the Iterable fields keep their own `fields.schema.ts`
 * beside the schema (written by the Iterable work). Listed here so two generators never fight over one type.
 */
export const SCHEMA_IGNORE = ['**/node_modules/**', 'workflows/iterable/**'];

const BANNER = [
  '/*',
  ' * GENERATED from SCHEMA by `npm run generate` (compiler/codegen/generate-types.ts).',
  ' * Do not edit: edit the schema and regenerate; a test fails while this file is stale.',
  ' *',
  ' * Objects whose fields the schema lists are closed here (no index signature) although the schema',
  ' * accepts unknown fields: a workflow may only reference a documented field, so a typo in a payload',
  ' * path is a compile error. To use a new field, add it to the schema first.',
  ' */',
].join('\n');

const OPTIONS: Partial<Options> = {
  additionalProperties: false,
  declareExternallyReferenced: true,
  enableConstEnums: false,
  format: true,
  strictIndexSignatures: false,
  unknownAny: true,
  style: {
    singleQuote: true,
    printWidth: 120,
    semi: true,
    trailingComma: 'all',
    tabWidth: 2,
    useTabs: false,
    endOfLine: 'lf',
  },
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** `RegalCallCompleted` is a record keyed by field: `anyOf: [{required}, ...]` only constrains validation. */
function isRequiredOnly(branch: Json): boolean {
  return (
    typeof branch === 'object' &&
    branch !== null &&
    !Array.isArray(branch) &&
    Object.keys(branch).every((k) => k === 'required')
  );
}

/**
 * The schema as the type generator should read it: validation-only keywords that json-schema-to-typescript
 * would turn into index signatures or `{ [k: string]: unknown } & {...}` are dropped.
 * - `additionalProperties: true` on an object that lists its `properties` (it stays for objects of unknown shape);
 * - `anyOf` / `oneOf` whose branches only say which fields are `required` ("event or name").
 */
export function typingSchema(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(typingSchema);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'additionalProperties' && value === true && 'properties' in schema) continue;
    if ((key === 'anyOf' || key === 'oneOf') && Array.isArray(value) && value.every(isRequiredOnly)) continue;
    out[key] = typingSchema(value);
  }
  return out;
}

/** What validation reads of a schema (compiler/validate/payload-schema.ts): its shape, without prose. */
const PROSE = new Set(['$schema', 'title', 'description', 'examples', '$comment']);

export function checkingSchema(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(checkingSchema);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(schema)) {
    // `properties` maps field names (a field may be called "description"): only its values are schemas.
    if (key === 'properties' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, s]) => [name, checkingSchema(s)]));
    } else if (!PROSE.has(key)) {
      out[key] = checkingSchema(value);
    }
  }
  return out;
}

/** Appended to each generated file: the schema, for `payloadOf<T>(payloadSchema)`. */
function schemaExport(schema: Json): string {
  return [
    '',
    '/** The JSON Schema this file was generated from (its shape): `payloadOf<T>(payloadSchema)` checks references against it. */',
    // Plain JSON (valid TypeScript): no quoting rules to get wrong.
    `export const payloadSchema = ${JSON.stringify(checkingSchema(schema), null, 2)};`,
    '',
  ].join('\n');
}

/** `workflows/regal/payloads/call-completed.schema.json` → `workflows/regal/payloads/generated/call-completed.ts`. */
export function generatedPathOf(schemaPath: string): string {
  return join(dirname(schemaPath), 'generated', `${basename(schemaPath, '.schema.json')}.ts`);
}

/** Every schema's generated source, keyed by repo-relative output path, in path order. Writes nothing. */
export async function generatePayloadTypes(root: string): Promise<Map<string, string>> {
  const schemas = (await glob(SCHEMA_GLOB, { cwd: root, ignore: SCHEMA_IGNORE })).sort();
  const out = new Map<string, string>();
  for (const schemaPath of schemas) {
    const schema = JSON.parse(await readFile(join(root, schemaPath), 'utf8')) as Json;
    const source = await compile(typingSchema(schema) as never, basename(schemaPath, '.schema.json'), {
      ...OPTIONS,
      bannerComment: BANNER.replace('SCHEMA', basename(schemaPath)),
      cwd: join(root, dirname(schemaPath)),
    });
    out.set(generatedPathOf(schemaPath), source + schemaExport(schema));
  }
  return out;
}

/** Writes the generated files; returns the paths written. */
export async function writePayloadTypes(root: string): Promise<string[]> {
  const generated = await generatePayloadTypes(root);
  for (const [path, source] of generated) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), source);
  }
  return [...generated.keys()];
}
