/**
 * The architecture's import rules, enforced by reading import specifiers:
 * - compiler/ never imports sync/;
 * - authored files (klasses/, workflows/, kac.config.ts) import only the public authoring entry
 *   (compiler/index.ts), each other, and generated payload types;
 * - only the loader, HTTP clients, servers, GitHub reporter, CLI and daemon touch process/network.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { glob } from 'tinyglobby';

const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]/g)) specs.push(m[1]!);
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) specs.push(m[1]!);
  return specs;
}

function resolvedRelative(file: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  return relative(root, join(dirname(file), spec)).split('\\').join('/');
}

test('compiler/ never imports sync/', async () => {
  const offenders: string[] = [];
  for (const file of await glob('compiler/**/*.ts', { cwd: root, absolute: true })) {
    for (const spec of importsOf(file)) {
      const target = resolvedRelative(file, spec);
      if (target?.startsWith('sync/')) offenders.push(`${relative(root, file)} imports ${spec}`);
    }
  }
  assert.equal(offenders, []);
});

test('authored files import only compiler/index.ts, each other and generated types', async () => {
  const offenders: string[] = [];
  const authored = await glob(['klasses/**/*.ts', 'workflows/**/*.ts', 'kac.config.ts'], { cwd: root, absolute: true });
  for (const file of authored) {
    for (const spec of importsOf(file)) {
      const target = resolvedRelative(file, spec);
      if (target === undefined) {
        offenders.push(`${relative(root, file)} imports package ${spec}`);
        continue;
      }
      const ok =
        target === 'compiler/index.js' || target.startsWith('klasses/') || target.startsWith('workflows/');
      if (!ok) offenders.push(`${relative(root, file)} imports ${spec}`);
    }
  }
  assert.equal(offenders, []);
});

test('stages do not write to stdout or exit the process', async () => {
  const stageFiles = await glob(['compiler/**/*.ts', 'sync/plan/**/*.ts', 'sync/apply/**/*.ts', 'sync/report/**/*.ts', 'sync/import/**/*.ts'], {
    cwd: root,
    absolute: true,
  });
  const offenders: string[] = [];
  for (const file of stageFiles) {
    const text = readFileSync(file, 'utf8');
    if (/console\.(log|info|error|warn)\(|process\.exit\(|process\.stdout\.write/.test(text)) offenders.push(relative(root, file));
  }
  assert.equal(offenders, []);
});

test.run();
