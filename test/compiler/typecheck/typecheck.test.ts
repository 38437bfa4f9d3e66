// typecheckProject: tsc on the authored files only, through a tsconfig kac writes under .kac/typecheck/.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { typecheckProject } from '../../../compiler/typecheck/index.js';
import { typecheckConfig } from '../../../compiler/typecheck/tsconfig.js';
import { AUTHORING_ENTRY, CONFIG_SOURCE, tempProject } from '../helpers.js';

test('typecheckProject: a type error in an authored file, none from files outside klasses/ and workflows/', async () => {
  const project = await tempProject({
    'kac.config.ts': CONFIG_SOURCE,
    'klasses/call.ts': `import { attribute, defineKlass } from '${AUTHORING_ENTRY}';\nexport default defineKlass({ name: 'regal-call', attributes: { talkTime: attribute.number() } });\nexport const n: number = 'x';\n`,
    'scripts/unrelated.ts': `export const broken: number = 'not checked';\n`,
  });
  try {
    const result = await typecheckProject(project.root);
    assert.equal(result.diagnostics, [
      {
        code: 'ts/2322',
        severity: 'error',
        message: "Type 'string' is not assignable to type 'number'.",
        location: { file: 'klasses/call.ts', line: 3, column: 14 },
      },
    ]);
    // Incremental: the build info is kept beside the config for the next run.
    assert.ok(existsSync(join(project.root, '.kac/typecheck/tsbuildinfo')));
    const again = await typecheckProject(project.root);
    assert.equal(again.diagnostics, result.diagnostics);
  } finally {
    await project.remove();
  }
});

test("typecheckConfig: the project's tsconfig when it has one, kac's strict defaults otherwise; authored roots only", () => {
  const withOwn = typecheckConfig(process.cwd(), join(process.cwd(), '.kac/typecheck'), undefined);
  assert.equal(withOwn, {
    extends: '../../tsconfig.json',
    compilerOptions: { noEmit: true, incremental: true, tsBuildInfoFile: './tsbuildinfo' },
    files: ['../../kac.config.ts'],
    include: ['../../klasses/**/*.ts', '../../workflows/**/*.ts'],
    exclude: ['**/*.test.ts', '**/node_modules/**'],
  });
  const bare = typecheckConfig('/nowhere', '/nowhere/.kac/typecheck', '/kac/node_modules/@types') as {
    compilerOptions: Record<string, unknown>;
    files?: string[];
  };
  assert.is(bare.compilerOptions.strict, true);
  assert.equal(bare.compilerOptions.typeRoots, ['/kac/node_modules/@types']);
  assert.is(bare.files, undefined);
});

test.run();
