/**
 * Pure. Plan → terminal text, Terraform-like: one block per pending change with its semantic summary
 * and (for updates) the JSON diff, then findings, diagnostics and the headline. Colour only on request.
 */
import pc from 'picocolors';
import { formatDiagnostic } from '../../compiler/diagnostics.js';
import { redact } from '../logger.js';
import { impactOf } from '../plan/impact.js';
import { assertNever, type Change, type Plan } from '../plan/types.js';
import { renderBehaviourText } from './behaviour.js';
import { renderManualStepsText } from './manual-steps.js';
import { readableDiff, readableNotes } from './readable-change.js';
import { changeLabel, outsideNamespaceLine, refusalOf, summarizePlan } from './summary.js';

export interface TextOptions {
  color: boolean;
  /** Show unified diffs of updates (default true). */
  diffs?: boolean;
  /** At most this many summary lines per change, then "… and N more" (default: all). */
  maxNotes?: number;
  /** Print manual changes inline with their paste-ready instructions (default: one summary block after the changes). */
  instructions?: boolean;
  /** One line per change (its first summary line), no diffs or instructions. */
  compact?: boolean;
}

type Paint = (s: string) => string;

function painter(color: boolean) {
  const c = pc.createColors(color);
  return { green: c.green, yellow: c.yellow, red: c.red, magenta: c.magenta, cyan: c.cyan, dim: c.dim, bold: c.bold };
}

function paintOf(change: Change, p: ReturnType<typeof painter>, allowDestroy: boolean): Paint {
  if (impactOf(change, { allowDestroy }) === 'refused') return p.red;
  switch (change.kind) {
    case 'create':
      return p.green;
    case 'update':
      return p.yellow;
    case 'disable':
    case 'delete':
      return p.red;
    case 'manual':
      return p.magenta;
    case 'noop':
      return p.dim;
    default:
      return assertNever(change);
  }
}

function colorDiff(diff: string, p: ReturnType<typeof painter>): string {
  return diff
    .split('\n')
    .map((line) =>
      line.startsWith('+') && !line.startsWith('+++')
        ? p.green(line)
        : line.startsWith('-') && !line.startsWith('---')
          ? p.red(line)
          : line.startsWith('@@')
            ? p.cyan(line)
            : line,
    )
    .join('\n');
}

const indent = (text: string, by: string) =>
  text
    .split('\n')
    .map((l) => (l ? by + l : l))
    .join('\n');

export function renderChangeText(change: Change, plan: Plan, options: TextOptions): string {
  const p = painter(options.color);
  const paint = paintOf(change, p, plan.allowDestroy);
  const { symbol, verb } = changeLabel(change);
  const where = change.source ? p.dim(`  (${change.source.file}:${change.source.line})`) : '';
  const refusal = refusalOf(change, plan.allowDestroy);
  const lines = [
    `${paint(`${symbol} ${verb.padEnd(9)}`)} ${change.resource.kind} ${p.bold(change.resource.key)}${refusal ? ` ${p.red('REFUSED')}` : ''}${where}`,
  ];
  const max = options.maxNotes ?? Infinity;
  const notes = readableNotes(change);
  for (const note of notes.slice(0, max)) lines.push(`      ${note}`);
  if (notes.length > max) lines.push(p.dim(`      … and ${notes.length - max} more`));
  if (change.kind === 'noop')
    for (const note of change.notes.filter((n) => !change.summary.some((s) => s.message === n)))
      lines.push(`      ${note}`);
  if (refusal) {
    lines.push(`      ${p.red(refusal.message)}`);
    if (refusal.hint) lines.push(`      hint: ${refusal.hint}`);
  }
  if (change.kind === 'manual') {
    lines.push(
      options.instructions === true
        ? indent(change.instructions, '      | ')
        : p.dim('      (paste-ready text: kac iterable status --steps)'),
    );
  }
  if (change.kind === 'update' && options.diffs !== false && change.diff)
    lines.push(indent(colorDiff(readableDiff(change), p), '      '));
  return lines.join('\n');
}

export function renderPlanText(plan: Plan, options: TextOptions): string {
  const p = painter(options.color);
  const summary = summarizePlan(plan);
  const out: string[] = [
    p.bold(
      `kac plan: environment ${plan.environment.name} (${plan.environment.target}), namespace "${plan.namespace}"`,
    ),
    '',
  ];
  if (!options.compact) out.push(...renderBehaviourText(plan.behaviour));
  const pending = plan.changes.filter((c) => c.kind !== 'noop' || c.notes.length > 0);
  // Manual steps are one block after the org changes (their paste-ready text: kac iterable status --steps).
  const shown = pending.filter((c) => c.kind !== 'noop' && (c.kind !== 'manual' || options.instructions === true));
  if (options.compact) {
    for (const change of shown) {
      const { symbol, verb } = changeLabel(change);
      const refused = refusalOf(change, plan.allowDestroy) ? ` ${p.red('REFUSED')}` : '';
      const note = change.summary[0]
        ? p.dim(` - ${change.summary[0].message}${change.summary.length > 1 ? ` (+${change.summary.length - 1})` : ''}`)
        : '';
      out.push(
        `${paintOf(change, p, plan.allowDestroy)(`${symbol} ${verb.padEnd(9)}`)} ${change.resource.kind} ${p.bold(change.resource.key)}${refused}${note}`,
      );
    }
    if (shown.length) out.push('');
  } else for (const change of shown) out.push(renderChangeText(change, plan, options), '');
  if (options.instructions !== true) out.push(...renderManualStepsText(plan));
  const noted = pending.filter((c) => c.kind === 'noop');
  if (noted.length && !options.compact) {
    out.push(p.dim('Unchanged, with notes:'));
    for (const c of noted)
      if (c.kind === 'noop') out.push(p.dim(`  ${c.resource.kind} ${c.resource.key}: ${c.notes.join('; ')}`));
    out.push('');
  }
  if (plan.findings.length && !options.compact) {
    out.push('Findings:');
    for (const f of plan.findings)
      out.push(
        `  ${f.severity === 'error' ? p.red(f.severity) : f.severity === 'warning' ? p.yellow(f.severity) : f.severity} ${f.resource.kind} ${f.resource.key}: ${f.message}`,
      );
    out.push('');
  }
  if (plan.diagnostics.length) {
    for (const d of plan.diagnostics) out.push(formatDiagnostic(d));
    out.push('');
  }
  const outside = outsideNamespaceLine(plan);
  if (outside) out.push(p.dim(outside));
  out.push(summary.pending === 0 && summary.errors === 0 ? p.green(summary.headline) : p.bold(summary.headline));
  return redact(out.join('\n'));
}
