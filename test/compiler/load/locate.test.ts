// createLocator: the first string literal or property name with the text, at or after a position.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createLocator } from '../../../compiler/load/locate.js';
import { fixtureRoot } from '../helpers.js';

const locator = createLocator(fixtureRoot('golden'));
const from = { file: 'klasses/call.ts', line: 3, column: 16 };

test('find: a property name after the call', () => {
  assert.equal(locator.find(from, 'talkTime'), { file: 'klasses/call.ts', line: 10, column: 5 });
});

test('find: a string literal, not an identifier used as a value', () => {
  assert.equal(locator.find(from, 'regal-call'), { file: 'klasses/call.ts', line: 4, column: 9 });
  assert.equal(locator.find(from, 'attribute'), undefined);
});

test('find: nothing before the position, nothing in a missing file', () => {
  assert.equal(locator.find({ file: 'klasses/call.ts', line: 12, column: 1 }, 'talkTime'), undefined);
  assert.equal(locator.find({ file: 'klasses/none.ts', line: 1, column: 1 }, 'x'), undefined);
});

test('find: a property read only when asked (a reference path segment)', () => {
  const flow = { file: 'workflows/regal/call-completed.ts', line: 18, column: 1 };
  assert.equal(locator.find(flow, 'call_id'), undefined);
  assert.equal(locator.find(flow, 'call_id', { access: true }), {
    file: 'workflows/regal/call-completed.ts',
    line: 19,
    column: 43,
  });
});

test('find orBefore: the last match before the position when none follows (an object built before the call)', () => {
  const after = { file: 'klasses/call.ts', line: 12, column: 1 };
  assert.equal(locator.find(after, 'talkTime', { orBefore: true }), { file: 'klasses/call.ts', line: 10, column: 5 });
  assert.equal(locator.find(from, 'talkTime', { orBefore: true }), { file: 'klasses/call.ts', line: 10, column: 5 });
});

test.run();
