// `kac compile`: refuses on errors, writes dist/ (only what changed), removes stale kac files only.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { main } from '../../sync/cli/main.js';
import { fixtureRoot, memoryIo, REPO_ROOT } from '../compiler/helpers.js';

const SUMMARY =
  'Compiled 8 resources (1 kustomer.hook, 2 kustomer.klass, 2 kustomer.klass-attributes, 2 kustomer.workflow, 1 kustomer.outbound-webhook)';

test('kac compile: writes the golden tree, then reports it unchanged', async () => {
  const out = await mkdtemp(join(tmpdir(), 'kac-compile-'));
  try {
    const io = memoryIo();
    assert.is(await main(['compile', '--root', fixtureRoot('golden'), '--out', out], io), 0);
    assert.equal(io.stdout, []);
    assert.equal(io.stderr, [`${SUMMARY} into ${out}/: 9 written, 0 unchanged, 0 removed.`]);
    const golden = join(REPO_ROOT, 'test/fixtures/golden-dist');
    for (const path of ['manifest.json', 'kustomer/workflows/regal-call-completed.json']) {
      assert.fixture(readFileSync(join(out, path), 'utf8'), readFileSync(join(golden, path), 'utf8'));
    }

    const again = memoryIo();
    assert.is(await main(['compile', '--root', fixtureRoot('golden'), '--out', out], again), 0);
    assert.equal(again.stderr, [`${SUMMARY} into ${out}/: 0 written, 9 unchanged, 0 removed.`]);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});

test('kac compile: removes stale files in its own folders and nothing else', async () => {
  const out = await mkdtemp(join(tmpdir(), 'kac-compile-'));
  try {
    await mkdir(join(out, 'kustomer/workflows'), { recursive: true });
    await writeFile(join(out, 'kustomer/workflows/regal-gone.json'), '{}\n');
    await writeFile(join(out, 'README.md'), 'mine\n');
    const io = memoryIo();
    assert.is(await main(['compile', '--root', fixtureRoot('golden'), '--out', out], io), 0);
    assert.equal(io.stderr, [`${SUMMARY} into ${out}/: 9 written, 0 unchanged, 1 removed.`]);
    assert.not.ok(existsSync(join(out, 'kustomer/workflows/regal-gone.json')));
    assert.ok(existsSync(join(out, 'README.md')));
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});

test('kac compile: refuses on errors, prints them all and writes nothing', async () => {
  const out = join(await mkdtemp(join(tmpdir(), 'kac-compile-')), 'dist');
  try {
    const io = memoryIo();
    assert.is(await main(['compile', '--root', fixtureRoot('invalid-graph'), '--out', out], io), 1);
    assert.is(io.stderr.filter((l) => / - (error|warning) /.test(l)).length, 12);
    assert.is(
      io.stderr.at(-1),
      '10 error(s) in the definitions: nothing was done. See them all, warnings included, with: npx kac validate',
    );
    assert.not.ok(existsSync(out));
  } finally {
    await rm(join(out, '..'), { recursive: true, force: true });
  }
});

test.run();
