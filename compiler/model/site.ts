/**
 * Call sites of authoring calls, so a diagnostic can point at the author's line. The stack is
 * captured when a definition is made and read only if a diagnostic needs it (reading is the costly
 * part). Source maps (tsx's, and the loader's bundle) map frames back to the .ts source.
 */
import { findSourceMap } from 'node:module';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceLocation } from '../resource.js';

const COMPILER_DIR = fileURLToPath(new URL('..', import.meta.url));

/**
 * Frames kept per call site. The author's frame is the first outside compiler/, a few frames down
 * (CallSite, captureSite, then defineX, step or to); deeper frames are never read, and capturing and
 * source-mapping them dominated the cost of loading a large project.
 */
const SITE_FRAMES = 8;

export class CallSite {
  #error: Error;
  #outer: CallSite | undefined;
  #resolved = new Map<string, SourceLocation | undefined>();
  /**
   * `outer`: the site of the definition this call is part of (a step's workflow). A step made deep
   * inside a shared recipe has the author's frame beyond the frames kept; the definition's call,
   * made by the recipe's caller, has it near the top: one way to find the author's file for every
   * recipe-built step and transition.
   */
  constructor(outer?: CallSite) {
    this.#outer = outer;
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = SITE_FRAMES;
    this.#error = new Error();
    Error.stackTraceLimit = limit;
  }

  /**
   * The author's frame, repo-relative to `root`: the frame in `prefer` (the file that exported the
   * definition) when the stack passes through it, else the outer site's frame in `prefer`, else the
   * first frame outside compiler/. A workflow built by a shared recipe, and each of its steps, is thus
   * located in its own file, not in the recipe.
   */
  resolve(root: string, prefer?: string): SourceLocation | undefined {
    const key = prefer ?? '';
    if (this.#resolved.has(key)) return this.#resolved.get(key);
    let first: SourceLocation | undefined;
    let preferred: SourceLocation | undefined;
    for (const frame of frames(this.#error)) {
      const file = frame.file.startsWith('file://') ? fileURLToPath(frame.file) : frame.file;
      if (!file.startsWith('/') || file.startsWith(COMPILER_DIR) || file.includes(`${sep}node_modules${sep}`)) continue;
      const location = { file: relative(root, file).split(sep).join('/'), line: frame.line, column: frame.column };
      first ??= location;
      if (prefer === undefined || location.file === prefer) {
        preferred = location;
        break;
      }
    }
    if (!preferred && prefer !== undefined && this.#outer) {
      const outer = this.#outer.resolve(root, prefer);
      if (outer?.file === prefer) preferred = outer;
    }
    const resolved = preferred ?? first;
    this.#resolved.set(key, resolved);
    return resolved;
  }
}

interface Frame {
  file: string;
  line: number;
  column: number;
}

/**
 * The captured frames, mapped to the authored source. V8's structured frames are read directly and
 * only the frames looked at are source-mapped: formatting `error.stack` would map and print every
 * frame, the main cost of resolving thousands of sites. Falls back to parsing `stack` text.
 */
function* frames(error: Error): Generator<Frame> {
  const prepare = Error.prepareStackTrace;
  let structured: unknown;
  try {
    Error.prepareStackTrace = (_error, callSites) => callSites;
    structured = error.stack;
  } finally {
    Error.prepareStackTrace = prepare;
  }
  if (!Array.isArray(structured)) {
    for (const line of String(structured ?? '')
      .split('\n')
      .slice(1)) {
      const m = /\(?((?:file:\/\/)?\/[^():]+):(\d+):(\d+)\)?\s*$/.exec(line);
      if (m) yield { file: m[1]!, line: Number(m[2]), column: Number(m[3]) };
    }
    return;
  }
  for (const callSite of structured as NodeJS.CallSite[]) {
    const file = callSite.getFileName();
    const line = callSite.getLineNumber();
    const column = callSite.getColumnNumber();
    if (!file || line === null || column === null) continue;
    const entry = findSourceMap(file)?.findEntry(line - 1, column - 1) as
      { originalSource?: string; originalLine?: number; originalColumn?: number } | undefined;
    if (entry?.originalSource !== undefined && entry.originalLine !== undefined && entry.originalColumn !== undefined) {
      yield { file: entry.originalSource, line: entry.originalLine + 1, column: entry.originalColumn + 1 };
    } else yield { file, line, column };
  }
}

/** `outer`: the site of the definition being built, when this call is part of it (see CallSite). */
export function captureSite(outer?: CallSite): CallSite {
  return new CallSite(outer);
}
