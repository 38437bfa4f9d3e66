// parseTscOutput + readableTypeMessage: tsc's plain output → kac diagnostics, chains without kac's internals.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseTscOutput } from '../../../compiler/typecheck/parse.js';
import { readableTypeMessage } from '../../../compiler/typecheck/messages.js';

test('parseTscOutput: located errors, paths from the project root, the chain kept under the first line', () => {
  const output = [
    "workflows/call.ts(13,54): error TS2322: Type 'StringRef<string>' is not assignable to type 'Value<number> | null | undefined'.",
    "  Type 'StringRef<string>' is not assignable to type 'NumberRef<number | null | undefined>'.",
    "    Types of property '[refType]' are incompatible.",
    "      Type '{ readonly value: string; } | undefined' is not assignable to type '{ readonly value: number | null | undefined; } | undefined'.",
    "        Type 'string' is not assignable to type 'number'.",
    "../../compiler/index.ts(1,1): error TS1005: ';' expected.",
    "error TS2688: Cannot find type definition file for 'node'.",
    '',
  ].join('\n');
  assert.equal(parseTscOutput(output, '/repo/project', '/repo/project'), [
    {
      code: 'ts/2322',
      severity: 'error',
      message:
        "Type 'StringRef<string>' is not assignable to type 'Value<number> | null | undefined'.\n    Type 'StringRef<string>' is not assignable to type 'NumberRef<number | null | undefined>'.",
      location: { file: 'workflows/call.ts', line: 13, column: 54 },
    },
    {
      code: 'ts/1005',
      severity: 'error',
      message: "';' expected.",
      location: { file: '../../compiler/index.ts', line: 1, column: 1 },
    },
    { code: 'ts/2688', severity: 'error', message: "Cannot find type definition file for 'node'." },
  ]);
});

test('parseTscOutput: nothing for a clean run; unexpected output is kept visible as an error', () => {
  assert.equal(parseTscOutput('', '/p', '/p'), []);
  assert.equal(parseTscOutput('panic: runtime error\n', '/p', '/p'), [
    { code: 'ts/output', severity: 'error', message: 'panic: runtime error' },
  ]);
});

test('readableTypeMessage: internal brand lines and their subtree go; at most three chain lines stay', () => {
  assert.is(
    readableTypeMessage(['First.', '  A.', '    B.', '      C.', '        D.']),
    'First.\n    A.\n      B.\n        C.',
  );
  assert.is(
    readableTypeMessage([
      'First.',
      "  Types of property '[refType]' are incompatible.",
      "    Type 'undefined' is not assignable to type 'number'.",
      '  Next.',
    ]),
    'First.\n    Next.',
  );
});

test.run();
