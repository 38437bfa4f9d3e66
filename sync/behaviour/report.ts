/**
 * Pure. Workflow test results → text: one line per test, and for each failure the fields that differ
 * (expected vs actual) and the run log of the failing run.
 */
import pc from 'picocolors';
import type { RunRecord } from './test-org.js';
import type { TestLoadError, TestResult } from './run-tests.js';

const MAX_OUTPUT = 160;

function short(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > MAX_OUTPUT ? `${text.slice(0, MAX_OUTPUT)}…` : text;
}

/** One run as Kustomer's workflow logger shows it: each step, the transition taken, its error. */
export function renderRunLog(run: RunRecord, indent = '    '): string[] {
  const lines = [`${indent}run of ${run.workflow}: ${run.status}${run.error ? ` (${run.error})` : ''}`];
  for (const step of run.log.steps) {
    const next = step.next ? ` → ${step.next}${step.transitionLabel ? ` (${step.transitionLabel})` : ''}` : '';
    lines.push(`${indent}  ${step.id === '1' ? 'trigger' : step.id}${step.action ? ` ${step.action}` : ''}${next}`);
    if (step.error) lines.push(`${indent}    error: ${step.error}`);
    else if (step.id !== '1' && step.output !== undefined) lines.push(`${indent}    output: ${short(step.output)}`);
  }
  return lines;
}

export function renderTestResults(
  results: readonly TestResult[],
  errors: readonly TestLoadError[],
  options: { color?: boolean } = {},
): string {
  const c = options.color
    ? pc
    : { green: (s: string) => s, red: (s: string) => s, dim: (s: string) => s, bold: (s: string) => s };
  const lines: string[] = [];
  for (const e of errors) lines.push(c.red(`✗ ${e.file}: could not be loaded: ${e.message}`));
  for (const r of results)
    lines.push(r.passed ? `${c.green('✓')} ${r.test.definition.name}` : c.red(`✗ ${r.test.definition.name}`));
  const failed = results.filter((r) => !r.passed);
  for (const r of failed) {
    lines.push('', c.bold(`FAIL ${r.test.definition.name}`), c.dim(`  at ${r.test.file}:${r.test.line}`));
    for (const m of r.mismatches) {
      lines.push(`  ${m.path}`, `    expected: ${m.expected}`, `    actual:   ${m.actual}`);
    }
    const runs = r.outcome?.runs ?? [];
    if (runs.length === 0 && r.outcome) lines.push('  no workflow ran for this event');
    for (const run of runs) lines.push(...renderRunLog(run));
  }
  const passed = results.length - failed.length;
  lines.push(
    '',
    `${results.length} workflow test(s): ${passed} passed${failed.length ? `, ${failed.length} failed` : ''}${errors.length ? `, ${errors.length} file(s) not loaded` : ''}`,
  );
  return lines.join('\n');
}
