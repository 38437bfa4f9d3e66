/**
 * Fast path of the loader: the authored files bundled by esbuild into one module (compiler/ kept
 * external, so definitions use the one authoring API instance) and imported once, instead of
 * 1,000+ separate imports through tsx's loader hooks. A source map keeps call sites pointing at the
 * authored files. Any failure returns undefined: the caller imports file by file, which says
 * exactly which file failed and where.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const COMPILER_DIR = fileURLToPath(new URL('..', import.meta.url));

/** Each file's exports, in the order of `files`; undefined when bundling or evaluating failed. */
export async function importBundled(
  root: string,
  files: readonly string[],
): Promise<Record<string, unknown>[] | undefined> {
  if (files.length === 0) return [];
  const { build } = await import('esbuild');
  const dir = await mkdtemp(join(tmpdir(), 'kac-load-'));
  const outfile = join(dir, 'project.mjs');
  try {
    const entry = files.map((file, i) => `export * as m${i} from ${JSON.stringify(`./${file}`)};`).join('\n');
    const result = await build({
      stdin: { contents: entry, resolveDir: root, sourcefile: 'kac-project-entry.ts', loader: 'ts' },
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      // Matched against resolved paths too: every import of the authoring API stays an import.
      external: [`${COMPILER_DIR}*`],
      // A linked map without sources' content: Node maps stack frames back to the authored files
      // from it, and the module it parses stays small.
      sourcemap: 'linked',
      sourcesContent: false,
      write: false,
      outfile,
      logLevel: 'silent',
    });
    if (!result.outputFiles.some((f) => f.path === outfile)) return undefined;
    for (const file of result.outputFiles) await writeFile(file.path, file.contents);
    const bundle = (await import(pathToFileURL(outfile).href)) as Record<string, Record<string, unknown>>;
    return files.map((_file, i) => bundle[`m${i}`] ?? {});
  } catch {
    return undefined;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
