/**
 * Strings with `{{...}}` inside: Handlebars templates over `{ steps, variables }`, rendered to a
 * string. Triple braces insert as-is; double braces HTML-escape (Handlebars' own rule, which
 * Kustomer's help centre points to). Helpers: Handlebars' built-ins (#if, #unless, #each, #with)
 * plus Kustomer's `date`, `dateDiff` and `math`, minimal and INFERRED from the examples in
 * docs/reference/kustomer-api.md §3.3: only the forms shown there are supported; other forms throw.
 */
import Handlebars from 'handlebars';
import type { HelperOptions, TemplateDelegate } from 'handlebars';
import { toNumber } from './inferred-semantics.js';

export interface TemplateData {
  steps: Record<string, unknown>;
  variables: Record<string, string>;
}

/** An isolated Handlebars: other parts of kac register Iterable's helpers on their own instance. */
const hbs = Handlebars.create();

const UNIT_MS: Record<string, number> = {
  millisecond: 1,
  second: 1_000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 604_800_000,
};

function unitMs(unit: unknown, helper: string): number {
  const key = typeof unit === 'string' ? unit.replace(/s$/, '') : '';
  const ms = UNIT_MS[key];
  if (ms === undefined) {
    throw new Error(
      `{{${helper}}}: unit ${JSON.stringify(unit)} is not one of ${Object.keys(UNIT_MS)
        .map((u) => `'${u}s'`)
        .join(', ')}`,
    );
  }
  return ms;
}

function nowOf(options: HelperOptions): Date {
  const now = (options.data as { now?: () => Date } | undefined)?.now;
  return now ? now() : new Date();
}

function toTime(value: unknown, helper: string, name: string): number {
  const t =
    typeof value === 'number'
      ? value
      : typeof value === 'string'
        ? Date.parse(value)
        : value instanceof Date
          ? value.getTime()
          : NaN;
  if (!Number.isFinite(t)) throw new Error(`{{${helper}}}: ${name}=${JSON.stringify(value)} is not a date`);
  return t;
}

/** Handlebars appends its options object to the positional arguments; split them. */
function split(args: unknown[]): { positional: unknown[]; options: HelperOptions } {
  return { positional: args.slice(0, -1), options: args[args.length - 1] as HelperOptions };
}

/** `{{date}}` → now; `{{date 'hours' count=-2}}` → now shifted by count units. ISO 8601 UTC. */
hbs.registerHelper('date', (...args: unknown[]) => {
  const { positional, options } = split(args);
  const now = nowOf(options).getTime();
  if (positional.length === 0) return new Date(now).toISOString();
  const count = toNumber(options.hash?.count ?? 0);
  if (count === undefined) throw new Error(`{{date}}: count=${JSON.stringify(options.hash?.count)} is not a number`);
  return new Date(now + count * unitMs(positional[0], 'date')).toISOString();
});

/** `{{dateDiff 'milliseconds' from=a to=b}}` → (b - a) in whole units, truncated toward zero;
 * `from` and `to` default to now. */
hbs.registerHelper('dateDiff', (...args: unknown[]) => {
  const { positional, options } = split(args);
  const now = nowOf(options).getTime();
  const from = options.hash?.from === undefined ? now : toTime(options.hash.from, 'dateDiff', 'from');
  const to = options.hash?.to === undefined ? now : toTime(options.hash.to, 'dateDiff', 'to');
  return Math.trunc((to - from) / unitMs(positional[0] ?? 'milliseconds', 'dateDiff'));
});

const MATH: Record<string, (a: number, b: number) => number> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '%': (a, b) => a % b,
};

/** `{{math a "+" b}}` with + - * / %; operands are numbers or numeric strings. */
hbs.registerHelper('math', (...args: unknown[]) => {
  const { positional } = split(args);
  const [left, op, right] = positional;
  const fn = typeof op === 'string' ? MATH[op] : undefined;
  const a = toNumber(left);
  const b = toNumber(right);
  if (!fn) throw new Error(`{{math}}: operator ${JSON.stringify(op)} is not one of ${Object.keys(MATH).join(' ')}`);
  if (a === undefined || b === undefined)
    throw new Error(`{{math}}: ${JSON.stringify(left)} ${op} ${JSON.stringify(right)} needs two numbers`);
  return fn(a, b);
});

const compiled = new Map<string, TemplateDelegate>();

export function isTemplate(text: string): boolean {
  return text.includes('{{');
}

/** Renders one template string. Missing paths render as "" (Handlebars' rule); helper and syntax
 * errors throw with the template quoted. */
export function renderTemplate(text: string, data: TemplateData, now: () => Date): string {
  let template = compiled.get(text);
  try {
    if (!template) {
      if (compiled.size >= 1_000) compiled.clear();
      template = hbs.compile(text);
      compiled.set(text, template);
    }
    return template({ steps: data.steps, variables: data.variables }, { data: { now } });
  } catch (error) {
    throw new Error(`template ${JSON.stringify(text)}: ${(error as Error).message}`);
  }
}
