/**
 * A Handlebars environment with Iterable's helpers registered, for previews and for telling helper
 * names from merge fields. Behaviour follows Iterable's docs (regal-iterable.md §2.5); `if`,
 * `unless`, `each` and `with` are Handlebars' own. Isolated: never touches the global instance.
 */
import type Handlebars from 'handlebars';
import { handlebars } from './handlebars.js';

type Options = Handlebars.HelperOptions;

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

function compare(test: (a: number, b: number) => boolean) {
  return function (this: unknown, a: unknown, b: unknown, options: Options) {
    return test(Number(a), Number(b)) ? options.fn(this) : options.inverse(this);
  };
}

const HELPERS: Record<string, Handlebars.HelperDelegate> = {
  defaultIfEmpty: (value: unknown, fallback: unknown) => (isEmpty(value) ? fallback : value),
  // Iterable compares the rendered values: a profile boolean true equals 'true'.
  ifEq(this: unknown, a: unknown, b: unknown, options: Options) {
    return String(a) === String(b) ? options.fn(this) : options.inverse(this);
  },
  ifGt: compare((a, b) => a > b),
  ifGte: compare((a, b) => a >= b),
  ifLt: compare((a, b) => a < b),
  ifLte: compare((a, b) => a <= b),
  ifContainsStr(this: unknown, haystack: unknown, needle: unknown, options: Options) {
    // Iterable fails the send when the field is empty (§2.5): so does the preview.
    if (isEmpty(haystack)) throw new Error('ifContainsStr on an empty field: Iterable fails the send');
    return String(haystack).includes(String(needle)) ? options.fn(this) : options.inverse(this);
  },
  capitalizeFirst: (value: unknown) => {
    const s = isEmpty(value) ? '' : String(value);
    return s.charAt(0).toUpperCase() + s.slice(1);
  },
  urlEncode: (value: unknown) => encodeURIComponent(isEmpty(value) ? '' : String(value)),
};

/** Handlebars' built-ins that change or test context; their params are fields, their names are not. */
export const BUILTIN_HELPERS = ['if', 'unless', 'each', 'with', 'lookup', 'log'] as const;
export const ITERABLE_HELPERS = Object.keys(HELPERS);

export function isHelperName(name: string): boolean {
  return (BUILTIN_HELPERS as readonly string[]).includes(name) || ITERABLE_HELPERS.includes(name);
}

export function createIterableHandlebars(): typeof Handlebars {
  const env = handlebars().create();
  env.registerHelper(HELPERS);
  return env;
}
