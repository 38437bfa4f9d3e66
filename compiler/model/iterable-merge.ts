/**
 * Iterable merge fields as typed values. A `MergeValue` is a Handlebars fragment (`{{phoneNumber}}`)
 * that the webhook body writes as a JSON string; inside a template literal it is its text, so
 * `` `${field('firstName')} ${field('lastName')}` `` works. Names are checked twice: by the types
 * generated from the project's fields schema, and by validation (for JS, `as any`, raw strings).
 */
import { captureSite, type CallSite } from './site.js';

export interface MergeValue {
  readonly kind: 'iterable-merge';
  /** The Handlebars source, e.g. `{{defaultIfEmpty firstName 'there'}}`. */
  readonly template: string;
  /** Where the helper was called: diagnostics about this value point here. */
  readonly site: CallSite;
  toString(): string;
  toJSON(): string;
}

/** A string position in Regal's payload: literal text or a merge field. */
export type Text = string | MergeValue;
/**
 * A boolean position (`subscribed`, `isPrimary`). A merge field is accepted by the types because
 * Regal's own guide does it, but Iterable renders it as the STRING "true": validation warns.
 */
export type Flag = boolean | MergeValue;

export function isMergeValue(value: unknown): value is MergeValue {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as MergeValue).kind === 'iterable-merge' &&
    typeof (value as MergeValue).template === 'string'
  );
}

export function mergeValue(template: string, site: CallSite = captureSite()): MergeValue {
  return Object.freeze({
    kind: 'iterable-merge' as const,
    template,
    site,
    toString: () => template,
    toJSON: () => template,
  });
}

/** A field name as a Handlebars path: bare when it is a plain identifier, else a `[literal segment]`. */
export function mergePath(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(name) ? name : `[${name}]`;
}

/** A literal argument inside a mustache. Single quotes: the mustache itself sits inside a JSON string. */
function literalArg(value: string | number | boolean): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
}

function textOf(value: Text | undefined): string {
  return value === undefined ? '' : typeof value === 'string' ? value : value.template;
}

/** `field('phoneNumber')`, or by scope: `field.profile.phoneNumber`, `field.event.educationalLevel`. */
export type FieldFunction<Field extends string, Profile extends string, Event extends string> = ((
  name: Field,
) => MergeValue) & {
  /** Iterable user-profile fields. */
  readonly profile: { readonly [K in Profile]: MergeValue };
  /** The triggering custom event's dataFields (Iterable exposes them by bare name too). */
  readonly event: { readonly [K in Event]: MergeValue };
};

/**
 * The typed helpers a body callback receives. `Field` is every name the template may reference:
 * the profile fields, plus the triggering event's dataFields for custom-event journeys.
 */
export interface MergeHelpers<Profile extends string = string, Event extends string = string> {
  field: FieldFunction<Profile | Event, Profile, Event>;
  /** `{{defaultIfEmpty firstName 'there'}}`: the field, or the fallback when it is empty. */
  defaultIfEmpty(name: Profile | Event, fallback: string): MergeValue;
  /** `{{#ifEq plan 'pro'}}then{{else}}otherwise{{/ifEq}}`. */
  ifEq(name: Profile | Event, value: string | number | boolean, then: Text, otherwise?: Text): MergeValue;
  /** `{{#if field}}then{{else}}otherwise{{/if}}`: Handlebars truthiness (empty string and false are unset). */
  ifSet(name: Profile | Event, then: Text, otherwise?: Text): MergeValue;
}

function block(helper: string, args: string, then: Text, otherwise: Text | undefined): string {
  const elsePart = otherwise === undefined ? '' : `{{else}}${textOf(otherwise)}`;
  return `{{#${helper} ${args}}}${textOf(then)}${elsePart}{{/${helper}}}`;
}

function scoped(): { readonly [name: string]: MergeValue } {
  return new Proxy(Object.create(null) as object, {
    get(_target, prop) {
      if (typeof prop === 'symbol' || prop === 'then' || prop === 'toJSON') return undefined;
      return mergeValue(`{{${mergePath(prop)}}}`);
    },
  }) as { readonly [name: string]: MergeValue };
}

/** Builds the helpers. Untyped at runtime: the types narrow the names, validation checks them. */
export function createMergeHelpers(): MergeHelpers<string, string> {
  const field = Object.assign((name: string) => mergeValue(`{{${mergePath(name)}}}`), {
    profile: scoped(),
    event: scoped(),
  });
  return {
    field,
    defaultIfEmpty: (name, fallback) => mergeValue(`{{defaultIfEmpty ${mergePath(name)} ${literalArg(fallback)}}}`),
    ifEq: (name, value, then, otherwise) =>
      mergeValue(block('ifEq', `${mergePath(name)} ${literalArg(value)}`, then, otherwise)),
    ifSet: (name, then, otherwise) => mergeValue(block('if', mergePath(name), then, otherwise)),
  };
}
