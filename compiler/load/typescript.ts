/**
 * Authored files are TypeScript. Run from source (tsx, tests) they import as they are; run from the
 * CLI bundle (bin/cli-bundle.js defines __KAC_BUNDLE__), tsx's loader is registered on the first
 * import of an authored file, so commands that never read one (`kac --help`) never pay for it.
 */
declare const __KAC_BUNDLE__: boolean | undefined;

let registered: Promise<void> | undefined;

export function ensureTypeScriptImports(): Promise<void> {
  if (typeof __KAC_BUNDLE__ === 'undefined') return Promise.resolve();
  registered ??= import('tsx/esm/api').then(({ register }) => {
    register();
  });
  return registered;
}
