/**
 * Pure. A small expression tree for generated TypeScript and its writer onto ts-morph's
 * CodeBlockWriter: short expressions stay on one line, long ones break one entry per line. Also the
 * identifier helpers (camelCase handles, unique names) the generators share.
 */
import type { CodeBlockWriter } from 'ts-morph';
import type { JsonValue } from '../../compiler/json.js';

export type Expr =
  /** Verbatim code: identifiers, member chains, already-quoted literals. */
  | { t: 'raw'; text: string }
  | { t: 'obj'; entries: { key: string; value: Expr }[] }
  | { t: 'arr'; items: Expr[] }
  | { t: 'call'; callee: string; args: Expr[] };

export const raw = (text: string): Expr => ({ t: 'raw', text });
export const obj = (entries: { key: string; value: Expr }[]): Expr => ({ t: 'obj', entries });
export const arr = (items: Expr[]): Expr => ({ t: 'arr', items });
export const call = (callee: string, ...args: Expr[]): Expr => ({ t: 'call', callee, args });

/** A single-quoted JS string literal. JSON's escapes are valid JS escapes, so only the quotes change. */
export function quote(text: string): string {
  return `'${JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

/** A template literal body: escapes what a backtick string would interpret. */
export function templateText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/`/g, '\\`')
    .replace(/\$\{/g, '\\${')
    .replace(/\r/g, '\\r')
    .replace(/\n/g, '\\n');
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function isIdentifier(text: string): boolean {
  return IDENTIFIER.test(text) && !RESERVED_WORDS.has(text);
}

/** An object key as written: bare when it is an identifier, quoted otherwise. */
export function propertyKey(key: string): string {
  return IDENTIFIER.test(key) ? key : quote(key);
}

/** JSON as a TypeScript expression, keeping key order. */
export function jsonExpr(value: JsonValue): Expr {
  if (value === null || typeof value !== 'object') return raw(typeof value === 'string' ? quote(value) : String(value));
  if (Array.isArray(value)) return arr(value.map(jsonExpr));
  return obj(Object.entries(value).map(([key, v]) => ({ key, value: jsonExpr(v) })));
}

/** Expressions longer than this (from their column) break one entry per line. */
const WIDTH = 100;

export function flat(expr: Expr): string {
  switch (expr.t) {
    case 'raw':
      return expr.text;
    case 'arr':
      return `[${expr.items.map(flat).join(', ')}]`;
    case 'obj':
      return expr.entries.length === 0
        ? '{}'
        : `{ ${expr.entries.map((e) => `${propertyKey(e.key)}: ${flat(e.value)}`).join(', ')} }`;
    case 'call':
      return `${expr.callee}(${expr.args.map(flat).join(', ')})`;
  }
}

function column(writer: CodeBlockWriter): number {
  const text = writer.toString();
  const lineStart = text.lastIndexOf('\n') + 1;
  // A fresh line is indented when written to; count that indentation already.
  return lineStart === text.length ? writer.getIndentationLevel() * 2 : text.length - lineStart;
}

/** Writes `expr` on one line when it fits, else broken the way prettier would break it. */
export function writeExpr(writer: CodeBlockWriter, expr: Expr): void {
  const oneLine = flat(expr);
  if (expr.t === 'raw' || oneLine.length + column(writer) <= WIDTH) {
    writer.write(oneLine);
    return;
  }
  const lines = (items: { prefix: string; value: Expr }[], open: string, close: string) => {
    writer.write(open).newLine();
    writer.indent(() => {
      for (const item of items) {
        writer.write(item.prefix);
        writeExpr(writer, item.value);
        writer.write(',').newLine();
      }
    });
    writer.write(close);
  };
  switch (expr.t) {
    case 'arr':
      return lines(
        expr.items.map((value) => ({ prefix: '', value })),
        '[',
        ']',
      );
    case 'obj':
      return lines(
        expr.entries.map((e) => ({ prefix: `${propertyKey(e.key)}: `, value: e.value })),
        '{',
        '}',
      );
    case 'call': {
      const last = expr.args.at(-1);
      const leading = expr.args.slice(0, -1);
      // `f(a, {` ... `})`: hug the last argument when the others are short literals or names.
      if (
        last &&
        (last.t === 'obj' || last.t === 'arr') &&
        leading.every((a) => a.t === 'raw' && a.text.length <= 40)
      ) {
        writer.write(`${expr.callee}(${leading.map((a) => `${flat(a)}, `).join('')}`);
        writeExpr(writer, last);
        writer.write(')');
        return;
      }
      return lines(
        expr.args.map((value) => ({ prefix: '', value })),
        `${expr.callee}(`,
        ')',
      );
    }
  }
}

/** `show is loading` → `showIsLoading`; `8-gu8QS1s` → `step8Gu8QS1s` (with the fallback prefix). */
export function camelCase(text: string, fallbackPrefix: string): string {
  const words = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .flatMap((w) => w.split(/(?<=[a-z0-9])(?=[A-Z])/));
  let name = words
    .map((w, i) => {
      const lower = w === w.toUpperCase() ? w.toLowerCase() : w;
      return i === 0 ? lower.charAt(0).toLowerCase() + lower.slice(1) : lower.charAt(0).toUpperCase() + lower.slice(1);
    })
    .join('')
    .slice(0, 40);
  if (name === '' || /^[0-9]/.test(name)) name = fallbackPrefix + name.charAt(0).toUpperCase() + name.slice(1);
  return name;
}

/** Hands out identifiers that collide with nothing already taken: `updateUi`, `updateUi2` ... */
export class NameAllocator {
  readonly #taken = new Set<string>(RESERVED_WORDS);
  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.#taken.add(name);
  }
  take(base: string): string {
    let name = base;
    for (let n = 2; this.#taken.has(name); n++) name = `${base}${n}`;
    this.#taken.add(name);
    return name;
  }
}

const RESERVED_WORDS = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if ' +
    'import in instanceof new null return super switch this throw true try typeof var void while with yield let static ' +
    'implements interface package private protected public await async of undefined NaN Infinity arguments eval'
  ).split(' '),
);
