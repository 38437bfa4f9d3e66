/**
 * Transition conditions. Kustomer tries a step's transitions in order and follows the first whose
 * condition holds. Operands may be references (`/#steps...`) or literals.
 */
import type { Ref, StepPath } from './ref.js';

export interface Condition {
  readonly op: string;
  readonly values: readonly unknown[];
}

type Operand<T> = NonNullable<T> | Ref<T> | Ref<T | null> | Ref<T | undefined> | Ref<T | null | undefined> | StepPath;
/** The left side: a typed reference, or a `'/#steps...'` path for untyped data. */
type Subject<T> = Ref<T> | StepPath;

export const when = {
  /** Always: `{ op: "true", values: [true] }`, the "else" branch. */
  always: (): Condition => ({ op: 'true', values: [true] }),
  eq: <T>(left: Subject<T>, right: Operand<T>): Condition => ({ op: 'eq', values: [left, right] }),
  neq: <T>(left: Subject<T>, right: Operand<T>): Condition => ({ op: 'neq', values: [left, right] }),
  /** The value is present. Kustomer exports write it `[path, ""]`. */
  exists: (value: Subject<unknown>): Condition => ({ op: 'exists', values: [value, ''] }),
  /** The value does not exist. */
  dne: (value: Subject<unknown>): Condition => ({ op: 'dne', values: [value] }),
  contains: <T>(left: Subject<T>, right: unknown): Condition => ({ op: 'contains', values: [left, right] }),
  gt: (left: Ref<number> | Ref<number | null | undefined> | StepPath, right: number): Condition => ({
    op: 'gt',
    values: [left, right],
  }),
  gte: (left: Ref<number> | Ref<number | null | undefined> | StepPath, right: number): Condition => ({
    op: 'gte',
    values: [left, right],
  }),
  lt: (left: Ref<number> | Ref<number | null | undefined> | StepPath, right: number): Condition => ({
    op: 'lt',
    values: [left, right],
  }),
  lte: (left: Ref<number> | Ref<number | null | undefined> | StepPath, right: number): Condition => ({
    op: 'lte',
    values: [left, right],
  }),
  and: (...conditions: Condition[]): Condition => ({ op: 'and', values: conditions }),
  or: (...conditions: Condition[]): Condition => ({ op: 'or', values: conditions }),
  /** Any condition Kustomer accepts, as its JSON; for ops the helpers above do not cover. */
  raw: (op: string, values: readonly unknown[]): Condition => ({ op, values }),
};

/** Ops kac knows; `when.raw` may use others, which validation reports as a warning. */
export const KNOWN_CONDITION_OPS = [
  'true',
  'eq',
  'neq',
  'exists',
  'dne',
  'contains',
  'gt',
  'gte',
  'lt',
  'lte',
  'and',
  'or',
] as const;
