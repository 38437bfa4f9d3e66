/**
 * Pure. A test's expectation against what the run did → the fields that differ, each with its path,
 * the expected value and the actual one. Objects are partial (only the keys written are compared),
 * lists exact in length, matchers decide for themselves.
 */
import type { Expectation, KObjectExpectation, ValueMatcher } from '../../compiler/model/workflow-test.js';
import type { RunOutcome } from './test-org.js';

export interface Mismatch {
  /** e.g. `kobjects.created[0].title` */
  path: string;
  expected: string;
  actual: string;
}

function isMatcher(value: unknown): value is ValueMatcher {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'matcher' &&
    typeof (value as ValueMatcher).test === 'function'
  );
}

const show = (value: unknown): string => (value === undefined ? '(absent)' : JSON.stringify(value));

export function matchValue(expected: unknown, actual: unknown, path: string): Mismatch[] {
  if (isMatcher(expected))
    return expected.test(actual) ? [] : [{ path, expected: expected.describe, actual: show(actual) }];
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [{ path, expected: `a list of ${expected.length}`, actual: show(actual) }];
    if (actual.length !== expected.length) {
      return [
        {
          path,
          expected: `${expected.length} item(s): ${show(expected)}`,
          actual: `${actual.length} item(s): ${show(actual)}`,
        },
      ];
    }
    return expected.flatMap((e, i) => matchValue(e, actual[i], `${path}[${i}]`));
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual))
      return [{ path, expected: show(expected), actual: show(actual) }];
    return Object.entries(expected).flatMap(([key, e]) =>
      matchValue(e, (actual as Record<string, unknown>)[key], path ? `${path}.${key}` : key),
    );
  }
  // null and absent are the same to a Kustomer record.
  if ((expected ?? null) === (actual ?? null)) return [];
  return [{ path, expected: show(expected), actual: show(actual) }];
}

const kobjectExpectation = (e: KObjectExpectation): Record<string, unknown> =>
  e.klass === undefined ? { ...e } : { ...e, klass: typeof e.klass === 'string' ? e.klass : e.klass.name };

/** Every way the outcome differs from the expectation; empty when the test passes. */
export function matchOutcome(expect: Expectation, outcome: RunOutcome): Mismatch[] {
  const out: Mismatch[] = [];
  const ran = outcome.runs.filter((r) => r.status !== 'no-match');
  const failed = outcome.runs.filter((r) => r.status === 'failed');
  if (expect.status !== 'failed') {
    for (const r of failed)
      out.push({ path: `run of ${r.workflow}`, expected: 'completed', actual: `failed: ${r.error ?? ''}` });
  }
  if (expect.status !== undefined) {
    const actual =
      ran.length === 0
        ? 'no-match'
        : ran.length === 1
          ? ran[0]!.status
          : ran.map((r) => `${r.workflow}: ${r.status}`).join(', ');
    if (actual !== expect.status) out.push({ path: 'status', expected: expect.status, actual });
  }
  if (expect.steps !== undefined) {
    if (ran.length > 1)
      out.push({
        path: 'steps',
        expected: show(expect.steps),
        actual: `${ran.length} workflows ran (${ran.map((r) => r.workflow).join(', ')}): test one workflow to check its steps`,
      });
    else out.push(...matchValue([...expect.steps], ran[0]?.steps ?? [], 'steps'));
  }
  if (expect.nothing) {
    const happened = [
      ...outcome.customers.created.map(() => 'a customer created'),
      ...outcome.customers.updated.map(() => 'a customer updated'),
      ...outcome.kobjects.created.map((k) => `a ${k.klass} KObject created`),
      ...outcome.kobjects.updated.map((k) => `a ${k.klass} KObject updated`),
      ...outcome.conversations.created.map(() => 'a conversation created'),
      ...outcome.conversations.updated.map(() => 'a conversation updated'),
      ...outcome.notes.created.map(() => 'a note added'),
      ...outcome.outbound.map((c) => `an outbound ${c.method} call`),
    ];
    if (happened.length > 0) out.push({ path: 'nothing', expected: 'nothing happens', actual: happened.join(', ') });
  }
  if (expect.kobjects?.created)
    out.push(
      ...matchValue(expect.kobjects.created.map(kobjectExpectation), outcome.kobjects.created, 'kobjects.created'),
    );
  if (expect.kobjects?.updated)
    out.push(
      ...matchValue(expect.kobjects.updated.map(kobjectExpectation), outcome.kobjects.updated, 'kobjects.updated'),
    );
  if (expect.customers?.created)
    out.push(...matchValue(expect.customers.created, outcome.customers.created, 'customers.created'));
  if (expect.customers?.updated)
    out.push(...matchValue(expect.customers.updated, outcome.customers.updated, 'customers.updated'));
  if (expect.conversations?.created)
    out.push(...matchValue(expect.conversations.created, outcome.conversations.created, 'conversations.created'));
  if (expect.conversations?.updated)
    out.push(...matchValue(expect.conversations.updated, outcome.conversations.updated, 'conversations.updated'));
  if (expect.notes?.created) out.push(...matchValue(expect.notes.created, outcome.notes.created, 'notes.created'));
  if (expect.outbound) out.push(...matchValue(expect.outbound, outcome.outbound, 'outbound'));
  return out;
}
