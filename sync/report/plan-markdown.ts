/**
 * Pure. Plan → GitHub markdown, summary first: counts, refusals and destroys, a resources table,
 * then one collapsed `<details>` per change (summary, diff, Mermaid graph for workflows). Never longer
 * than `maxChars`: details that do not fit are left out with a note (the JSON plan has everything).
 */
import { formatDiagnostic } from '../../compiler/diagnostics.js';
import { redact } from '../logger.js';
import { impactOf } from '../plan/impact.js';
import type { Change, Plan } from '../plan/types.js';
import { renderBehaviourMarkdown } from './behaviour.js';
import { renderManualStepsMarkdown } from './manual-steps.js';
import { readableDiff, readableNotes } from './readable-change.js';
import { workflowFlowchart } from './mermaid.js';
import { changeLabel, outsideNamespaceLine, refusalOf, summarizePlan } from './summary.js';

export interface MarkdownOptions {
  /** GitHub comments stop at 65,536; default 60,000 leaves room for a wrapper. */
  maxChars?: number;
  /** Link to the run whose artifact holds the full JSON plan. */
  runUrl?: string;
}

const ICON: Record<string, string> = {
  create: '🟢',
  update: '🟡',
  rename: '🟡',
  disable: '⏸️',
  delete: '🔴',
  manual: '✋',
  unchanged: '⚪',
};

function fence(text: string, lang: string): string {
  const ticks = text.includes('```') ? '````' : '```';
  return `${ticks}${lang}\n${text}\n${ticks}`;
}

const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;
const escapeCell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function detailsOf(change: Change, plan: Plan): string {
  const { verb } = changeLabel(change);
  const parts = [
    `<details><summary>${ICON[verb] ?? ''} ${verb} <code>${change.resource.kind}</code> <code>${escapeHtml(change.resource.key)}</code></summary>`,
    '',
  ];
  if (change.source) parts.push(`Defined in ${code(`${change.source.file}:${change.source.line}`)}.`, '');
  for (const note of readableNotes(change)) parts.push(`- ${escapeHtml(note)}`);
  const refusal = refusalOf(change, plan.allowDestroy);
  if (refusal)
    parts.push(
      `- **Refused:** ${escapeHtml(refusal.message)}${refusal.hint ? ` _Hint: ${escapeHtml(refusal.hint)}_` : ''}`,
    );
  parts.push('');
  if (change.kind === 'manual') parts.push('Do this by hand:', '', fence(change.instructions, ''), '');
  if (change.diff) parts.push(fence(readableDiff(change), 'diff'), '');
  if (change.resource.kind === 'kustomer.workflow' && (change.kind === 'create' || change.kind === 'update')) {
    const compiled = plan.desired.find((r) => r.kind === 'kustomer.workflow' && r.key === change.resource.key)?.body;
    parts.push(fence(workflowFlowchart(change.body, change.summary, compiled ? { compiled } : {}), 'mermaid'), '');
  }
  parts.push('</details>', '');
  return parts.join('\n');
}

export function renderPlanMarkdown(plan: Plan, options: MarkdownOptions = {}): string {
  const maxChars = options.maxChars ?? 60_000;
  const s = summarizePlan(plan);
  const pending = plan.changes.filter((c) => c.kind !== 'noop');
  const head: string[] = [
    `### kac plan · ${code(plan.environment.name)} · namespace ${code(plan.namespace)}`,
    '',
    `**${s.headline}**`,
    '',
  ];
  head.push(
    '| create | update | disable | delete | manual | refused | unchanged |',
    '|---:|---:|---:|---:|---:|---:|---:|',
  );
  head.push(
    `| ${s.create} | ${s.update} | ${s.disable} | ${s.delete} | ${s.manual} | ${s.refused} | ${s.unchanged} |`,
    '',
  );
  const refused = pending.filter((c) => refusalOf(c, plan.allowDestroy));
  const destroys = pending.filter((c) => impactOf(c, { allowDestroy: plan.allowDestroy }) === 'destroy');
  if (destroys.length)
    head.push(`> [!CAUTION]\n> Will delete: ${destroys.map((c) => code(c.resource.key)).join(', ')}`, '');
  if (refused.length)
    head.push(
      `> [!WARNING]\n> Refused: ${refused.map((c) => `${code(c.resource.key)} (${escapeCell(refusalOf(c, plan.allowDestroy)!.message)})`).join('; ')}`,
      '',
    );
  head.push(...renderBehaviourMarkdown(plan.behaviour));
  const errors = plan.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length)
    head.push(
      '**Errors** (nothing can be applied until they are fixed):',
      '',
      fence(errors.map(formatDiagnostic).join('\n'), ''),
      '',
    );

  // The one part of a plan nobody can apply for you: after the org changes, never cut for size.
  const manualBlock = renderManualStepsMarkdown(plan);
  const footer: string[] = manualBlock ? [manualBlock] : [];
  if (plan.findings.length) {
    footer.push('**Findings**', '');
    for (const f of plan.findings) footer.push(`- ${f.severity}: ${code(f.resource.key)} ${escapeHtml(f.message)}`);
    footer.push('');
  }
  const outside = outsideNamespaceLine(plan);
  if (outside) footer.push(`_${outside}_`, '');
  if (options.runUrl) footer.push(`[Full plan and logs](${options.runUrl})`, '');

  const table = ['| | Resource | Kind | Change | Impact |', '|---|---|---|---|---|'];
  for (const c of pending) {
    const { verb } = changeLabel(c);
    table.push(
      `| ${ICON[verb] ?? ''} | ${code(c.resource.key)} | ${c.resource.kind} | ${verb} | ${impactOf(c, { allowDestroy: plan.allowDestroy })} |`,
    );
  }
  table.push('');

  const budget = maxChars - 400; // room for the truncation note
  let text = redact([...head, ...(pending.length ? table : [])].join('\n'));
  const tail = redact(footer.join('\n'));
  if (text.length + tail.length > budget) {
    // Even the table is too long: keep as many rows as fit.
    const rows = table.slice(0, 2);
    let used = redact(head.join('\n')).length + tail.length;
    let kept = 0;
    for (const row of table.slice(2)) {
      if (used + row.length + 1 > budget) break;
      rows.push(row);
      used += row.length + 1;
      kept++;
    }
    text = redact(
      [
        ...head,
        ...rows,
        '',
        `_${pending.length - kept} more rows left out; the full plan is in the JSON plan._`,
        '',
      ].join('\n'),
    );
  }
  // Details most worth reading first: what destroys, then the rest (manual steps have their own block).
  // A block too big for what is left is skipped, not the end of the list.
  const rank = (c: Change) => (impactOf(c, { allowDestroy: plan.allowDestroy }) === 'destroy' ? 1 : 2);
  let omitted = 0;
  for (const change of pending.filter((c) => c.kind !== 'manual').sort((a, b) => rank(a) - rank(b))) {
    const block = redact(detailsOf(change, plan));
    if (text.length + block.length + tail.length <= budget) text += '\n' + block;
    else omitted++;
  }
  if (omitted) {
    text += `\n_Details of ${omitted} change(s) left out to stay under ${maxChars.toLocaleString('en-US')} characters; the full plan is in the JSON plan${options.runUrl ? ' (see the run)' : ''}._\n`;
  }
  text += '\n' + tail;
  return text.length <= maxChars ? text : text.slice(0, maxChars - 40) + '\n\n_(truncated)_\n';
}
