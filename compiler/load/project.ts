/**
 * The loader: imports every file under `klasses/` and `workflows/` (bundled in one go, see
 * bundle.ts; else one by one under tsx) and collects the define* values they export into a Model.
 * A file that throws on import becomes a `load/import-failed` diagnostic at that file; the rest
 * still load. Each load evaluates the files afresh (the bundle is new each time).
 */
import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { glob } from 'tinyglobby';
import type { Diagnostic } from '../diagnostics.js';
import type { KacConfig } from '../model/config.js';
import type { Model } from '../model/project.js';
import type { SourceLocation } from '../resource.js';
import { definitionsOf, isDefinition, MODEL_LIST, type DefinitionLike } from './collect.js';
import { importBundled } from './bundle.js';
import { firstLine } from './config.js';
import { ensureTypeScriptImports } from './typescript.js';

export const SOURCE_GLOBS = ['klasses/**/*.ts', 'workflows/**/*.ts'];
const IGNORED = ['**/*.d.ts', '**/*.test.ts', '**/node_modules/**'];

export async function loadProject(
  root: string,
  config: KacConfig,
): Promise<{ model: Model; diagnostics: Diagnostic[] }> {
  const absRoot = resolve(root);
  const files = (await glob(SOURCE_GLOBS, { cwd: absRoot, ignore: IGNORED })).map(toPosix).sort();
  const diagnostics: Diagnostic[] = [];
  // Identity decides: a hook imported and re-exported elsewhere is still one hook.
  const seen = new Map<DefinitionLike, string[]>();

  await ensureTypeScriptImports();
  const modules = (await importBundled(absRoot, files)) ?? (await importEach(absRoot, files, diagnostics));
  const notDefinitions: Promise<Diagnostic>[] = [];
  modules.forEach((exported, i) => {
    if (!exported) return;
    if ('default' in exported && !isDefinition(exported.default))
      notDefinitions.push(notADefinition(absRoot, files[i]!, exported.default));
    for (const definition of definitionsOf(exported)) {
      const holders = seen.get(definition);
      if (holders) holders.push(files[i]!);
      else seen.set(definition, [files[i]!]);
    }
  });

  diagnostics.push(...(await Promise.all(notDefinitions)));
  const model: Model = {
    root: absRoot,
    namespace: config.namespace,
    klasses: [],
    hooks: [],
    workflows: [],
    outboundWebhooks: [],
    iterableWebhooks: [],
    standardAttributes: [],
  };
  for (const [definition, holders] of seen) {
    (model[MODEL_LIST[definition.kind]] as { definition: unknown; file: string }[]).push({
      definition,
      file: homeFile(absRoot, definition, holders),
    });
  }
  return { model, diagnostics };
}

/**
 * The slow, precise path: each file imported on its own (concurrently: the loader's per-file work
 * overlaps), a failing file a diagnostic at that file. Order follows `files`, whichever import ends first.
 */
async function importEach(
  root: string,
  files: readonly string[],
  diagnostics: Diagnostic[],
): Promise<(Record<string, unknown> | undefined)[]> {
  const results = await Promise.allSettled(
    files.map((file) => import(pathToFileURL(resolve(root, file)).href) as Promise<Record<string, unknown>>),
  );
  return results.map((result, i) => {
    if (result.status === 'fulfilled') return result.value;
    diagnostics.push(importFailed(root, files[i]!, result.reason));
    return undefined;
  });
}

/** Of the files exporting a definition, the one it was written in (resolving its call site only when it matters). */
function homeFile(root: string, definition: DefinitionLike, holders: string[]): string {
  if (holders.length === 1) return holders[0]!;
  const defined = definition.site?.resolve(root)?.file;
  return holders.find((f) => f === defined) ?? holders[0]!;
}

/**
 * An authored file's default export is what kac reads from it: anything but a define* value would be
 * silently ignored, so it is an error at the `export default` line.
 */
async function notADefinition(root: string, file: string, value: unknown): Promise<Diagnostic> {
  const text = await readFile(resolve(root, file), 'utf8').catch(() => '');
  const lines = text.split('\n');
  const index = lines.findIndex((l) => /^\s*export\s+default\b/.test(l));
  const what =
    value === null
      ? 'null'
      : Array.isArray(value)
        ? 'an array'
        : typeof value === 'object'
          ? 'an object that is not a kac definition'
          : `a ${typeof value} (${String(value).slice(0, 40)})`;
  return {
    code: 'load/not-a-definition',
    severity: 'error',
    message: `"${file}" exports ${what} as its default export; kac reads only definitions from authored files.`,
    location: { file, line: index >= 0 ? index + 1 : 1, column: index >= 0 ? lines[index]!.search(/export/) + 1 : 1 },
    hint: 'export default a defineKlass / defineHook / defineWorkflow / defineOutboundWebhook / defineIterableWebhook value, or use a named export for helpers',
  };
}

function importFailed(root: string, file: string, error: unknown): Diagnostic {
  return {
    code: 'load/import-failed',
    severity: 'error',
    message: `"${file}" could not be loaded: ${errorSummary(error)}`,
    location: errorLocation(root, file, error) ?? { file, line: 1, column: 1 },
  };
}

// esbuild (under tsx) reports syntax errors as `<file>:<line>:<col0>: ERROR: <text>`, 0-based column.
const ESBUILD_ERROR = /((?:file:\/\/)?\/[^\s:]+):(\d+):(\d+): ERROR: (.*)/;

function errorSummary(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return ESBUILD_ERROR.exec(message)?.[4]?.trim() ?? firstLine(error);
}

/** Where in `file` the import threw: esbuild's message for syntax errors, else the first stack frame there. */
function errorLocation(root: string, file: string, error: unknown): SourceLocation | undefined {
  if (!(error instanceof Error)) return undefined;
  const abs = resolve(root, file);
  const syntax = ESBUILD_ERROR.exec(error.message);
  if (syntax && toAbsolute(syntax[1]!) === abs) return { file, line: Number(syntax[2]), column: Number(syntax[3]) + 1 };
  for (const m of (error.stack ?? '').matchAll(/((?:file:\/\/)?\/[^\s():]+):(\d+):(\d+)/g)) {
    if (toAbsolute(m[1]!) === abs) return { file, line: Number(m[2]), column: Number(m[3]) };
  }
  return undefined;
}

function toAbsolute(path: string): string {
  return path.startsWith('file://') ? fileURLToPath(path) : path;
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}
