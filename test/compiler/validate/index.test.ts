// validateProject as a whole: a clean project has no diagnostics; results are sorted; every
// registered validator runs.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildProject } from '../../../compiler/build.js';
import { compareDiagnostics } from '../../../compiler/diagnostics.js';
import { validateProject, VALIDATORS } from '../../../compiler/validate/index.js';
import { fixtureRoot } from '../helpers.js';

test('validateProject: the golden project is clean', async () => {
  const { model, diagnostics } = await buildProject(fixtureRoot('golden'));
  assert.equal(diagnostics, []);
  assert.equal(validateProject(model), []);
});

test('validateProject: all diagnostics, sorted by file, line, column, code', async () => {
  const { model } = await buildProject(fixtureRoot('invalid-workflows'));
  const diagnostics = validateProject(model);
  assert.ok(diagnostics.length > 10);
  assert.equal(diagnostics, [...diagnostics].sort(compareDiagnostics));
  assert.equal(new Set(diagnostics.map((d) => d.location!.file)).size, 4);
});

test('validateProject: runs every registered validator with the same context', async () => {
  const { model } = await buildProject(fixtureRoot('golden'));
  const seen: number[] = [];
  VALIDATORS.push((_m, ctx) => {
    seen.push(ctx.model.klasses.length);
    return [
      {
        code: 'test/extra',
        severity: 'warning',
        message: 'registered',
        location: { file: 'x.ts', line: 1, column: 1 },
      },
    ];
  });
  try {
    assert.equal(
      validateProject(model).map((d) => d.code),
      ['test/extra'],
    );
    assert.equal(seen, [2]);
  } finally {
    VALIDATORS.pop();
  }
});

test.run();
