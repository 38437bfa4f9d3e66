// Determinism: compiling the same project twice, in one process or in two, gives byte-identical dist/.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { glob } from 'tinyglobby';
import { buildProject } from '../../../compiler/build.js';
import { compileProject } from '../../../compiler/compile/index.js';
import { renderDist } from '../../../compiler/compile/dist.js';
import { fixtureRoot, REPO_ROOT } from '../helpers.js';

test('compileProject is pure: twice on one model gives equal resources and bytes', async () => {
  const { model } = await buildProject(fixtureRoot('golden'));
  const first = compileProject(model);
  const second = compileProject(model);
  assert.equal(first, second);
  assert.equal(renderDist(first), renderDist(second));
});

async function tree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const path of (await glob('**/*', { cwd: dir })).sort()) out[path] = await readFile(join(dir, path), 'utf8');
  return out;
}

test('kac compile in two processes writes byte-identical trees', async () => {
  const base = await mkdtemp(join(tmpdir(), 'kac-determinism-'));
  try {
    for (const out of ['a', 'b']) {
      const run = spawnSync(
        process.execPath,
        ['bin/kac.js', 'compile', '--root', fixtureRoot('golden'), '--out', join(base, out)],
        { cwd: REPO_ROOT, encoding: 'utf8' },
      );
      assert.is(run.status, 0, run.stderr);
    }
    const [a, b] = [await tree(join(base, 'a')), await tree(join(base, 'b'))];
    assert.ok(Object.keys(a).length > 0);
    assert.equal(a, b);
  } finally {
    await rm(base, { recursive: true, force: true });
  }
});

test.run();
