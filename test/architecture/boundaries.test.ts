/**
 * The architecture's import rules, enforced by reading import specifiers:
 * - compiler/ never imports sync/;
 * - authored files (klasses/, workflows/, kac.config.ts) import only the public authoring entry
 *   (compiler/index.ts), each other, and generated payload types;
 * - side effects (file system, network, octokit, clock, process) only in the I/O modules listed in
 *   IO_MODULES, each allowed only the capabilities it needs; every other module is pure.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { glob } from 'tinyglobby';

const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]/g)) specs.push(m[1]!);
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) specs.push(m[1]!);
  return specs;
}

function resolvedRelative(file: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  return relative(root, join(dirname(file), spec))
    .split('\\')
    .join('/');
}

test('compiler/ never imports sync/', async () => {
  const offenders: string[] = [];
  for (const file of await glob('compiler/**/*.ts', { cwd: root, absolute: true })) {
    for (const spec of importsOf(file)) {
      const target = resolvedRelative(file, spec);
      if (target?.startsWith('sync/')) offenders.push(`${relative(root, file)} imports ${spec}`);
    }
  }
  assert.equal(offenders, []);
});

test('authored files import only compiler/index.ts, each other and generated types', async () => {
  const offenders: string[] = [];
  const authored = await glob(['klasses/**/*.ts', 'workflows/**/*.ts', 'kac.config.ts'], { cwd: root, absolute: true });
  for (const file of authored) {
    for (const spec of importsOf(file)) {
      const target = resolvedRelative(file, spec);
      if (target === undefined) {
        offenders.push(`${relative(root, file)} imports package ${spec}`);
        continue;
      }
      const ok = target === 'compiler/index.js' || target.startsWith('klasses/') || target.startsWith('workflows/');
      if (!ok) offenders.push(`${relative(root, file)} imports ${spec}`);
    }
  }
  assert.equal(offenders, []);
});

test('stages do not write to stdout or exit the process', async () => {
  const stageFiles = await glob(
    ['compiler/**/*.ts', 'sync/plan/**/*.ts', 'sync/apply/**/*.ts', 'sync/report/**/*.ts', 'sync/import/**/*.ts'],
    {
      cwd: root,
      absolute: true,
    },
  );
  const offenders: string[] = [];
  for (const file of stageFiles) {
    const text = readFileSync(file, 'utf8');
    if (/console\.(log|info|error|warn)\(|process\.exit\(|process\.stdout\.write/.test(text))
      offenders.push(relative(root, file));
  }
  assert.equal(offenders, []);
});

/** What counts as each side effect, read from the source (comments stripped). */
const CAPABILITIES = {
  fs: /from\s+['"](node:fs|node:fs\/promises|write-file-atomic)['"]|import\(\s*['"]node:fs(\/promises)?['"]/,
  network: /from\s+['"](node:http|node:https|node:net|undici)['"]|\bfetch\(/,
  octokit: /from\s+['"](octokit|@octokit\/[^'"]+)['"]|import\(\s*['"]octokit['"]/,
  clock: /new Date\(\)|Date\.now\(\)|performance\.now\(\)|\bsetTimeout\(|\bsetInterval\(|node:timers/,
  process:
    /\bprocess\.(env|on|once|off|exit|exitCode|stdout|stderr|stdin|kill|pid|cwd|argv|removeListener)\b|node:child_process/,
} as const;
type Capability = keyof typeof CAPABILITIES;
const ALL = Object.keys(CAPABILITIES) as Capability[];

/**
 * The I/O modules: a path prefix (a folder ends in `/`) and what it may touch. Everything else under
 * compiler/ and sync/ is pure: stages take a clock, a logger, providers and sinks as arguments.
 */
const IO_MODULES: [prefix: string, allowed: Capability[]][] = [
  ['compiler/load/', ['fs', 'process']], // the loader: reads the authored files (and a location cache)
  ['compiler/typecheck/', ['fs', 'process']], // tsc over the authored files
  ['compiler/codegen/', ['fs']], // payload types from JSON Schemas
  ['sync/cli/', ALL], // the CLI entry: the terminal, signals, the clock of confirmations
  ['sync/daemon/', ALL], // schedule, signals, health server, status file
  ['sync/github/', ['fs', 'network', 'octokit', 'process']], // the GitHub reporter and Actions' files
  ['sync/local-org/', ALL], // an HTTP server with its own state, clock and lock
  ['sync/studio/', ALL], // a local web server
  ['sync/state/', ['fs', 'clock', 'process']], // org-identity locks
  ['sync/providers/kustomer/client/', ['network', 'clock']], // HTTP, timeouts, pacing
  ['sync/providers/iterable/client.ts', ['network', 'clock']],
  ['sync/providers/bounded-fetch.ts', ['network', 'clock']],
  ['sync/providers/iterable/confirmations.ts', ['fs']], // the committed confirmations file
  ['sync/operations/compile.ts', ['fs']], // writes dist/
  ['sync/operations/context.ts', ['clock']], // the system clock, handed to operations by their callers
  ['sync/apply/journal.ts', ['fs', 'clock']], // the journal file, batched writes
  ['sync/apply/progress.ts', ['clock']], // redraws the progress line
  ['sync/plan/saved-plan-file.ts', ['fs']],
  ['sync/drift/publish.ts', ['fs']], // .kac/drift-<env>.md without GitHub
  ['sync/drift/adopt-github.ts', ['octokit']],
  ['sync/import/import-org.ts', ['fs']], // writes the imported files
  ['sync/inspect/hooks.ts', ['fs']],
  ['sync/behaviour/replay.ts', ['fs']],
  ['sync/logger.ts', ['process']], // readSecret's default environment
];

test('side effects only in the I/O modules, each with only the capabilities it is listed for', async () => {
  const offenders: string[] = [];
  for (const file of (await glob(['compiler/**/*.ts', 'sync/**/*.ts'], { cwd: root })).sort()) {
    const text = readFileSync(join(root, file), 'utf8').replace(/^\s*(\/\/|\/?\*).*$/gm, '');
    const allowed = new Set(
      IO_MODULES.filter(([prefix]) => file === prefix || (prefix.endsWith('/') && file.startsWith(prefix))).flatMap(
        ([, caps]) => caps,
      ),
    );
    const used = ALL.filter((cap) => CAPABILITIES[cap].test(text) && !allowed.has(cap));
    if (used.length > 0) offenders.push(`${file}: ${used.join(', ')}`);
  }
  assert.equal(offenders, []);
});

test('the side-effect check sees what it claims to (a pure-looking module that reads the clock is caught)', () => {
  const sample =
    "import { readFile } from 'node:fs/promises';\nconst t = Date.now();\nawait fetch(url);\nprocess.exit(1);";
  assert.equal(
    ALL.filter((cap) => CAPABILITIES[cap].test(sample)),
    ['fs', 'network', 'clock', 'process'],
  );
});

test.run();
