/**
 * `kac compile [--out DIR]`: validates, refuses on any error, then writes dist/ deterministically
 * (one canonical JSON per resource + manifest.json). Stale files in the folders compile owns are
 * removed; nothing else in the out dir is touched.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { DIST_FOLDERS, MANIFEST_FILE, renderDist, type DistFile } from '../../../compiler/compile/dist.js';
import { hasErrors } from '../../../compiler/diagnostics.js';
import type { ResourceKind } from '../../../compiler/resource.js';
import { DiagnosticsError } from '../../errors.js';
import type { RegisterCommand } from './index.js';
import { buildForCli, NO_TYPECHECK, renderDiagnostic } from './validate.js';

export const registerCompile: RegisterCommand = (program, io) => {
  program
    .command('compile')
    .description('validate, then write the compiled JSON of every resource to dist/')
    .option('--out <dir>', 'output directory (default: <root>/dist)')
    .option('--root <dir>', 'project root (default: the current directory)')
    .option(NO_TYPECHECK.flag, NO_TYPECHECK.description)
    .action(async (options: { out?: string; root?: string; typecheck?: boolean }) => {
      const root = resolve(io.cwd, options.root ?? '.');
      const outDir = options.out ? resolve(io.cwd, options.out) : join(root, 'dist');
      const build = await buildForCli(root, options);
      if (hasErrors(build.diagnostics)) throw new DiagnosticsError(build.diagnostics);
      for (const d of build.diagnostics) {
        io.err(renderDiagnostic(d, io));
        io.err('');
      }

      const result = await writeDist(outDir, renderDist(build.resources));
      const kinds = new Map<ResourceKind, number>();
      for (const r of build.resources) kinds.set(r.kind, (kinds.get(r.kind) ?? 0) + 1);
      const byKind = [...kinds].map(([kind, n]) => `${n} ${kind}`).join(', ');
      io.err(
        `Compiled ${build.resources.length} resources${byKind ? ` (${byKind})` : ''} into ${displayPath(io.cwd, outDir)}/: ` +
          `${result.written} written, ${result.unchanged} unchanged, ${result.removed} removed.`,
      );
    });
};

function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}

export interface WriteDistResult {
  written: number;
  unchanged: number;
  removed: number;
}

/** Writes only files whose content changed, and removes compile's own files that are no longer produced. */
export async function writeDist(outDir: string, files: readonly DistFile[]): Promise<WriteDistResult> {
  const result: WriteDistResult = { written: 0, unchanged: 0, removed: 0 };
  const wanted = new Set(files.map((f) => f.path));
  for (const file of files) {
    const path = join(outDir, file.path);
    const current = await readFile(path, 'utf8').catch(() => undefined);
    if (current === file.content) {
      result.unchanged++;
      continue;
    }
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.content);
    result.written++;
  }
  for (const folder of new Set(Object.values(DIST_FOLDERS))) {
    const names = await readdir(join(outDir, folder)).catch(() => [] as string[]);
    for (const name of names.sort()) {
      if (!name.endsWith('.json') || wanted.has(`${folder}/${name}`)) continue;
      await rm(join(outDir, folder, name), { force: true });
      result.removed++;
    }
  }
  if (!wanted.has(MANIFEST_FILE)) await rm(join(outDir, MANIFEST_FILE), { force: true });
  return result;
}
