/** Content hashes for plans: sha256 of canonical JSON, shortened (identity, not security). */
import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from '../../compiler/json.js';

export function hashJson(value: JsonValue): string {
  return createHash('sha256').update(canonicalJson(value, 0)).digest('hex').slice(0, 16);
}
