/**
 * A phantom marker carrying a payload's TypeScript type through plain data, and, when given, the
 * payload's JSON Schema: validation checks every reference into the payload against it (an unknown
 * property, a string into a …Num attribute), the check a JSON-only author gets without TypeScript.
 */
export interface PayloadType<T> {
  readonly kind: 'payload-type';
  /** The JSON Schema the type was generated from, if known. */
  readonly schema?: JsonSchema;
  readonly __type?: T;
}

/** A JSON Schema, as plain JSON (draft 7 keywords kac reads: type, properties, items, anyOf, oneOf, $ref, definitions). */
export type JsonSchema = { readonly [keyword: string]: unknown } | boolean;

/**
 * Names the TypeScript type of a payload, for hooks and triggers; pass its JSON Schema too (generated
 * payload types export it) so references are checked against it at validate time.
 *
 * @example
 * defineHook({ name: 'regal-events', payload: payloadOf<RegalKustomerEvent>() });
 * onHook(regalEvents, { payload: payloadOf<RegalCallCompleted>(regalCallCompletedSchema) });
 */
export function payloadOf<T>(schema?: JsonSchema): PayloadType<T> {
  return schema === undefined ? { kind: 'payload-type' } : { kind: 'payload-type', schema };
}
