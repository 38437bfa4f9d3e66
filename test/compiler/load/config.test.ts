// loadConfig: the default export of kac.config.ts, checked with zod; missing or invalid → ConfigError.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ConfigError, loadConfig } from '../../../compiler/load/config.js';
import { AUTHORING_ENTRY, fixtureRoot, tempProject, toRows } from '../helpers.js';

test('loadConfig returns the config, secrets intact', async () => {
  const config = await loadConfig(fixtureRoot('golden'));
  assert.is(config.namespace, 'regal');
  const production = config.environments.production!;
  assert.is(production.kind, 'kustomer');
  if (production.kind === 'kustomer') assert.is(String(production.apiKey), '<secret:KUSTOMER_API_KEY>');
});

async function configErrors(source: string | undefined) {
  const project = await tempProject(source === undefined ? {} : { 'kac.config.ts': source });
  try {
    await loadConfig(project.root);
    assert.unreachable('loadConfig should throw');
  } catch (error) {
    assert.instance(error, ConfigError);
    return toRows((error as ConfigError).diagnostics);
  } finally {
    await project.remove();
  }
  return [];
}

test('loadConfig: a missing config names the file and the fix', async () => {
  const rows = await configErrors(undefined);
  assert.is(rows.length, 1);
  assert.equal(
    [rows[0]![0], rows[0]![1], rows[0]![3]],
    ['', 'error config/missing', 'run kac from the project root, or pass --root <dir>'],
  );
  assert.match(rows[0]![2], /^no kac\.config\.ts in \/.+\.$/);
});

test('loadConfig: every shape problem, at kac.config.ts', async () => {
  const rows = await configErrors(`import { defineConfig } from '${AUTHORING_ENTRY}';
export default defineConfig({
  namespace: 'bad name',
  defaultEnvironment: 'staging',
  environments: { local: { kind: 'local' }, prod: { kind: 'kustomer', baseUrl: 'acme', apiKey: 'plain' } },
} as any);
`);
  assert.equal(rows, [
    [
      'kac.config.ts:1:1',
      'error config/invalid',
      'namespace: letters, digits and "_" only (names are `<namespace>-...`)',
    ],
    [
      'kac.config.ts:1:1',
      'error config/invalid',
      'environments.prod.baseUrl: must be an http(s) URL, e.g. https://acme.api.kustomerapp.com',
    ],
    [
      'kac.config.ts:1:1',
      'error config/invalid',
      'environments.prod.apiKey: Invalid input: expected object, received string',
    ],
    ['kac.config.ts:1:1', 'error config/invalid', 'defaultEnvironment: names no environment (have: local, prod)'],
  ]);
});

test('loadConfig: no default export', async () => {
  const rows = await configErrors('export const config = {};\n');
  assert.equal(rows, [
    [
      'kac.config.ts:1:1',
      'error config/invalid',
      'the default export: Invalid input: expected object, received undefined',
      'export default defineConfig({ namespace, environments })',
    ],
  ]);
});

test('loadConfig: a config that throws', async () => {
  const rows = await configErrors("throw new Error('no config today');\n");
  assert.equal(rows, [
    ['kac.config.ts:1:1', 'error config/import-failed', 'kac.config.ts could not be loaded: no config today'],
  ]);
});

test.run();
