/**
 * Transition conditions: `{ op, values }` → boolean, operands resolved like params. The ops are the
 * ones seen in real exports plus the builder's likely comparisons (kustomer-api.md §3.3); their loose
 * semantics live in inferred.ts. An op outside this list fails the run: never silently false.
 */
import { KNOWN_CONDITION_OPS } from '../../../compiler/model/condition.js';
import { containsAny, isPresent, looseEquals, toComparable } from './inferred-semantics.js';
import { WorkflowRunError } from './types.js';
import { resolveValue, type ValueContext } from './values.js';

/** The ops the runtime evaluates: exactly the ones kac's authoring API knows. */
export const CONDITION_OPS = KNOWN_CONDITION_OPS;
export type ConditionOp = (typeof CONDITION_OPS)[number];

interface ConditionJson {
  op: string;
  values: unknown[];
}

/** `where` names the step whose transition this is, for error messages: `step "e_r_w7wx8"`. */
export function evaluateCondition(condition: unknown, ctx: ValueContext, where: string): boolean {
  const { op, values } = readCondition(condition, where);
  const operand = (index: number) => resolveValue(values[index], ctx);
  switch (op as ConditionOp) {
    case 'true':
      return true;
    case 'eq':
      return looseEquals(operand(0), operand(1));
    case 'neq':
      return !looseEquals(operand(0), operand(1));
    case 'exists':
      return isPresent(operand(0));
    case 'dne':
      return !isPresent(operand(0));
    case 'contains':
      return containsAny(operand(0), operand(1));
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return compare(op as 'gt' | 'gte' | 'lt' | 'lte', operand(0), operand(1));
    case 'and':
      return values.every((nested) => evaluateCondition(nested, ctx, where));
    case 'or':
      return values.some((nested) => evaluateCondition(nested, ctx, where));
    default:
      throw new WorkflowRunError(
        `${where}: condition op ${JSON.stringify(op)} is not supported by the local Kustomer org (supported: ${CONDITION_OPS.join(', ')})`,
      );
  }
}

function compare(op: 'gt' | 'gte' | 'lt' | 'lte', left: unknown, right: unknown): boolean {
  const a = toComparable(left);
  const b = toComparable(right);
  if (a === undefined || b === undefined) return false;
  if (op === 'gt') return a > b;
  if (op === 'gte') return a >= b;
  if (op === 'lt') return a < b;
  return a <= b;
}

function readCondition(condition: unknown, where: string): ConditionJson {
  if (condition === null || typeof condition !== 'object' || Array.isArray(condition)) {
    throw new WorkflowRunError(
      `${where}: a condition must be an object { op, values }, got ${JSON.stringify(condition)}`,
    );
  }
  const { op, values } = condition as { op?: unknown; values?: unknown };
  if (typeof op !== 'string') throw new WorkflowRunError(`${where}: condition has no op: ${JSON.stringify(condition)}`);
  if (values !== undefined && !Array.isArray(values)) {
    throw new WorkflowRunError(`${where}: condition "${op}" has values that are not a list: ${JSON.stringify(values)}`);
  }
  return { op, values: values ?? [] };
}
