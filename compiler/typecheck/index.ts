/**
 * The type check of the authored files (klasses/, workflows/, kac.config.ts and what they import), as
 * kac diagnostics `ts/<code>`. It runs TypeScript's native compiler (`tsc` from the `typescript`
 * package, v7) as a child process on a tsconfig kac writes under `.kac/typecheck/`: one program,
 * incremental (its build info beside it), so a warm run re-checks only what changed. It touches the
 * file system and spawns a process, like the loader; nothing here loads ts-morph or the TS JS API.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import writeFileAtomic from 'write-file-atomic';
import type { Diagnostic } from '../diagnostics.js';
import { parseTscOutput } from './parse.js';
import { typecheckConfig } from './tsconfig.js';

export const TYPECHECK_DIR = '.kac/typecheck';

export interface TypecheckResult {
  diagnostics: Diagnostic[];
  /** The tsc that ran, for the bench and `--verbose` output. */
  compiler: string;
}

/** Type-checks the project at `root` (absolute). Never throws: a missing or crashing tsc is a diagnostic. */
export async function typecheckProject(root: string): Promise<TypecheckResult> {
  const dir = join(root, TYPECHECK_DIR);
  const configPath = join(dir, 'tsconfig.json');
  let exe: string;
  try {
    exe = await nativeTscPath();
  } catch (error) {
    return {
      compiler: 'none',
      diagnostics: [unavailable(`TypeScript's tsc was not found (${(error as Error).message}).`)],
    };
  }
  await mkdir(dir, { recursive: true });
  const config = `${JSON.stringify(typecheckConfig(root, dir, typeRoots()), null, 2)}\n`;
  // Atomic: another kac (or tsc) reading it at the same time sees the old file or the new one, never half.
  // tsc itself tolerates a torn build info (it checks everything again).
  if ((await readFile(configPath, 'utf8').catch(() => '')) !== config) await writeFileAtomic(configPath, config);
  const run = await runTsc(exe, ['-p', posix(relative(root, configPath)), '--pretty', 'false'], root);
  if (run.error && run.stdout.trim() === '') {
    return {
      compiler: exe,
      diagnostics: [
        unavailable(
          `tsc failed to run: ${run.error.message.split('\n')[0]}${run.stderr ? `\n  ${run.stderr.trim()}` : ''}`,
        ),
      ],
    };
  }
  // TS18003 "No inputs were found": a project with no authored files yet has nothing to type-check.
  return { compiler: exe, diagnostics: parseTscOutput(run.stdout, root, root).filter((d) => d.code !== 'ts/18003') };
}

/** The native tsc executable of the `typescript` package kac depends on (resolved as its own bin does). */
async function nativeTscPath(): Promise<string> {
  const packageJson = requireFromHere.resolve('typescript/package.json');
  const getExePath = join(dirname(packageJson), 'lib', 'getExePath.js');
  if (!existsSync(getExePath)) throw new Error(`typescript at ${dirname(packageJson)} is not v7 (no native tsc)`);
  const module = (await import(pathToFileURL(getExePath).href)) as { default: () => string };
  return module.default();
}

const requireFromHere = createRequire(import.meta.url);

/** kac's own @types (node), for a project without its own tsconfig.json or node_modules. */
function typeRoots(): string | undefined {
  try {
    return dirname(dirname(requireFromHere.resolve('@types/node/package.json')));
  } catch {
    return undefined;
  }
}

function runTsc(exe: string, args: string[], cwd: string): Promise<{ stdout: string; stderr: string; error?: Error }> {
  return new Promise((resolvePromise) => {
    execFile(exe, args, { cwd, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      // tsc exits 2 when it reports errors: that is its answer, not a failure to run.
      const failed = error && typeof (error as { code?: unknown }).code !== 'number' ? error : undefined;
      resolvePromise({ stdout, stderr, ...(failed ? { error: failed } : {}) });
    });
  });
}

function unavailable(message: string): Diagnostic {
  return {
    code: 'typecheck/unavailable',
    severity: 'error',
    message: `the type check could not run: ${message}`,
    hint: 'install the dev dependencies (npm ci), or skip the type check with --no-typecheck',
  };
}

function posix(path: string): string {
  return path.split(sep).join('/');
}
