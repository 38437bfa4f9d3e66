/**
 * Reading a JSON file kac wrote earlier (a saved plan, the apply journal, the daemon status, the
 * local org's state) through its zod schema: a malformed file is refused with the file, the field
 * and what was expected, as a DiagnosticsError the CLI prints like any definition problem.
 */
import type { z } from 'zod';
import type { Diagnostic } from '../compiler/diagnostics.js';
import { DiagnosticsError } from './errors.js';

export interface JsonFileOptions {
  /** Diagnostic code, e.g. `journal/invalid-file`. */
  code: string;
  /** What to do about it. */
  hint?: string;
}

export function parseJsonFile<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
  options: JsonFileOptions,
): z.infer<S> {
  const at = { file, line: 1, column: 1 };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new DiagnosticsError([diagnostic(options, `${file} is not JSON: ${(error as Error).message}`, at)], file);
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new DiagnosticsError(
    parsed.error.issues
      .slice(0, 5)
      .map((i) => diagnostic(options, `${file}: ${i.path.map(String).join('.') || '(root)'}: ${i.message}`, at)),
    file,
  );
}

function diagnostic(options: JsonFileOptions, message: string, location: Diagnostic['location']): Diagnostic {
  return {
    code: options.code,
    severity: 'error',
    message,
    ...(location ? { location } : {}),
    ...(options.hint ? { hint: options.hint } : {}),
  };
}
