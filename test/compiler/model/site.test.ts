import { dirname, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import workflow from '../../fixtures/site/user.js';

const root = resolve(dirname(new URL(import.meta.url).pathname), '../../..');

test('CallSite.resolve: the first frame outside compiler/ by default (where defineWorkflow ran)', () => {
  assert.equal(workflow.site.resolve(root), { file: 'test/fixtures/site/recipe.ts', line: 5, column: 10 });
});

test('CallSite.resolve: the frame in the preferred (exporting) file when the stack passes through it', () => {
  assert.equal(workflow.site.resolve(root, 'test/fixtures/site/user.ts'), {
    file: 'test/fixtures/site/user.ts',
    line: 4,
    column: 16,
  });
});

test('CallSite.resolve: falls back to the first author frame when the preferred file is not on the stack', () => {
  assert.equal(workflow.site.resolve(root, 'workflows/elsewhere.ts'), {
    file: 'test/fixtures/site/recipe.ts',
    line: 5,
    column: 10,
  });
});

test.run();
