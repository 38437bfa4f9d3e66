/**
 * Ownership: kac manages an object only when its name starts with `<namespace>-` or `<namespace>_`.
 * Everything else in the org is invisible to plan and apply, whatever its description says.
 */
export function isManaged(key: string, namespace: string): boolean {
  return key.startsWith(`${namespace}-`) || key.startsWith(`${namespace}_`);
}
