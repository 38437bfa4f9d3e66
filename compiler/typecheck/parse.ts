/**
 * Pure. tsc's `--pretty false` output → kac Diagnostics (`ts/<code>`), paths made relative to the
 * project root. tsc prints `file(line,col): error TS2339: message` and indents the rest of a message
 * chain on the lines after it; a diagnostic with no file (a config error) has no location.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { readableTypeMessage } from './messages.js';

const LOCATED = /^(.+)\((\d+),(\d+)\): (error|warning) TS(\d+): (.*)$/;
const GLOBAL = /^(error|warning) TS(\d+): (.*)$/;

/** `cwd` is where tsc ran (its paths are relative to it); `root` is the project root paths are shown from. */
export function parseTscOutput(output: string, cwd: string, root: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  let current: { diagnostic: Diagnostic; chain: string[] } | undefined;
  const flush = () => {
    if (!current) return;
    current.diagnostic.message = readableTypeMessage([current.diagnostic.message, ...current.chain]);
    diagnostics.push(current.diagnostic);
    current = undefined;
  };
  for (const line of output.split(/\r?\n/)) {
    const located = LOCATED.exec(line);
    const global = located ? undefined : GLOBAL.exec(line);
    if (located) {
      flush();
      const [, file, row, col, severity, code, message] = located;
      current = {
        diagnostic: {
          code: `ts/${code}`,
          severity: severity === 'warning' ? 'warning' : 'error',
          message: message!,
          location: { file: displayPath(file!, cwd, root), line: Number(row), column: Number(col) },
        },
        chain: [],
      };
    } else if (global) {
      flush();
      const [, severity, code, message] = global;
      current = {
        diagnostic: { code: `ts/${code}`, severity: severity === 'warning' ? 'warning' : 'error', message: message! },
        chain: [],
      };
    } else if (current && /^\s+\S/.test(line)) {
      current.chain.push(line);
    } else if (line.trim() !== '') {
      // Anything else tsc prints (a crash, a summary) is not a diagnostic; keep it visible rather than lose it.
      flush();
      if (!/^Found \d+ errors?/.test(line.trim()))
        diagnostics.push({ code: 'ts/output', severity: 'error', message: line.trim() });
    }
  }
  flush();
  return diagnostics;
}

function displayPath(file: string, cwd: string, root: string): string {
  const abs = isAbsolute(file) ? file : resolve(cwd, file);
  return relative(root, abs).split(sep).join('/');
}
