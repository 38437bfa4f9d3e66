/** The bench table: every bench module returns rows; bench/run.ts prints them together. */
export interface BenchRow {
  bench: string;
  metric: string;
  value: string;
  target: string;
  /** Undefined for an informational row without a target. */
  pass?: boolean;
}

export interface BenchModule {
  name: string;
  run(): Promise<BenchRow[]>;
}

export function formatRows(rows: readonly BenchRow[]): string {
  const header: [string, string, string, string, string] = ['bench', 'metric', 'value', 'target', 'result'];
  const cells = rows.map((r) => [
    r.bench,
    r.metric,
    r.value,
    r.target,
    r.pass === undefined ? '' : r.pass ? 'PASS' : 'MISS',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]) =>
    c
      .map((v, i) => v.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}
