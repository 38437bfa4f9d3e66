/**
 * Pure. A transition's `{ op, values }` as a `when.*` call when one builds exactly that JSON, else as
 * `when.raw(op, values)`, so no condition is ever lost or reshaped.
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../../compiler/json.js';
import { call, quote, raw, type Expr } from './code.js';
import { parseWholeRef, typedRef, type Expect, type Shape } from './workflow-refs.js';
import { stringExpr, valueExpr, type ValueContext } from './workflow-values.js';

export interface RenderedCondition {
  expr: Expr;
  /** Keys besides `op` and `values` that `when` cannot carry. */
  lost: string[];
}

export function isAlways(condition: JsonValue | undefined): boolean {
  return (
    isJsonObject(condition) &&
    condition.op === 'true' &&
    sameJson(condition.values, [true]) &&
    Object.keys(condition).length === 2
  );
}

export function conditionExpr(ctx: ValueContext, condition: JsonObject): RenderedCondition {
  const lost = Object.keys(condition).filter((k) => k !== 'op' && k !== 'values');
  const op = condition.op;
  const values = condition.values;
  if (typeof op !== 'string' || !Array.isArray(values)) return { expr: rawCondition(ctx, condition), lost };
  const exact = lost.length === 0 ? exactHelper(ctx, op, values) : undefined;
  if (exact) return { expr: exact, lost };
  const nested =
    (op === 'and' || op === 'or') && values.every(isJsonObject)
      ? values.map((v) => conditionExpr(ctx, v as JsonObject))
      : undefined;
  if (nested && lost.length === 0)
    return { expr: call(`when.${op}`, ...nested.map((n) => n.expr)), lost: nested.flatMap((n) => n.lost) };
  return { expr: call('when.raw', raw(quote(op)), valueExpr(ctx, values)), lost };
}

function rawCondition(ctx: ValueContext, condition: JsonObject): Expr {
  return call('when.raw', valueExpr(ctx, condition.op ?? null), valueExpr(ctx, condition.values ?? []));
}

function exactHelper(ctx: ValueContext, op: string, values: JsonValue[]): Expr | undefined {
  const [left, right] = values;
  switch (op) {
    case 'true':
      return values.length === 1 && values[0] === true ? call('when.always') : undefined;
    case 'exists':
      return values.length === 2 && right === ''
        ? subject(ctx, left, 'unknown', (l) => call('when.exists', l))
        : undefined;
    case 'dne':
      return values.length === 1 ? subject(ctx, left, 'unknown', (l) => call('when.dne', l)) : undefined;
    case 'contains':
      return values.length === 2
        ? subject(ctx, left, 'unknown', (l) => call('when.contains', l, valueExpr(ctx, right!)))
        : undefined;
    case 'eq':
    case 'neq':
      return values.length === 2 ? comparison(ctx, op, left, right!) : undefined;
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return values.length === 2 && typeof right === 'number'
        ? subject(ctx, left, 'number', (l) => call(`when.${op}`, l, raw(String(right))))
        : undefined;
    default:
      return undefined;
  }
}

/** The helper applied to the left operand, which must be a step path (typed when it fits). */
function subject(
  ctx: ValueContext,
  left: JsonValue | undefined,
  expect: Expect,
  build: (l: Expr) => Expr,
): Expr | undefined {
  if (typeof left !== 'string' || !parseWholeRef(left)) return undefined;
  return build(stringExpr(ctx, left, expect));
}

/**
 * `when.eq(left, right)` infers one type from both sides, so a typed left is used only when the
 * right side is a literal of the left's type (or the left is `any`); `null` never fits an operand.
 */
function comparison(
  ctx: ValueContext,
  op: 'eq' | 'neq',
  left: JsonValue | undefined,
  right: JsonValue,
): Expr | undefined {
  if (typeof left !== 'string' || right === null || typeof right === 'object') return undefined;
  const ref = parseWholeRef(left);
  if (!ref) return undefined;
  const rightRef = typeof right === 'string' ? parseWholeRef(right) : undefined;
  const typed = typedRef(ctx.scope, ref, ctx.at, 'unknown');
  const leftExpr = typed && literalFits(typed.leaf, right, rightRef !== undefined) ? raw(typed.code) : raw(quote(left));
  // The right side stays a literal or a plain path: a typed right could disagree with the left's type.
  const rightExpr = typeof right === 'string' ? raw(quote(right)) : raw(String(right));
  return call(`when.${op}`, leftExpr, rightExpr);
}

function literalFits(leaf: Shape, right: string | number | boolean, rightIsPath: boolean): boolean {
  if (leaf === 'any') return true;
  if (rightIsPath) return typeof leaf === 'string' && leaf !== 'opaque';
  return leaf === typeof right;
}

function sameJson(a: JsonValue | undefined, b: JsonValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
