/**
 * The `appVersion` kac writes when the author gives none. INFERRED from real exports
 * (docs/reference/kustomer-api.md §3.3–3.4): hook triggers carry `hooks-^1.0.0`, steps running a
 * Kustomer system-app action carry `kustomer-^x.y.z` (the newest seen is 1.10.4). Event triggers and
 * branch steps carry none (the official example omits it), nor do other apps' actions
 * (`kustomer.app.<app>...`), whose version only the author knows. Change the values here, in one place.
 */
export const DEFAULT_APP_VERSIONS = {
  hookTrigger: 'hooks-^1.0.0',
  kustomerAction: 'kustomer-^1.10.4',
} as const;

/** The default appVersion for a step running `action`, or undefined to leave the field out. */
export function defaultStepAppVersion(action: string | undefined): string | undefined {
  if (action === undefined || action.startsWith('kustomer.app.')) return undefined;
  return action.startsWith('kustomer.') ? DEFAULT_APP_VERSIONS.kustomerAction : undefined;
}
