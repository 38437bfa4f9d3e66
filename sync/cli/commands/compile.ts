/**
 * `kac compile [--out DIR]`: validates, refuses on any error, then writes dist/ deterministically
 * through sync/operations/compile.ts, and says what it wrote.
 */
import { join, relative, resolve } from 'node:path';
import type { ResourceKind } from '../../../compiler/resource.js';
import { NO_TYPECHECK, projectRoot, renderDiagnostic, typecheckOption } from '../shared.js';
import type { RegisterCommand } from './index.js';

export const registerCompile: RegisterCommand = (program, io) => {
  program
    .command('compile')
    .description('validate, then write the compiled JSON of every resource to dist/')
    .option('--out <dir>', 'output directory (default: <root>/dist)')
    .option('--root <dir>', 'project root (default: the current directory)')
    .option(NO_TYPECHECK.flag, NO_TYPECHECK.description)
    .action(async (options: { out?: string; root?: string; typecheck?: boolean }) => {
      const root = projectRoot(io, options.root);
      const outDir = options.out ? resolve(io.cwd, options.out) : join(root, 'dist');
      const { runCompile } = await import('../../operations/compile.js');
      const { build, write } = await runCompile(
        root,
        outDir,
        (d) => {
          io.err(renderDiagnostic(d, io));
          io.err('');
        },
        typecheckOption(options),
      );
      const kinds = new Map<ResourceKind, number>();
      for (const r of build.resources) kinds.set(r.kind, (kinds.get(r.kind) ?? 0) + 1);
      const byKind = [...kinds].map(([kind, n]) => `${n} ${kind}`).join(', ');
      io.err(
        `Compiled ${build.resources.length} resources${byKind ? ` (${byKind})` : ''} into ${displayPath(io.cwd, outDir)}/: ` +
          `${write.written} written, ${write.unchanged} unchanged, ${write.removed} removed.`,
      );
    });
};

function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}
