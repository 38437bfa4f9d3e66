/**
 * The alternative kac measured and did not take: type-checking in-process through ts-morph (its
 * bundled TypeScript JS API, v6, with its in-memory lib files) on the same tsconfig, instead of
 * spawning the native tsc (v7). Run in a child process by bench/typecheck.ts:
 * `node --import tsx bench/typecheck-api.ts <tsconfig>` prints {loadMs, checkMs, diagnostics}.
 */
import { createRequire } from 'node:module';

const configPath = process.argv[2]!;
const t0 = performance.now();
const { Project } = createRequire(import.meta.url)('ts-morph') as typeof import('ts-morph');
const loaded = performance.now();
const project = new Project({ tsConfigFilePath: configPath });
const diagnostics = project.getPreEmitDiagnostics();
const checked = performance.now();
process.stdout.write(
  `${JSON.stringify({ loadMs: loaded - t0, checkMs: checked - loaded, diagnostics: diagnostics.length })}\n`,
);
