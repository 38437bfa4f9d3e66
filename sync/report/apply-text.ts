/** Pure. ApplyResult (+ the verification re-plan) → the text `kac apply` ends with. */
import pc from 'picocolors';
import type { ApplyResult } from '../apply/apply-plan.js';
import { isExecutable } from '../plan/impact.js';
import { describeDuplicate } from '../plan/duplicates.js';
import type { Plan } from '../plan/types.js';
import { changeLabel } from './summary.js';

export function renderApplyResult(result: ApplyResult, options: { color: boolean }): string {
  const c = pc.createColors(options.color);
  const lines: string[] = [];
  for (const r of result.results) {
    if (r.status === 'applied' || r.status === 'manual') continue;
    const where = r.source ? ` (defined at ${r.source.file}:${r.source.line})` : '';
    const paint = r.status === 'failed' ? c.red : c.yellow;
    lines.push(
      `${paint(r.status)} ${r.change} ${r.resource.kind} ${r.resource.key}${r.message ? `: ${r.message}` : ''}${where}`,
    );
  }
  const n = result.counts;
  const parts = [`${n.applied} applied`];
  if (n.failed) parts.push(`${n.failed} failed`);
  if (n['skipped-dependency-failed']) parts.push(`${n['skipped-dependency-failed']} skipped (a dependency failed)`);
  if (n.interrupted) parts.push(`${n.interrupted} not started (interrupted)`);
  if (n.refused) parts.push(`${n.refused} refused`);
  if (n.manual) parts.push(`${n.manual} manual`);
  lines.push(
    `${n.failed || n['skipped-dependency-failed'] || n.interrupted ? c.red('Apply incomplete') : c.green('Apply complete')}: ${parts.join(', ')}.`,
  );
  if (result.resumed)
    lines.push('Resumed an interrupted apply of this same plan: changes already made were not repeated.');
  return lines.join('\n');
}

/** What the verification re-plan found: nothing (the org matches git) or what still differs. */
export function renderVerification(verify: Plan, options: { color: boolean }): string {
  const c = pc.createColors(options.color);
  const pending = verify.changes.filter((x) => x.kind !== 'noop');
  const duplicates = (verify.duplicates ?? [])
    .filter((d) => d.ambiguous)
    .map((d) => c.red(`  duplicate: ${describeDuplicate(d, verify.environment.name)}`));
  const notes = (verify.duplicates ?? [])
    .filter((d) => !d.ambiguous)
    .map((d) => `  note: ${describeDuplicate(d, verify.environment.name)}`);
  if (pending.length === 0 && duplicates.length === 0)
    return [c.green('Verified: a fresh plan is empty; the org matches git.'), ...notes].join('\n');
  if (pending.length === 0)
    return [
      c.yellow('Not verified: a fresh plan is empty, but names in the namespace exist more than once live:'),
      ...duplicates,
    ].join('\n');
  const executable = pending.filter((x) => isExecutable(x, verify.allowDestroy));
  const head = executable.length
    ? c.red(`Verification: ${executable.length} change(s) still differ after apply:`)
    : c.yellow(`Verification: only refused or manual changes remain (${pending.length}):`);
  return [
    head,
    ...pending.map(
      (x) =>
        `  ${changeLabel(x).verb} ${x.resource.kind} ${x.resource.key}${x.summary[0] ? `: ${x.summary[0].message}` : ''}`,
    ),
    ...duplicates,
  ].join('\n');
}
