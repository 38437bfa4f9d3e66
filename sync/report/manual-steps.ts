/**
 * Pure. The manual steps of a plan (Iterable has no API for journey webhooks) as one block after the
 * org changes: one line per template and where its paste-ready text is. The text itself is behind
 * `kac iterable status --steps` (terminal) or a collapsed section (markdown), never cut.
 */
import type { Change, ManualChange, Plan } from '../plan/types.js';

export const STEPS_COMMAND = 'kac iterable status --steps';

export function manualChanges(plan: Plan): ManualChange[] {
  return plan.changes.filter((c: Change): c is ManualChange => c.kind === 'manual');
}

const fence = (text: string) => {
  const ticks = text.includes('```') ? '````' : '```';
  return `${ticks}\n${text}\n${ticks}`;
};
const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;

export function renderManualStepsText(plan: Plan): string[] {
  const manual = manualChanges(plan);
  if (manual.length === 0) return [];
  const out = [`Manual steps in Iterable (${manual.length}; Iterable has no API for journey webhooks):`];
  for (const c of manual) out.push(`  ! ${c.resource.key}: ${c.summary[0]?.message ?? 'set it up by hand'}`);
  out.push(`  Paste-ready text: ${STEPS_COMMAND}. After pasting: kac iterable confirm <name>.`, '');
  return out;
}

/** A checklist, then every template's paste-ready text in one collapsed section. */
export function renderManualStepsMarkdown(plan: Plan): string {
  const manual = manualChanges(plan);
  if (manual.length === 0) return '';
  const out = ['**Manual steps** (Iterable has no API for journey webhooks; paste each, then confirm it):', ''];
  for (const c of manual)
    out.push(
      `- [ ] ${code(c.resource.key)}: paste it in Iterable › Integrations › Journey Webhooks, then \`kac iterable confirm ${c.resource.key}\``,
    );
  out.push(
    '',
    `<details><summary>Paste-ready text for ${manual.length} Iterable template(s) (also: <code>${STEPS_COMMAND}</code>)</summary>`,
    '',
  );
  for (const c of manual)
    out.push(`${code(c.resource.key)}: ${c.summary[0]?.message ?? ''}`, '', fence(c.instructions), '');
  out.push('</details>', '');
  return out.join('\n');
}
