/**
 * Renders a webhook body with sample data the way Iterable would (Handlebars with Iterable's
 * helpers), parses the result as JSON and checks it against Regal's events API schema. Pure: the
 * caller reads the sample. Problems come back as diagnostics at the template's definition.
 */
import { printParseErrorCode, parse as parseJsonc, type ParseError } from 'jsonc-parser';
import type { Diagnostic } from '../diagnostics.js';
import type { JsonValue } from '../json.js';
import type { SourceLocation } from '../resource.js';
import { createIterableHandlebars } from './helpers.js';
import { checkRegalPayload } from './regal-schema.js';

export interface IterablePreview {
  /** The text Iterable would send. Undefined when the template could not render. */
  rendered?: string;
  /** The parsed body, when the rendered text is JSON. */
  payload?: JsonValue;
  diagnostics: Diagnostic[];
}

const handlebars = createIterableHandlebars();

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

function jsonErrorAt(text: string): { offset: number; what: string } | undefined {
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  return first ? { offset: first.offset, what: printParseErrorCode(first.error) } : undefined;
}

export function previewIterableBody(
  bodyText: string,
  sample: Readonly<Record<string, unknown>>,
  at: { name: string; location?: SourceLocation },
): IterablePreview {
  const diag = (code: string, message: string, hint?: string): Diagnostic => ({
    code,
    severity: 'error',
    message,
    ...(at.location ? { location: at.location } : {}),
    ...(hint ? { hint } : {}),
  });

  let rendered: string;
  try {
    rendered = handlebars.compile(bodyText, { noEscape: false, strict: false })(sample);
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    return { diagnostics: [diag('iterable/preview-render', `the body of "${at.name}" does not render: ${reason}`)] };
  }

  let payload: JsonValue;
  try {
    payload = JSON.parse(rendered) as JsonValue;
  } catch (error) {
    const found = jsonErrorAt(rendered);
    const fallback = /position (\d+)/.exec(error instanceof Error ? error.message : '');
    const offset = found?.offset ?? (fallback ? Number(fallback[1]) : undefined);
    const where = offset === undefined ? undefined : lineColumn(rendered, offset);
    const excerpt = where ? rendered.split('\n')[where.line - 1]!.trim() : undefined;
    return {
      rendered,
      diagnostics: [
        diag(
          'iterable/preview-invalid-json',
          `the body of "${at.name}" renders to invalid JSON${where ? ` at line ${where.line}, column ${where.column}` : ''}` +
            `${found ? ` (${found.what})` : ''}${excerpt ? `: ${excerpt}` : ''}`,
          'a merge field outside quotes must render a JSON literal; quote it, or send literal values',
        ),
      ],
    };
  }

  const problems = checkRegalPayload(payload);
  return {
    rendered,
    payload,
    diagnostics: problems.map((p) =>
      diag('iterable/preview-regal-schema', `the rendered body of "${at.name}" is not a valid Regal event: ${p}`),
    ),
  };
}
