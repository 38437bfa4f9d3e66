/**
 * The error classes kac throws (STYLE: four at most). The CLI's one boundary maps them to exit codes:
 * DiagnosticsError and ApiError → 1 with their own rendering, ExitError → its code, anything else is
 * an internal bug → 1 with a stack.
 */
import type { Diagnostic } from '../compiler/diagnostics.js';
import type { SourceLocation } from '../compiler/resource.js';

/** The author's definitions (or a saved plan, a config) have problems; all of them are listed. */
export class DiagnosticsError extends Error {
  constructor(
    readonly diagnostics: Diagnostic[],
    /** What holds the errors: the definitions, or a file kac reads back. */
    where = 'the definitions',
  ) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const typeErrors = errors.filter((d) => d.code.startsWith('ts/')).length;
    super(
      where === 'the definitions'
        ? `${errors.length} error(s) in the definitions${typeErrors > 0 ? ` (${typeErrors} from the type check)` : ''}: nothing was done. ` +
            'See them all, warnings included, with: npx kac validate'
        : `${errors.length} error(s) in ${where}`,
    );
    this.name = 'DiagnosticsError';
  }
}

/** A call to Kustomer, Iterable or GitHub failed. Never carries the token. */
export class ApiError extends Error {
  constructor(
    readonly details: {
      system: 'kustomer' | 'iterable' | 'github' | 'regal';
      method: string;
      path: string;
      status?: number;
      /** A short excerpt of the response body, secrets redacted. */
      excerpt?: string;
      /** The definition that caused the call, when known (provenance for apply errors). */
      source?: SourceLocation;
      cause?: unknown;
    },
    message?: string,
  ) {
    super(
      message ??
        `${details.system}: ${details.method} ${details.path} failed${details.status ? ` with ${details.status}` : ''}${
          details.excerpt ? `: ${details.excerpt}` : ''
        }`,
    );
    this.name = 'ApiError';
  }
}

/** A deliberate stop with an exit code and a message for the user (stale plan, refused destroy ...). */
export class ExitError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'ExitError';
  }
}
