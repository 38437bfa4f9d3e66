/**
 * Pure. Authored values (literals, references, secrets, Klass definitions) → the JSON Kustomer takes.
 * A reference becomes `/#steps.<id>.<path>`, a secret `<secret:NAME>`, a Klass its name. Values
 * JSON can't carry are reported through `onIssue` and left out; validation turns them into errors.
 */
import type { JsonPath, JsonValue } from '../json.js';
import { refData, wholeValueOf } from '../model/ref.js';
import { isSecret } from '../model/secret.js';
import { secretPlaceholder } from '../placeholders.js';
import type { Condition } from '../model/condition.js';

export type ValueIssue = (path: JsonPath, problem: string) => void;

const ignore: ValueIssue = () => {};

export function compileValue(value: unknown, onIssue: ValueIssue = ignore, path: JsonPath = []): JsonValue | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
    onIssue(path, `${value} is not a JSON number`);
    return undefined;
  }
  if (typeof value !== 'object') {
    onIssue(path, `a ${typeof value} is not a JSON value`);
    return undefined;
  }
  // A Ref is a Proxy that answers every property, so it is recognised before any other shape.
  const ref = refData(value);
  if (ref) return wholeValueOf(ref);
  if (isSecret(value)) return secretPlaceholder(value.envVar);
  if (isKlassDefinition(value)) return value.name;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item, i) => compileValue(item, onIssue, [...path, i]) ?? null);
  const proto = Object.getPrototypeOf(value);
  const isDefinition = typeof (value as { kind?: unknown }).kind === 'string' && 'site' in value;
  if ((proto !== Object.prototype && proto !== null) || isDefinition) {
    onIssue(path, `${describe(value)} is not a JSON value`);
    return undefined;
  }
  const out: { [key: string]: JsonValue } = {};
  for (const [key, item] of Object.entries(value)) {
    const compiled = compileValue(item, onIssue, [...path, key]);
    if (compiled !== undefined) out[key] = compiled;
  }
  return out;
}

/** `{ op, values }` with every operand compiled; `and`/`or` operands are conditions themselves. */
export function compileCondition(
  condition: Condition,
  onIssue: ValueIssue = ignore,
  path: JsonPath = [],
): { op: string; values: JsonValue[] } {
  const values = Array.isArray(condition?.values) ? condition.values : [];
  return {
    op: String(condition?.op),
    values: values.map((v, i) => compileValue(v, onIssue, [...path, 'values', i]) ?? null),
  };
}

function isKlassDefinition(value: object): value is { kind: 'klass'; name: string } {
  return (value as { kind?: unknown }).kind === 'klass' && typeof (value as { name?: unknown }).name === 'string';
}

function describe(value: object): string {
  const kind = (value as { kind?: unknown }).kind;
  if (typeof kind === 'string') return `a ${kind} definition`;
  return `an instance of ${value.constructor?.name ?? 'an unknown class'}`;
}
