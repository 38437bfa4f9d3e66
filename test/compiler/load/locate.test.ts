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

test.run();
