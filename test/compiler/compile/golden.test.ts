// Golden files: the golden fixture project compiles to exactly test/fixtures/golden-dist/.
// Regenerate after an intended change with `UPDATE_GOLDEN=1 npx tsx test/run.ts compile/golden`,
// then review the diff in git.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { glob } from 'tinyglobby';
import { buildProject } from '../../../compiler/build.js';
import { renderDist } from '../../../compiler/compile/dist.js';
import { fixtureRoot, REPO_ROOT } from '../helpers.js';

const GOLDEN_DIR = join(REPO_ROOT, 'test/fixtures/golden-dist');

test('compileProject + renderDist match the golden dist tree', async () => {
  const { diagnostics, resources } = await buildProject(fixtureRoot('golden'));
  assert.equal(diagnostics, []);
  const files = renderDist(resources);

  if (process.env.UPDATE_GOLDEN === '1') {
    await rm(GOLDEN_DIR, { recursive: true, force: true });
    for (const f of files) {
      await mkdir(dirname(join(GOLDEN_DIR, f.path)), { recursive: true });
      await writeFile(join(GOLDEN_DIR, f.path), f.content);
    }
  }

  const expectedPaths = (await glob('**/*', { cwd: GOLDEN_DIR })).sort();
  assert.equal(files.map((f) => f.path).sort(), expectedPaths);
  for (const f of files) assert.fixture(f.content, await readFile(join(GOLDEN_DIR, f.path), 'utf8'), f.path);
});

test.run();
