/**
 * The compile operation (`kac compile`, the demo's first step): build the project, refusing errors,
 * and write dist/ deterministically (one canonical JSON per resource + manifest.json). Only files
 * whose content changed are written; compile's own files that are no longer produced are removed;
 * nothing else in the out dir is touched.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { BuildOptions, ProjectBuild } from '../../compiler/build.js';
import { DIST_FOLDERS, MANIFEST_FILE, renderDist, type DistFile } from '../../compiler/compile/dist.js';
import type { Diagnostic } from '../../compiler/diagnostics.js';
import { buildValidProject } from './project.js';

export interface WriteDistResult {
  written: number;
  unchanged: number;
  removed: number;
}

export async function runCompile(
  root: string,
  outDir: string,
  onWarning?: (warning: Diagnostic) => void,
  options: BuildOptions = {},
): Promise<{ build: ProjectBuild; write: WriteDistResult }> {
  const build = await buildValidProject(root, onWarning, options);
  return { build, write: await writeDist(outDir, renderDist(build.resources)) };
}

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
