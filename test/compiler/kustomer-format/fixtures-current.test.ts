import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { committedRealExports, sharedRealExports } from '../../fixtures/kustomer-real.js';

test('the committed copy of the real exports matches ../shared (when it is there)', () => {
  const shared = sharedRealExports();
  assert.ok(committedRealExports().length > 0);
  if (shared) assert.equal(committedRealExports(), shared);
});

test.run();
