import type { ResourceKind } from '../../compiler/resource.js';

/**
 * Ownership: kac manages an object only when its name starts with `<namespace>-` or `<namespace>_`.
 * Everything else in the org is invisible to plan and apply, whatever its description says.
 */
export function isManaged(key: string, namespace: string): boolean {
  return key.startsWith(`${namespace}-`) || key.startsWith(`${namespace}_`);
}

/**
 * A live object plan and apply look at. A standard object (`customer` …) is never kac's, but its
 * attributes named with the namespace's prefix are: the provider reads only those into the body
 * (compiler/model/standard-attributes.ts `ownsAttribute`), so the object itself is in scope.
 */
export function isManagedResource(resource: { kind: ResourceKind; key: string }, namespace: string): boolean {
  return resource.kind === 'kustomer.standard-attributes' || isManaged(resource.key, namespace);
}
