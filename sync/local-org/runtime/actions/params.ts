/**
 * Reading an action's resolved params. Kustomer validates action inputs against each action's input
 * schema, so a missing required param fails the step (with the param named) instead of calling the
 * API with nothing.
 */
import { WorkflowRunError, type ActionContext } from '../types.js';

export type Params = Record<string, unknown>;

/** One action: resolved params in, the step's output out (stored under the step's id). */
export type ActionHandler = (params: unknown, ctx: ActionContext) => unknown | Promise<unknown>;

/** Outputs are snapshots: a later step changing the record must not rewrite an earlier step's output. */
export function snapshot<T>(record: T): T {
  return structuredClone(record);
}

export function asParams(params: unknown, action: string): Params {
  if (params === undefined) return {};
  if (params === null || typeof params !== 'object' || Array.isArray(params)) {
    throw new WorkflowRunError(`${action}: params must be an object, got ${JSON.stringify(params)}`);
  }
  return params as Params;
}

/** A required id-like param: a non-empty string, or a number (external ids are often numeric). */
export function requireString(params: Params, name: string, action: string): string {
  const value = params[name];
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value !== '') return value;
  throw new WorkflowRunError(`${action}: param "${name}" is required (a non-empty string), got ${describe(value)}`);
}

export function optionalString(params: Params, name: string, action: string): string | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new WorkflowRunError(`${action}: param "${name}" must be a string, got ${describe(value)}`);
}

export function optionalRecord(params: Params, name: string, action: string): Record<string, unknown> | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  throw new WorkflowRunError(`${action}: param "${name}" must be an object, got ${describe(value)}`);
}

/** The listed params that are set, in list order. */
export function pick(params: Params, names: readonly string[]): Params {
  const out: Params = {};
  for (const name of names) if (params[name] !== undefined) out[name] = params[name];
  return out;
}

export function omit(params: Params, names: readonly string[]): Params {
  return Object.fromEntries(
    Object.entries(params).filter(([key, value]) => !names.includes(key) && value !== undefined),
  );
}

function describe(value: unknown): string {
  return value === undefined ? 'nothing (the reference may point at a missing value)' : JSON.stringify(value);
}
