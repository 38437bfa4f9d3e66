// mergeTypecheckDiagnostics: one diagnostic per mistake when kac's rules and tsc see the same one.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Diagnostic } from '../../../compiler/diagnostics.js';
import { mergeTypecheckDiagnostics } from '../../../compiler/typecheck/merge.js';

const at = (file: string, line: number, column: number) => ({ file, line, column });
const d = (code: string, location?: ReturnType<typeof at>): Diagnostic => ({
  code,
  severity: 'error',
  message: code,
  ...(location ? { location } : {}),
});

test("mergeTypecheckDiagnostics: kac's diagnostic wins on the same line; other lines keep both", () => {
  const kac = [d('workflow/attribute-type', at('w.ts', 13, 54))];
  const ts = [d('ts/2322', at('w.ts', 13, 54)), d('ts/2339', at('w.ts', 20, 3)), d('ts/2688')];
  assert.equal(
    mergeTypecheckDiagnostics(kac, ts).map((x) => x.code),
    ['ts/2688', 'workflow/attribute-type', 'ts/2339'],
  );
});

test('mergeTypecheckDiagnostics: a kac warning on the line of a type error does not hide it', () => {
  const warning: Diagnostic = { ...d('workflow/long-value', at('w.ts', 13, 5)), severity: 'warning' };
  assert.equal(
    mergeTypecheckDiagnostics([warning], [d('ts/2322', at('w.ts', 13, 5))]).map((x) => x.code),
    ['ts/2322', 'workflow/long-value'],
  );
});

test("mergeTypecheckDiagnostics: a file that failed to load because of what tsc reports is tsc's one diagnostic", () => {
  const kac = [d('load/import-failed', at('w.ts', 1, 1)), d('load/import-failed', at('other.ts', 1, 1))];
  const ts = [d('ts/2307', at('w.ts', 2, 18))];
  assert.equal(
    mergeTypecheckDiagnostics(kac, ts).map((x) => `${x.code}@${x.location?.file}`),
    ['load/import-failed@other.ts', 'ts/2307@w.ts'],
  );
});

test.run();
