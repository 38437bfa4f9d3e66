/**
 * Pure. Two outcomes of the same event (the live workflow's and the desired one's) → what changes, in
 * sentences a reviewer reads: "the Regal Call card's title becomes `A` (was `B`)", "now creates a
 * customer (did not)". Empty when both did the same.
 */
import type {
  ConversationOutcome,
  CustomerOutcome,
  KObjectOutcome,
  OutboundCallOutcome,
} from '../../compiler/model/workflow-test.js';
import type { RunOutcome } from './test-org.js';

const MAX_VALUE = 80;

/** A value inside a sentence: backticked, shortened, never multi-line. */
export function quote(value: unknown): string {
  if (value === undefined || value === null || value === '') return 'empty';
  const text = (typeof value === 'string' ? value : JSON.stringify(value)).replace(/\s+/g, ' ');
  const short = text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
  return `\`${short.replace(/`/g, "'")}\``;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Outbound calls are named by method and address without query (it may carry a key). */
function callName(c: OutboundCallOutcome): string {
  return `${c.method} ${c.url.split('?')[0]}`;
}

function fieldChanges(
  what: string,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  fields: readonly string[],
): string[] {
  return fields
    .filter((f) => !same(before[f], after[f]))
    .map((f) => `${what}'s ${f} becomes ${quote(after[f])} (was ${quote(before[f])})`);
}

function customFieldChanges(what: string, before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys
    .filter((k) => !same(before[k], after[k]))
    .map((k) => `${what}'s ${k} becomes ${quote(after[k])} (was ${quote(before[k])})`);
}

function customerChanges(what: string, a: CustomerOutcome, b: CustomerOutcome): string[] {
  const plain = (c: CustomerOutcome) => ({ ...c, emails: c.emails.join(', '), phones: c.phones.join(', ') });
  return [
    ...fieldChanges(what, plain(a), plain(b), ['name', 'externalId', 'emails', 'phones']),
    ...customFieldChanges(what, a.custom, b.custom),
  ];
}

function kobjectChanges(what: string, a: KObjectOutcome, b: KObjectOutcome): string[] {
  const lines = [
    ...fieldChanges(what, { ...a }, { ...b }, ['title', 'description', 'externalId', 'tags']),
    ...customFieldChanges(what, a.custom, b.custom),
  ];
  if ((a.customer === null) !== (b.customer === null))
    lines.push(b.customer ? `${what} is now put on a customer (was not)` : `${what} is no longer put on a customer`);
  return lines;
}

/** Pairs items of two lists by position; the rest are added or removed. */
function pairwise<T>(
  before: readonly T[],
  after: readonly T[],
  describe: {
    changed: (a: T, b: T, index: number) => string[];
    added: (b: T) => string;
    removed: (a: T) => string;
  },
): string[] {
  const out: string[] = [];
  for (let i = 0; i < Math.max(before.length, after.length); i++) {
    const a = before[i];
    const b = after[i];
    if (a !== undefined && b !== undefined) out.push(...describe.changed(a, b, i));
    else if (b !== undefined) out.push(describe.added(b));
    else if (a !== undefined) out.push(describe.removed(a));
  }
  return out;
}

export interface Describe {
  /** A Klass's name for people: its display name, else its name. */
  klassLabel(name: string): string;
}

const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');

export function describeOutcomeChange(before: RunOutcome, after: RunOutcome, d: Describe): string[] {
  const card = (k: KObjectOutcome) => `${d.klassLabel(k.klass)} card`;
  const out: string[] = [];

  const failure = (o: RunOutcome) => o.runs.find((r) => r.status === 'failed');
  const ran = (o: RunOutcome) => o.runs.some((r) => r.status !== 'no-match');
  const fb = failure(before);
  const fa = failure(after);
  if (fa && !fb) out.push(`now fails: ${fa.error ?? 'no error message'} (did not)`);
  else if (fb && !fa) out.push(`no longer fails (failed: ${fb.error ?? 'no error message'})`);
  if (ran(after) && !ran(before)) out.push('now runs (the workflow ignored it)');
  else if (ran(before) && !ran(after)) out.push('is now ignored (the workflow ran)');

  out.push(
    ...pairwise(before.customers.created, after.customers.created, {
      changed: (a, b) => customerChanges('the created customer', a, b),
      added: () => 'now creates a customer (did not)',
      removed: () => 'no longer creates a customer',
    }),
    ...pairwise(before.customers.updated, after.customers.updated, {
      changed: (a, b) => customerChanges('the updated customer', a, b),
      added: () => 'now updates a customer (did not)',
      removed: () => 'no longer updates a customer',
    }),
    ...pairwise(before.kobjects.created, after.kobjects.created, {
      changed: (a, b) =>
        a.klass === b.klass
          ? kobjectChanges(`the ${card(b)}`, a, b)
          : [`creates ${article(card(b))} ${card(b)} instead of ${article(card(a))} ${card(a)}`],
      added: (b) => `now creates ${article(card(b))} ${card(b)} (did not)`,
      removed: (a) => `no longer creates ${article(card(a))} ${card(a)}`,
    }),
    ...pairwise(before.kobjects.updated, after.kobjects.updated, {
      changed: (a, b) =>
        a.klass === b.klass
          ? kobjectChanges(`the updated ${card(b)}`, a, b)
          : [`updates ${article(card(b))} ${card(b)} instead of ${article(card(a))} ${card(a)}`],
      added: (b) => `now updates ${article(card(b))} ${card(b)} (did not)`,
      removed: (a) => `no longer updates ${article(card(a))} ${card(a)}`,
    }),
  );
  const conversationChanges = (what: string, a: ConversationOutcome, b: ConversationOutcome) => [
    ...fieldChanges(what, { ...a }, { ...b }, ['name', 'externalId', 'status', 'tags']),
    ...customFieldChanges(what, a.custom, b.custom),
  ];
  out.push(
    ...pairwise(before.conversations.created, after.conversations.created, {
      changed: (a, b) => conversationChanges('the created conversation', a, b),
      added: () => 'now creates a conversation (did not)',
      removed: () => 'no longer creates a conversation',
    }),
    ...pairwise(before.conversations.updated, after.conversations.updated, {
      changed: (a, b) => conversationChanges('the updated conversation', a, b),
      added: () => 'now updates a conversation (did not)',
      removed: () => 'no longer updates a conversation',
    }),
    ...pairwise(before.notes.created, after.notes.created, {
      changed: (a, b) => fieldChanges('the note', { ...a }, { ...b }, ['body', 'conversation']),
      added: () => 'now adds a note (did not)',
      removed: () => 'no longer adds a note',
    }),
  );
  const calls = (o: RunOutcome) => o.outbound.map(callName);
  for (const c of calls(after).filter((c) => !calls(before).includes(c))) out.push(`now calls ${c} (did not)`);
  for (const c of calls(before).filter((c) => !calls(after).includes(c))) out.push(`no longer calls ${c}`);

  if (out.length === 0) {
    const path = (o: RunOutcome) => o.runs.flatMap((r) => r.steps);
    if (!same(path(before), path(after)))
      out.push(
        `same outcome by other steps: ${path(after).join(' → ') || 'none'} (was ${path(before).join(' → ') || 'none'})`,
      );
  }
  return out;
}
