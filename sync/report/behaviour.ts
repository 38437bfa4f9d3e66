/**
 * Pure. The plan's behaviour change (sync/behaviour/) → lines for the text plan and a section for the
 * markdown plan: per changing workflow, the sentences of each sample event whose outcome changes and
 * the test counts; one line when nothing behaves differently.
 */
import type { BehaviourReport, WorkflowBehaviour } from '../behaviour/types.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function testsLine(tests: NonNullable<WorkflowBehaviour['tests']>): string {
  const stillFailing = tests.total - tests.passed - tests.nowFailing.length;
  const parts = [`${tests.passed} passed`];
  if (tests.nowFailing.length)
    parts.push(
      `${tests.nowFailing.length} now fail${tests.nowFailing.length === 1 ? 's' : ''} (${tests.nowFailing.map((n) => `"${n}"`).join(', ')})`,
    );
  if (stillFailing > 0) parts.push(`${stillFailing} already failed`);
  // Named like the ones that now fail: a fix reads as the tests it makes pass.
  if (tests.nowPassing.length)
    parts.push(
      `${tests.nowPassing.length} now pass${tests.nowPassing.length === 1 ? 'es' : ''} (${tests.nowPassing.map((n) => `"${n}"`).join(', ')})`,
    );
  return `tests: ${parts.join(', ')}`;
}

const changed = (w: WorkflowBehaviour) =>
  w.differences.length > 0 || (w.tests !== null && (w.tests.nowFailing.length > 0 || w.tests.nowPassing.length > 0));

/** Sample events acted on by any changing workflow (an event reaches only its own workflow, so a sum). */
const sampleCount = (report: BehaviourReport) => report.workflows.reduce((n, w) => n + w.sampleEvents, 0);

/** The one line when nothing behaves differently, else undefined. */
export function noBehaviourChangeLine(report: BehaviourReport): string | undefined {
  if (report.workflows.some(changed)) return undefined;
  const tests = report.workflows.flatMap((w) => (w.tests ? [w.tests] : []));
  const total = tests.reduce((n, t) => n + t.total, 0);
  const passed = tests.reduce((n, t) => n + t.passed, 0);
  return `No behaviour change for ${plural(sampleCount(report), 'sample event')}${total ? ` (tests: ${passed} of ${total} passed)` : ''}.`;
}

/** One block per workflow: heading line, then indented sentences. */
export function behaviourBlocks(report: BehaviourReport): { heading: string; lines: string[] }[] {
  return report.workflows.map((w) => {
    const lines = w.differences.flatMap((d) => d.sentences.map((s) => `${d.event}: ${s}`));
    if (w.differences.length === 0) lines.push(`no behaviour change for ${plural(w.sampleEvents, 'sample event')}`);
    if (w.tests) lines.push(testsLine(w.tests));
    const what = w.change === 'create' ? ' (new)' : w.change === 'disable' ? ' (disabled)' : '';
    return { heading: `${w.workflow}${what}`, lines };
  });
}

export function renderBehaviourText(report: BehaviourReport | undefined): string[] {
  if (!report || report.workflows.length === 0) return [];
  const none = noBehaviourChangeLine(report);
  if (none) return [none, ''];
  const out = [
    `Behaviour change (sample events and workflow tests replayed through the live and the desired workflows):`,
  ];
  for (const b of behaviourBlocks(report)) out.push(`  ${b.heading}`, ...b.lines.map((l) => `    ${l}`));
  out.push('');
  return out;
}

export function renderBehaviourMarkdown(report: BehaviourReport | undefined): string[] {
  if (!report || report.workflows.length === 0) return [];
  const none = noBehaviourChangeLine(report);
  if (none) return [`**Behaviour:** ${none}`, ''];
  const out = [
    '#### Behaviour change',
    '',
    '_Sample events and workflow tests, replayed through the live and the desired workflows._',
    '',
  ];
  for (const b of behaviourBlocks(report)) {
    out.push(`- \`${b.heading}\``);
    for (const l of b.lines) out.push(`  - ${l}`); // values are in code spans already
  }
  out.push('');
  return out;
}
