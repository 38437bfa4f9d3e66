/** The plan as versioned JSON (`{"version":1,...}`): what `--out plan.json` writes and `--format json` prints. */
import { sortKeys, type JsonObject, type JsonValue } from '../../compiler/json.js';
import { redact } from '../logger.js';
import type { Plan } from '../plan/types.js';

export function renderPlanJson(plan: Plan): string {
  const { version, ...rest } = plan;
  const sorted = sortKeys(JSON.parse(JSON.stringify(rest)) as JsonValue) as JsonObject;
  // The plan holds no secret values by construction; redact() is the backstop for registered ones.
  return redact(JSON.stringify({ version, ...sorted }, null, 2)) + '\n';
}
