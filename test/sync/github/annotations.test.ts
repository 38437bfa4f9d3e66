import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Diagnostic } from '../../../compiler/diagnostics.js';
import { escapeAnnotationData, escapeAnnotationProperty, formatAnnotation } from '../../../sync/github/annotations.js';

const format = suite('formatAnnotation');

const cases: [string, Diagnostic, string][] = [
  [
    'an error with a location and a hint',
    {
      code: 'workflow/unknown-attribute',
      severity: 'error',
      message: 'custom mapping "callDurationNum" is not an attribute of Klass "regal-call".',
      hint: 'did you mean "talkTimeNum"?',
      location: { file: 'workflows/regal/call-completed.ts', line: 41, column: 9 },
    },
    '::error file=workflows/regal/call-completed.ts,line=41,col=9,title=workflow/unknown-attribute::custom mapping "callDurationNum" is not an attribute of Klass "regal-call".%0Ahint: did you mean "talkTimeNum"?',
  ],
  [
    'a warning without a location',
    { code: 'config/unused', severity: 'warning', message: '100% unused' },
    '::warning title=config/unused::100%25 unused',
  ],
  [
    'properties escape : and , (a Windows-ish path, a code with a colon)',
    { code: 'a:b,c', severity: 'error', message: 'x: y, z', location: { file: 'C:\\w,1.ts', line: 1, column: 2 } },
    '::error file=C%3A\\w%2C1.ts,line=1,col=2,title=a%3Ab%2Cc::x: y, z',
  ],
  [
    'CR and LF in the message',
    { code: 'k/r', severity: 'error', message: 'line1\r\nline2' },
    '::error title=k/r::line1%0D%0Aline2',
  ],
];

for (const [name, diagnostic, expected] of cases) {
  format(name, () => assert.is(formatAnnotation(diagnostic), expected));
}

const escape = suite('escapeAnnotation*');

escape('data escapes % first, so an escape is never double-read', () => {
  assert.is(escapeAnnotationData('%0A\n'), '%250A%0A');
  assert.is(escapeAnnotationProperty('a:b,c%'), 'a%3Ab%2Cc%25');
});

format.run();
escape.run();
