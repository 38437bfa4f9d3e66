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

/*
 * A reference is named by what it points at, so a wrong mapping reads as a short message in the
 * editor and in `kac validate` ("Type 'StringRef' is not assignable to type 'Value<number>'"): each
 * kind is an interface (TypeScript prints an interface by its name) or a named alias, and `Ref<T>`
 * only picks one, so no conditional type is spelled out in an error.
 */
/** A reference to a string (or a string literal union, e.g. an event name). */
export interface StringRef<T extends string | null | undefined = string> extends RefBrand<T> {}
/** A reference to a number. */
export interface NumberRef<T extends number | null | undefined = number> extends RefBrand<T> {}
/** A reference to a boolean. */
export interface BooleanRef<T extends boolean | null | undefined = boolean> extends RefBrand<T> {}
/** A reference to an array: `ref[0]` is a reference to an element. */
export type ArrayRef<T> = RefBrand<T> & {
  readonly [index: number]: Ref<NonNullable<T> extends readonly (infer E)[] ? E : never>;
};
/** A reference to an object: each field is a reference too (`event.properties.call_id`). */
export type ObjectRef<T> = RefBrand<T> & { readonly [K in keyof NonNullable<T>]-?: Ref<NonNullable<T>[K]> };

/**
 * A reference to a value of type T somewhere in the workflow's data. A reference to `any` (an
 * untyped action's output, a REST call's body) is `any`, so any path under it can be written.
 */
export type Ref<T> = 0 extends 1 & T
  ? any
  : [T] extends [string | null | undefined]
    ? [T] extends [null | undefined]
      ? RefBrand<T>
      : StringRef<T & (string | null | undefined)>
    : [T] extends [number | null | undefined]
      ? NumberRef<T & (number | null | undefined)>
      : [T] extends [boolean | null | undefined]
        ? BooleanRef<T & (boolean | null | undefined)>
        : [NonNullable<T>] extends [readonly unknown[]]
          ? ArrayRef<T>
          : [NonNullable<T>] extends [object]
            ? ObjectRef<T>
            : RefBrand<T>;

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
  const segments = ['steps', data.step, ...data.path].map((s, i) =>
    i <= 1 || /^[A-Za-z_$][\w$]*$/.test(s) ? s : `[${s}]`,
  );
  return `{{{${segments.join('.')}}}}`;
}
