// The CLI as one bundle (esbuild, which kac already depends on), so `kac` starts without a TypeScript
// loader: tsx is registered only when authored .ts files are imported (compiler/load/typescript.ts).
// Nothing generated is committed and no install script runs: the bundle is built on first use, and
// again whenever a file it was built from changed, into .kac/cli/ of this checkout. Any failure (a
// read-only checkout, an esbuild error) falls back to running the sources through tsx.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const KAC_ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI_DIR = join(KAC_ROOT, '.kac', 'cli');
const MANIFEST = join(CLI_DIR, 'manifest.json');
const ENTRY = 'sync/cli/main.ts';
/** Part of the key: a bundle is never reused by another Node or kac layout version. */
const FORMAT = `1 ${process.version}`;

const stamp = (path) => {
  const s = statSync(path);
  return `${s.size}:${s.mtimeMs}`;
};

/** The bundle's entry URL when it matches every file it was built from; undefined otherwise. */
function currentBundle() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
    if (manifest.format !== FORMAT || typeof manifest.entry !== 'string' || typeof manifest.inputs !== 'object')
      return undefined;
    for (const [path, recorded] of Object.entries(manifest.inputs))
      if (stamp(join(KAC_ROOT, path)) !== recorded) return undefined;
  } catch {
    return undefined;
  }
  return pathToFileURL(join(CLI_DIR, manifest.entry)).href;
}

/** Keeps `import.meta.url` of every bundled module pointing at its source file (paths next to it stay right). */
const sourceUrls = {
  name: 'kac-source-urls',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      return {
        contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
        loader: 'ts',
      };
    });
  },
};

async function buildBundle() {
  const { build } = await import('esbuild');
  const id = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const outdir = join(CLI_DIR, `build-${id}`);
  mkdirSync(CLI_DIR, { recursive: true });
  const result = await build({
    absWorkingDir: KAC_ROOT,
    entryPoints: { main: ENTRY },
    bundle: true,
    splitting: true, // each command's dynamic imports stay separate chunks, loaded when it runs
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    define: { __KAC_BUNDLE__: 'true' },
    sourcemap: 'linked',
    sourcesContent: false,
    metafile: true,
    outdir,
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    plugins: [sourceUrls],
    logLevel: 'silent',
  });
  const inputs = {};
  for (const path of Object.keys(result.metafile.inputs)) inputs[path] = stamp(join(KAC_ROOT, path));
  // Concurrent first runs each build their own directory; the manifest names one of them, whole.
  const tmp = `${MANIFEST}.${id}`;
  writeFileSync(tmp, JSON.stringify({ format: FORMAT, entry: `build-${id}/main.js`, inputs }));
  const previous = (() => {
    try {
      return JSON.parse(readFileSync(MANIFEST, 'utf8')).entry.split('/')[0];
    } catch {
      return undefined;
    }
  })();
  renameSync(tmp, MANIFEST);
  // The previous build may still be running in another process; only builds older than it go.
  if (previous && previous !== `build-${id}`) pruneExcept([`build-${id}`, previous]);
  return pathToFileURL(join(outdir, 'main.js')).href;
}

/** Builds older than a day go (a long-running daemon may still load chunks from a recent one). */
function pruneExcept(keep) {
  try {
    for (const name of readdirSync(CLI_DIR)) {
      if (!name.startsWith('build-') || keep.includes(name)) continue;
      if (Date.now() - statSync(join(CLI_DIR, name)).mtimeMs > 86_400_000)
        rmSync(join(CLI_DIR, name), { recursive: true, force: true });
    }
  } catch {
    // Old builds are only disk space.
  }
}

/** The module exporting `main`: the bundle, or the TypeScript source through tsx. */
export async function cliEntry() {
  if (process.env.KAC_FROM_SOURCE !== '1') {
    const current = currentBundle();
    if (current) return current;
    try {
      return await buildBundle();
    } catch {
      // Fall through to the sources.
    }
  }
  const { register } = await import('tsx/esm/api');
  register();
  return pathToFileURL(join(KAC_ROOT, ENTRY)).href;
}
