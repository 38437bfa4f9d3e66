/** Shared by the compiler and CLI tests: fixture projects, temp projects, diagnostics as table rows, a memory CLI io. */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildProject } from '../../compiler/build.js';
import type { Diagnostic } from '../../compiler/diagnostics.js';
import { silentLogger } from '../../sync/logger.js';
import type { CliIo } from '../../sync/cli/io.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** What a temp project's files import: the authoring API, by absolute path. */
export const AUTHORING_ENTRY = join(REPO_ROOT, 'compiler/index.js');

export function fixtureRoot(name: string): string {
  return join(REPO_ROOT, 'test/fixtures/projects', name);
}

/** A diagnostic as one table row: `file:line:col`, `severity code`, message, hint. */
export type DiagnosticRow = [string, string, string, string?];

export function toRows(diagnostics: readonly Diagnostic[]): DiagnosticRow[] {
  return diagnostics.map((d) => {
    const where = d.location ? `${d.location.file}:${d.location.line}:${d.location.column}` : '';
    const row: DiagnosticRow = [where, `${d.severity} ${d.code}`, d.message];
    if (d.hint !== undefined) row.push(d.hint);
    return row;
  });
}

export async function diagnoseFixture(name: string): Promise<DiagnosticRow[]> {
  return toRows((await buildProject(fixtureRoot(name))).diagnostics);
}

/** A project in the OS temp dir (ESM), for cases a checked-in .ts file can't hold (syntax errors). */
export async function tempProject(
  files: Record<string, string>,
): Promise<{ root: string; remove: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'kac-test-'));
  await writeFile(join(root, 'package.json'), '{ "type": "module" }\n');
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return { root, remove: () => rm(root, { recursive: true, force: true }) };
}

export const CONFIG_SOURCE = `import { defineConfig } from '${AUTHORING_ENTRY}';\nexport default defineConfig({ namespace: 'regal', environments: { local: { kind: 'local' } } });\n`;

export interface MemoryIo extends CliIo {
  stdout: string[];
  stderr: string[];
}

export function memoryIo(cwd: string = REPO_ROOT): MemoryIo {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (text) => void stdout.push(text),
    err: (text) => void stderr.push(text),
    isTTY: false,
    color: false,
    logger: silentLogger,
    cwd,
    env: {},
  };
}
