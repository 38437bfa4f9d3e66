/**
 * Pure. One authored edit often lands in several places (a recipe expands into seven KObject steps):
 * a reviewer should read it once. Groups a workflow update's identical diff hunks ("title template
 * changed in 7 KObject steps", one representative hunk and the list of steps) and its summary lines
 * that differ only by step. The plan itself keeps the full diff; only renderings group.
 */
import { canonicalJson, isJsonObject, type JsonObject } from '../../compiler/json.js';
import type { SemanticNote } from '../plan/types.js';

export interface HunkGroup {
  /** e.g. "title template changed in 7 KObject steps"; absent for a hunk that stands alone. */
  headline?: string;
  /** The steps the hunk appears in (ids), in body order. */
  steps: string[];
  /** The representative hunk, `@@` line first. */
  hunk: string;
}

export interface GroupedDiff {
  /** The `---`/`+++` lines. */
  header: string[];
  groups: HunkGroup[];
}

/** Which step each line of the desired body's canonical JSON belongs to (`1` = the trigger). */
function stepOfLine(desired: JsonObject): (line: number) => string | undefined {
  const lines = canonicalJson(desired).split('\n');
  const owner: (string | undefined)[] = [];
  let current: string | undefined;
  let inSteps = false;
  let start = 0;
  lines.forEach((line, i) => {
    if (line === '  "steps": [') inSteps = true;
    else if (inSteps && /^ {2}\]/.test(line)) inSteps = false;
    else if (line === '  "trigger": {') current = '1';
    else if (current === '1' && /^ {2}\},?$/.test(line)) {
      owner[i] = '1';
      current = undefined;
      return;
    }
    if (inSteps && line === '    {') start = i;
    if (inSteps && /^ {6}"id": "(.*)",?$/.test(line)) {
      const id = JSON.parse(`"${/^ {6}"id": "(.*)",?$/.exec(line)![1]!}"`) as string;
      for (let j = start; j < i; j++) owner[j] = id;
      current = id;
    }
    if (inSteps && /^ {4}\},?$/.test(line)) {
      owner[i] = current;
      current = undefined;
      return;
    }
    owner[i] = current;
  });
  return (line) => owner[line - 1];
}

/** The kind of step an action is, for people: "KObject", "customer", "REST call". */
function stepKind(action: string | undefined): string {
  if (!action) return '';
  if (action.startsWith('kustomer.kobject.')) return 'KObject ';
  if (action.startsWith('kustomer.customer.')) return 'customer ';
  if (action.startsWith('kustomer.conversation.')) return 'conversation ';
  if (action === 'kustomer.rest-api.json') return 'REST call ';
  return '';
}

function changedField(hunk: string[]): string {
  const changed = hunk.find((l) => /^[-+]\s*"[^"]+":/.test(l));
  const key = changed ? /^[-+]\s*"([^"]+)":/.exec(changed)![1]! : 'value';
  const templated = hunk.some((l) => /^[-+]/.test(l) && l.includes('{{'));
  return templated ? `${key} template` : key;
}

/** Splits a unified diff into header and hunks, and groups hunks whose changed lines are identical. */
export function groupWorkflowDiff(diff: string, desired: JsonObject): GroupedDiff {
  const lines = diff.split('\n');
  const header = lines.filter((l, i) => i < 2 && (l.startsWith('---') || l.startsWith('+++')));
  const hunks: string[][] = [];
  for (const line of lines.slice(header.length)) {
    if (line.startsWith('@@')) hunks.push([line]);
    else hunks.at(-1)?.push(line);
  }
  const ownerOf = stepOfLine(desired);
  const actions = new Map(
    (Array.isArray(desired.steps) ? desired.steps : [])
      .filter(isJsonObject)
      .map((s) => [String(s.id), typeof s.action === 'string' ? s.action : undefined]),
  );
  const byChange = new Map<string, { hunk: string[]; steps: string[] }>();
  for (const hunk of hunks) {
    const m = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(hunk[0]!);
    const start = m ? Number(m[1]) : 0;
    // The step of the first changed line on the desired side (or, for a pure removal, the line before it).
    let line = start;
    let step: string | undefined;
    for (const l of hunk.slice(1)) {
      if (l.startsWith('+') || l.startsWith('-')) {
        step = ownerOf(l.startsWith('+') ? line : Math.max(1, line - 1));
        break;
      }
      line += 1;
    }
    const key = hunk
      .slice(1)
      .filter((l) => l.startsWith('+') || l.startsWith('-'))
      .map((l) => l.trim())
      .join('\n');
    const entry = byChange.get(key) ?? { hunk, steps: [] };
    entry.steps.push(step ?? '?');
    byChange.set(key, entry);
  }
  const groups = [...byChange.values()].map(({ hunk, steps }): HunkGroup => {
    if (steps.length < 2) return { steps, hunk: hunk.join('\n') };
    const kinds = new Set(steps.map((s) => stepKind(actions.get(s))));
    const kind = kinds.size === 1 ? [...kinds][0]! : '';
    return { headline: `${changedField(hunk)} changed in ${steps.length} ${kind}steps`, steps, hunk: hunk.join('\n') };
  });
  return { header, groups };
}

/** Summary lines that differ only by their step become one: "params changed: title (7 steps: a, b, …)". */
export function groupNotes(notes: readonly SemanticNote[]): string[] {
  const out: { text: string; steps: string[] }[] = [];
  const index = new Map<string, number>();
  for (const note of notes) {
    const prefix = `step "${note.step}" `;
    const generic = note.step && note.message.startsWith(prefix) ? note.message.slice(prefix.length) : undefined;
    if (generic === undefined) {
      out.push({ text: note.message, steps: [] });
      continue;
    }
    const at = index.get(generic);
    if (at === undefined) {
      index.set(generic, out.length);
      out.push({ text: generic, steps: [note.step!] });
    } else out[at]!.steps.push(note.step!);
  }
  return out.map(({ text, steps }) =>
    steps.length === 0
      ? text
      : steps.length === 1
        ? `step "${steps[0]}" ${text}`
        : `${text} in ${steps.length} steps: ${steps.join(', ')}`,
  );
}

/** The grouped diff as text: each group's headline and steps, then its one hunk. */
export function renderGroupedDiff(grouped: GroupedDiff): string {
  const out = [...grouped.header];
  for (const g of grouped.groups) {
    if (g.headline) out.push(`# ${g.headline}: ${g.steps.join(', ')} (one shown)`);
    out.push(g.hunk);
  }
  return out.join('\n');
}
