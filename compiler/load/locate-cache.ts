/**
 * The locator with a cache in `.kac/cache/locations.json`: a lookup is keyed by the sha256 of the
 * file's content, the position and the text, so an unchanged file is located without loading
 * ts-morph (which costs more than the rest of `kac validate` together), and a changed file never
 * reuses an old answer. The cache is only ever a shortcut: unreadable or malformed, it is ignored;
 * unwritable, it is not saved.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { SourceLocation } from '../resource.js';
import { createLocator, type FindOptions, type Locator } from './locate.js';

export const LOCATION_CACHE = '.kac/cache/locations.json';
const VERSION = 1;

type Entry = [line: number, column: number] | null;

export interface CachedLocator extends Locator {
  /** Writes the lookups of this run (only those: entries of edited files drop out). */
  persist(): Promise<void>;
}

export function createCachedLocator(root: string, cacheFile = join(root, LOCATION_CACHE)): CachedLocator {
  const cached = readCache(cacheFile);
  const used: Record<string, Entry> = {};
  const hashes = new Map<string, string | undefined>();
  let inner: Locator | undefined;
  let missed = false;

  const hashOf = (file: string): string | undefined => {
    if (!hashes.has(file)) {
      let hash: string | undefined;
      try {
        hash = createHash('sha256')
          .update(readFileSync(resolve(root, file)))
          .digest('hex');
      } catch {
        hash = undefined;
      }
      hashes.set(file, hash);
    }
    return hashes.get(file);
  };

  return {
    find(from: SourceLocation, text: string, options: FindOptions = {}): SourceLocation | undefined {
      const hash = hashOf(from.file);
      // The options change the answer: they are part of the key (none: the key lookups had before them).
      const flags = `${options.access ? 'a' : ''}${options.orBefore ? 'b' : ''}`;
      const key =
        hash === undefined ? undefined : `${hash}:${from.line}:${from.column}:${text}${flags ? `:${flags}` : ''}`;
      if (key !== undefined && key in cached) {
        const entry = cached[key]!;
        used[key] = entry;
        return entry ? { file: from.file, line: entry[0], column: entry[1] } : undefined;
      }
      inner ??= createLocator(root);
      const found = inner.find(from, text, options);
      if (key !== undefined) {
        used[key] = found ? [found.line, found.column] : null;
        missed = true;
      }
      return found;
    },
    async persist() {
      const sameKeys = Object.keys(used).length === Object.keys(cached).length;
      if (!missed && sameKeys) return;
      try {
        await mkdir(dirname(cacheFile), { recursive: true });
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        await writeFile(tmp, JSON.stringify({ version: VERSION, entries: used }) + '\n');
        await rename(tmp, cacheFile);
      } catch {
        // A read-only checkout still validates; it locates with ts-morph every time.
      }
    },
  };
}

function readCache(file: string): Record<string, Entry> {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown; entries?: unknown };
    if (parsed.version !== VERSION || typeof parsed.entries !== 'object' || parsed.entries === null) return {};
    const entries: Record<string, Entry> = {};
    for (const [key, value] of Object.entries(parsed.entries)) {
      if (
        value === null ||
        (Array.isArray(value) && value.length === 2 && value.every((n) => Number.isInteger(n) && n > 0))
      )
        entries[key] = value as Entry;
    }
    return entries;
  } catch {
    return {};
  }
}
