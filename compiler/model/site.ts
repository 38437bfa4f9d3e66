/**
 * Call sites of authoring calls, so a diagnostic can point at the author's line. The stack is
 * captured when a definition is made and read only if a diagnostic needs it (reading is the costly
 * part). tsx maps stack frames back to the .ts source.
 */
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceLocation } from '../resource.js';

const COMPILER_DIR = fileURLToPath(new URL('..', import.meta.url));

export class CallSite {
  #error: Error;
  #resolved: SourceLocation | undefined | null = null;
  constructor() {
    this.#error = new Error();
  }

  /** The first frame outside compiler/, repo-relative to `root`. */
  resolve(root: string): SourceLocation | undefined {
    if (this.#resolved !== null) return this.#resolved;
    this.#resolved = undefined;
    for (const line of (this.#error.stack ?? '').split('\n').slice(1)) {
      const m = /\(?((?:file:\/\/)?\/[^():]+):(\d+):(\d+)\)?\s*$/.exec(line);
      if (!m) continue;
      const file = m[1]!.startsWith('file://') ? fileURLToPath(m[1]!) : m[1]!;
      if (file.startsWith(COMPILER_DIR) || file.includes(`${sep}node_modules${sep}`)) continue;
      this.#resolved = { file: relative(root, file).split(sep).join('/'), line: Number(m[2]), column: Number(m[3]) };
      break;
    }
    return this.#resolved;
  }
}

export function captureSite(): CallSite {
  return new CallSite();
}
