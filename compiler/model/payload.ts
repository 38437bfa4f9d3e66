/** A phantom marker carrying a payload's TypeScript type through plain data. */
export interface PayloadType<T> {
  readonly kind: 'payload-type';
  readonly __type?: T;
}

/**
 * Names the TypeScript type of a payload, for hooks and triggers.
 *
 * @example
 * defineHook({ name: 'regal-events', payload: payloadOf<RegalKustomerEvent>() });
 * onHook(regalEvents, { payload: payloadOf<RegalCallCompleted>() });
 */
export function payloadOf<T>(): PayloadType<T> {
  return { kind: 'payload-type' };
}
