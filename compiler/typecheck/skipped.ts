/** The warning `--no-typecheck` adds: what was not checked, so nobody mistakes a skipped check for a pass. */
import type { Diagnostic } from '../diagnostics.js';

export function typecheckSkipped(): Diagnostic {
  return {
    code: 'typecheck/skipped',
    severity: 'warning',
    message:
      'THE TYPE CHECK WAS SKIPPED (--no-typecheck): klasses/, workflows/ and kac.config.ts were not type-checked, ' +
      'so a payload typo or a wrong attribute type that only TypeScript sees can reach the org.',
    hint: 'run without --no-typecheck (or `npx kac validate`) before you merge',
  };
}
