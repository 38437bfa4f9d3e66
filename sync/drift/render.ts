/**
 * Pure. Drift report → text (terminal, daemon log), markdown (GitHub issue, job summary, .kac file)
 * and JSON. The markdown is a table a person reads in ten seconds, details collapsed below it.
 */
import { formatDiagnostic } from '../../compiler/diagnostics.js';
import { redact } from '../logger.js';
import {
  applyPhrase,
  BUCKET_LABEL,
  DRIFT_BUCKETS,
  driftHeadline,
  type DriftBucket,
  type DriftItem,
  type DriftReport,
} from './report.js';

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const ICON: Record<DriftBucket, string> = {
  'changed-in-ui': '✏️',
  'deleted-in-ui': '🗑️',
  'created-in-ui': '➕',
  'manual-pending': '✋',
};
const MEANING: Record<DriftBucket, string> = {
  'changed-in-ui': 'live differs from main',
  'deleted-in-ui': 'in main, missing live',
  'created-in-ui': 'live in the namespace, not in main',
  'manual-pending': 'Iterable steps not confirmed done',
};
const NAMES_IN_TABLE = 4;

/** "Changed in the UI" → "changed in the UI" (keeps the acronym). */
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function fence(text: string, lang: string): string {
  const ticks = text.includes('```') ? '````' : '```';
  return `${ticks}${lang}\n${text}\n${ticks}`;
}

function namesCell(items: DriftItem[]): string {
  const shown = items.slice(0, NAMES_IN_TABLE).map((i) => code(i.key));
  if (items.length > NAMES_IN_TABLE) shown.push(`and ${items.length - NAMES_IN_TABLE} more`);
  return shown.join(', ');
}

function unmanagedLine(report: DriftReport): string | undefined {
  const parts = Object.entries(report.unmanaged).map(([kind, n]) => `${n} ${kind}`);
  return parts.length ? `Outside namespace "${report.namespace}" (never touched): ${parts.join(', ')}.` : undefined;
}

export function driftTitle(report: DriftReport): string {
  return report.hasDrift
    ? `Drift in ${report.environment}: ${driftHeadline(report)}`
    : `No drift in ${report.environment}`;
}

/** The counts table and what to do: the part of the issue that is never truncated. */
export function renderDriftSummary(report: DriftReport): string {
  const lines = [`### Drift · ${code(report.environment)} · namespace ${code(report.namespace)}`, ''];
  lines.push(`**${driftHeadline(report)}** (checked ${report.checkedAt} against ${report.target}).`, '');
  if (report.hasDrift) {
    lines.push('| | Drift | Count | Resources |', '|---|---|---:|---|');
    for (const bucket of DRIFT_BUCKETS) {
      const items = report.items.filter((i) => i.bucket === bucket);
      if (items.length)
        lines.push(
          `| ${ICON[bucket]} | ${BUCKET_LABEL[bucket]} (${MEANING[bucket]}) | ${items.length} | ${namesCell(items)} |`,
        );
    }
    lines.push('');
    lines.push(
      `**To resolve:** keep the UI edits in git (\`kac drift --env ${report.environment} --adopt\` rewrites their definitions; with \`--github\`, as a PR), ` +
        `or revert them by applying main (\`kac apply --env ${report.environment}\`).` +
        (report.counts['manual-pending'] ? ' Manual steps: do them in Iterable as shown below.' : ''),
      '',
    );
  }
  if (report.errors.length)
    lines.push(
      `> [!WARNING]\n> main has ${report.errors.length} error(s); the comparison may be incomplete until they are fixed.`,
      '',
    );
  const unmanaged = unmanagedLine(report);
  if (unmanaged) lines.push(`_${unmanaged}_`, '');
  return redact(lines.join('\n').trimEnd() + '\n');
}

/** One collapsed block per drifted resource. */
export function renderDriftDetails(report: DriftReport): string {
  const blocks: string[] = [];
  for (const item of report.items) {
    const parts = [
      `<details><summary>${ICON[item.bucket]} ${lowerFirst(BUCKET_LABEL[item.bucket])}: <code>${item.kind}</code> <code>${escapeHtml(item.key)}</code></summary>`,
      '',
    ];
    if (item.source) parts.push(`Defined in ${code(`${item.source.file}:${item.source.line}`)}.`);
    if (item.liveId) parts.push(`Live id ${code(item.liveId)}.`);
    parts.push(`**${capitalize(applyPhrase(item))}.**`, '');
    for (const note of item.notes) parts.push(`- ${escapeHtml(note)}`);
    if (item.notes.length) parts.push('');
    if (item.instructions) parts.push('Do this by hand:', '', fence(item.instructions, ''), '');
    if (item.diff) parts.push('`-` live, `+` main:', '', fence(item.diff, 'diff'), '');
    parts.push('</details>');
    blocks.push(parts.join('\n'));
  }
  if (report.findings.length) {
    blocks.push(
      [
        '**Findings**',
        '',
        ...report.findings.map((f) => `- ${f.severity}: ${code(f.resource.key)} ${escapeHtml(f.message)}`),
      ].join('\n'),
    );
  }
  if (report.errors.length)
    blocks.push(['**Errors in main**', '', fence(report.errors.map(formatDiagnostic).join('\n'), '')].join('\n'));
  return redact(blocks.join('\n\n'));
}

export function renderDriftMarkdown(report: DriftReport): string {
  const details = renderDriftDetails(report);
  return details ? `${renderDriftSummary(report)}\n${details}\n` : renderDriftSummary(report);
}

export function renderDriftText(report: DriftReport): string {
  const lines = [
    `Drift in ${report.environment} (namespace ${report.namespace}, ${report.target}): ${driftHeadline(report)}.`,
  ];
  for (const bucket of DRIFT_BUCKETS) {
    const items = report.items.filter((i) => i.bucket === bucket);
    if (!items.length) continue;
    lines.push('', `${BUCKET_LABEL[bucket]} (${MEANING[bucket]}): ${items.length}`);
    for (const item of items) {
      lines.push(
        `  ${item.kind} ${item.key}${item.source ? `  (${item.source.file}:${item.source.line})` : ''}  → ${applyPhrase(item)}`,
      );
      for (const note of item.notes) lines.push(`      ${note}`);
    }
  }
  const unmanaged = unmanagedLine(report);
  if (unmanaged) lines.push('', unmanaged);
  for (const f of report.findings) lines.push(`${f.severity}: ${f.resource.key}: ${f.message}`);
  for (const d of report.errors) lines.push(formatDiagnostic(d));
  return redact(lines.join('\n'));
}

export function renderDriftJson(report: DriftReport): string {
  return redact(JSON.stringify(report, null, 2));
}

/** The line the daemon logs for each run. */
export function driftOneLine(report: DriftReport): string {
  if (!report.hasDrift) return `${report.environment}: no drift`;
  const parts = DRIFT_BUCKETS.filter((b) => report.counts[b] > 0).map(
    (b) => `${report.counts[b]} ${lowerFirst(BUCKET_LABEL[b])}`,
  );
  return `${report.environment}: drift: ${parts.join(', ')}`;
}
