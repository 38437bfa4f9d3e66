/**
 * Pure. A tsc message chain made readable in kac's format: the first line, then the chain's lines
 * (indented under it), without kac's internal type machinery. A chain line that only spells out
 * `RefBrand<…>` or the phantom `[refType]` field says nothing the author wrote, and the line after it
 * (`Type 'undefined' is not assignable to type 'number'`) is about that phantom field, so it misleads:
 * both go. At most MAX_CHAIN lines of the chain are kept; tsc's first line names the mistake.
 */
const MAX_CHAIN = 3;

const INTERNAL = /RefBrand<|\[refType\]|RefFields<|unique symbol|'__type'|'__out'/;

export function readableTypeMessage(lines: readonly string[]): string {
  const [first = '', ...chain] = lines;
  const kept: string[] = [];
  for (let i = 0; i < chain.length; i++) {
    const line = chain[i]!;
    if (INTERNAL.test(line)) {
      // The phantom field's own mismatch follows, one level deeper: skip that subtree too.
      const depth = indent(line);
      while (i + 1 < chain.length && indent(chain[i + 1]!) > depth) i++;
      continue;
    }
    kept.push(line.trimEnd());
  }
  const shown = kept.slice(0, MAX_CHAIN);
  const base = Math.min(...shown.map(indent));
  const body = shown.map((line) => `${'  '.repeat(1 + (indent(line) - base) / 2)}${line.trim()}`);
  return [first.trim(), ...body].join('\n  ');
}

function indent(line: string): number {
  return line.length - line.trimStart().length;
}
