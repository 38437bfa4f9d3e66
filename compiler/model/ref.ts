/**
 * Typed references to workflow data: the trigger's payload and earlier steps' outputs.
 *
 * `event.properties.call_id` is a `Ref<string>` built by a Proxy that records its path. As a whole
 * value it compiles to `/#steps.1.attributes.data.properties.call_id`; inside a template string it
 * renders as `{{{steps.1.attributes.data.properties.call_id}}}`. A path that does not exist in the
 * payload type is a compile error.
 */
declare const refType: unique symbol;

/** Phantom brand carrying the referenced value's type. */
export interface RefBrand<T> {
  readonly [refType]?: { readonly value: T };
}

type RefFields<T> = [NonNullable<T>] extends [readonly unknown[]]
  ? { readonly [index: number]: Ref<NonNullable<T>[number]> }
  : [NonNullable<T>] extends [object]
    ? { readonly [K in keyof NonNullable<T>]-?: Ref<NonNullable<T>[K]> }
    : unknown;

/**
 * A reference to a value of type T somewhere in the workflow's data. A reference to `any` (an
 * untyped action's output, a REST call's body) is `any`, so any path under it can be written.
 */
export type Ref<T> = 0 extends 1 & T ? any : RefBrand<T> & RefFields<T>;

/**
 * A whole-value reference written as Kustomer writes it, `'/#steps.<id>.<path>'`: compiles to itself.
 * For data whose type kac does not know (what `kac import` writes when a payload has no type).
 */
export type StepPath = `/#steps.${string}`;

/** A value an action param accepts: the literal, a reference to a value of that type, or a step path. */
export type Value<T> = T | Ref<T> | Ref<T | null> | Ref<T | undefined> | Ref<T | null | undefined> | StepPath;
/** Strings also accept template literals mixing text and references. */
export type StringValue = Value<string>;

export interface RefData {
  step: string;
  path: readonly string[];
}

const REF_DATA = Symbol.for('kac.ref');

export function ref<T>(step: string, path: readonly string[] = []): Ref<T> {
  const data: RefData = { step, path };
  return new Proxy(Object.create(null) as object, {
    get(_target, prop) {
      if (prop === REF_DATA) return data;
      if (prop === Symbol.toPrimitive || prop === 'toString') return () => templateOf(data);
      if (typeof prop === 'symbol' || prop === 'then' || prop === 'toJSON') return undefined;
      return ref(step, [...path, prop]);
    },
    has(_target, prop) {
      return prop === REF_DATA;
    },
  }) as Ref<T>;
}

export function refData(value: unknown): RefData | undefined {
  if ((typeof value === 'object' || typeof value === 'function') && value !== null) {
    const data = (value as { [REF_DATA]?: RefData })[REF_DATA];
    if (data && typeof data.step === 'string') return data;
  }
  return undefined;
}

export function isRef(value: unknown): boolean {
  return refData(value) !== undefined;
}

/** `/#steps.<id>.<path>`: a whole-value reference, keeping the referenced value's type. */
export function wholeValueOf(data: RefData): string {
  return ['/#steps', data.step, ...data.path].join('.');
}

/**
 * `{{{steps.<id>.<path>}}}`: a reference inside a string (Handlebars, unescaped). Segments that are
 * not plain identifiers (array indexes, names with dashes) use Handlebars' `[segment]` literal form,
 * since `{{{steps.1.tags.0}}}` does not parse.
 */
export function templateOf(data: RefData): string {
  const segments = ['steps', data.step, ...data.path].map((s, i) => (i <= 1 || /^[A-Za-z_$][\w$]*$/.test(s) ? s : `[${s}]`));
  return `{{{${segments.join('.')}}}}`;
}
