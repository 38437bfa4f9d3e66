// The plan's behaviour lines: the tests a change makes fail or pass are named, so a fix reads as what it fixes.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { testsLine } from '../../../sync/report/behaviour.js';

test('tests that now pass are named, like those that now fail', () => {
  assert.is(
    testsLine({
      total: 5,
      passed: 4,
      nowFailing: ['a re-sent event is ignored'],
      nowPassing: ['phone only: created with the phone', 'email only: created with the email'],
    }),
    'tests: 4 passed, 1 now fails ("a re-sent event is ignored"), 2 now pass ("phone only: created with the phone", "email only: created with the email")',
  );
  assert.is(
    testsLine({ total: 3, passed: 3, nowFailing: [], nowPassing: ['userId only'] }),
    'tests: 3 passed, 1 now passes ("userId only")',
  );
  assert.is(testsLine({ total: 3, passed: 3, nowFailing: [], nowPassing: [] }), 'tests: 3 passed');
});

test.run();
