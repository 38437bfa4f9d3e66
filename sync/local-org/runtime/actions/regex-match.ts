/** `kustomer.regex-match.generic`: `{ testString, regex }` → `{ match }` (see inferred.ts parseRegex). */
import { parseRegex } from '../inferred-semantics.js';
import { WorkflowRunError } from '../types.js';
import { asParams, optionalString, requireString, type ActionHandler } from './params.js';

const ACTION = 'kustomer.regex-match.generic';

export const regexMatchActions: Record<string, ActionHandler> = {
  [ACTION]: (raw) => {
    const params = asParams(raw, ACTION);
    const source = requireString(params, 'regex', ACTION);
    // A missing test string (an optional field left blank) simply does not match.
    const testString = optionalString(params, 'testString', ACTION) ?? '';
    let regex: RegExp;
    try {
      regex = parseRegex(source);
    } catch (error) {
      throw new WorkflowRunError(`${ACTION}: regex ${JSON.stringify(source)} is invalid: ${(error as Error).message}`);
    }
    return { match: regex.exec(testString)?.[0] ?? null };
  },
};
