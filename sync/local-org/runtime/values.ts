/**
 * Resolves params and condition operands against the run's context. A string that is wholly
 * `/#steps.<id>.<path>` becomes the referenced value with its type (undefined when missing); a
 * string with `{{...}}` is rendered as a template; objects and arrays resolve recursively; other
 * values are literals. Unsupported forms (`/#fn:...`) throw rather than pass through as text.
 */
import { formatDate, parseIntValue, VALUE_FUNCTIONS } from './inferred-semantics.js';
import { WorkflowRunError } from './types.js';
import { isTemplate, renderTemplate, type TemplateData } from './templates.js';

export interface ValueContext extends TemplateData {
  now: () => Date;
}

/** Step ids are builder shortids (`e_r_w7wx8`, `8-gu8QS1s`) or readable names; never dots. */
const WHOLE_REF = /^\/#steps\.([^.\s]+)((?:\.[^.\s]+)*)$/;

/** The value at `/#steps.<id>.<path>`, or undefined when the step has not run or the path is missing. */
export function lookupStepPath(steps: Record<string, unknown>, stepId: string, path: readonly string[]): unknown {
  let cur: unknown = Object.hasOwn(steps, stepId) ? steps[stepId] : undefined;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

export function resolveValue(value: unknown, ctx: ValueContext): unknown {
  if (typeof value === 'string') return resolveString(value, ctx);
  if (Array.isArray(value)) return value.map((item) => resolveValue(item, ctx));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const resolved = resolveValue(item, ctx);
      // A missing reference leaves the key out, as JSON would: the API never sees `undefined`.
      if (resolved !== undefined) out[key] = resolved;
    }
    return out;
  }
  return value;
}

/** `/#fn:<name>,<arg>,...` (see inferred-semantics.ts VALUE_FUNCTIONS); other functions fail by name. */
function callValueFunction(text: string, ctx: ValueContext): unknown {
  const [name = '', ...rawArgs] = text.slice('/#fn:'.length).split(',');
  const args = rawArgs.map((arg) =>
    arg.startsWith('steps.') ? lookupStepPath(ctx.steps, arg.split('.')[1] ?? '', arg.split('.').slice(2)) : arg,
  );
  switch (name as (typeof VALUE_FUNCTIONS)[number]) {
    case 'parseInt':
      return parseIntValue(args[0], args[1]);
    case 'dateFormat':
      return formatDate(args[0], args[1]);
    default:
      throw new WorkflowRunError(
        `function helper ${JSON.stringify(text)} is not supported by the local Kustomer org (supported: ${VALUE_FUNCTIONS.map((f) => `/#fn:${f}`).join(', ')})`,
      );
  }
}

function resolveString(text: string, ctx: ValueContext): unknown {
  const ref = WHOLE_REF.exec(text);
  if (ref) return lookupStepPath(ctx.steps, ref[1] as string, ref[2] ? ref[2].slice(1).split('.') : []);
  if (text.startsWith('/#fn:')) return callValueFunction(text, ctx);
  if (text.startsWith('/#')) {
    throw new WorkflowRunError(
      `reference ${JSON.stringify(text)} is not supported by the local Kustomer org (expected /#steps.<id>.<path>)`,
    );
  }
  if (isTemplate(text)) {
    try {
      return renderTemplate(text, ctx, ctx.now);
    } catch (error) {
      throw new WorkflowRunError((error as Error).message);
    }
  }
  return text;
}
