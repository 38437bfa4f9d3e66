/**
 * Pure. The tsconfig kac writes for its type check (`.kac/typecheck/tsconfig.json`): the project's
 * own tsconfig.json when it has one (its compiler options are the author's), else kac's defaults
 * (strict, ES modules resolved as the loader bundles them, the options this repo is written with); in both cases only the authored files
 * as roots (their imports follow), no emit, and an incremental build info beside it.
 */
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** What the loader loads, plus the config: the type check covers exactly the authored files. */
export const AUTHORED_INCLUDE = ['klasses/**/*.ts', 'workflows/**/*.ts'];
export const AUTHORED_EXCLUDE = ['**/*.test.ts', '**/node_modules/**'];

const DEFAULT_OPTIONS = {
  target: 'ES2022',
  // As kac loads them (esbuild bundles authored files as ES modules), not as Node would judge a folder
  // without `"type": "module"` (NodeNext would call them CommonJS there and reject every import).
  module: 'Preserve',
  moduleResolution: 'Bundler',
  strict: true,
  noUncheckedIndexedAccess: true,
  resolveJsonModule: true,
  esModuleInterop: true,
  skipLibCheck: true,
  verbatimModuleSyntax: true,
  lib: ['ES2023'],
};

/** `dir` is where the config is written; `typeRoots` is kac's own @types folder, for a project without node_modules. */
export function typecheckConfig(root: string, dir: string, typeRoots: string | undefined): Record<string, unknown> {
  const fromDir = (path: string) => {
    const rel = relative(dir, join(root, path)).split(sep).join('/');
    return rel.startsWith('.') ? rel : `./${rel}`;
  };
  const own = existsSync(join(root, 'tsconfig.json'));
  const config = existsSync(join(root, 'kac.config.ts')) ? [fromDir('kac.config.ts')] : [];
  return {
    ...(own ? { extends: fromDir('tsconfig.json') } : {}),
    compilerOptions: {
      ...(own ? {} : { ...DEFAULT_OPTIONS, types: ['node'], ...(typeRoots ? { typeRoots: [typeRoots] } : {}) }),
      noEmit: true,
      incremental: true,
      tsBuildInfoFile: './tsbuildinfo',
    },
    // tsc rejects an empty `files` list: without a config file the includes alone say what to check.
    ...(config.length > 0 ? { files: config } : {}),
    include: AUTHORED_INCLUDE.map(fromDir),
    exclude: AUTHORED_EXCLUDE.map((glob) => (glob.startsWith('**') ? glob : fromDir(glob))),
  };
}
