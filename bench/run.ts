/**
 * `npm run bench [-- <name filter>]`: runs every bench module and prints one table with each row's
 * target and PASS/MISS. A new bench adds one entry to BENCHES (a module returning BenchRow[]).
 */
import { runCliBench } from './cli.js';
import { runCompileBench } from './compile.js';
import { runBench as runPlanApplyBench } from './plan-apply.js';
import { runTypecheckBench } from './typecheck.js';
import { formatRows, type BenchModule, type BenchRow } from './row.js';
import { runWorkflowTestsBench } from './workflow-tests.js';

const BENCHES: BenchModule[] = [
  { name: 'cli', run: runCliBench },
  { name: 'compile', run: runCompileBench },
  { name: 'typecheck', run: runTypecheckBench },
  { name: 'workflow-tests', run: runWorkflowTestsBench },
  {
    name: 'plan-apply',
    // plan-apply.ts reports its own lines: adapted to rows (requests = minimum; time within 1.5× the floor).
    run: async () =>
      (await runPlanApplyBench()).flatMap((l): BenchRow[] => [
        {
          bench: l.name,
          metric: 'requests',
          value: String(l.requests),
          target: `= ${l.minimum}`,
          pass: l.requests === l.minimum,
        },
        {
          bench: l.name,
          metric: 'wall time',
          value: `${(l.ms / 1000).toFixed(2)} s`,
          target: `≤ 1.5 × ${(l.floorMs / 1000).toFixed(2)} s`,
          pass: l.ms <= 1.5 * l.floorMs,
        },
      ]),
  },
];

const filter = process.argv.slice(2);
const rows: BenchRow[] = [];
for (const bench of BENCHES.filter((b) => filter.length === 0 || filter.some((f) => b.name.includes(f)))) {
  process.stderr.write(`running ${bench.name} ...\n`);
  rows.push(...(await bench.run()));
}
process.stdout.write(formatRows(rows) + '\n');
process.exitCode = rows.some((r) => r.pass === false) ? 1 : 0;
