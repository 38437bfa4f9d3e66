/**
 * Workflow tests: find the `workflows/**\/*.test.ts` files, import them, and run each test in its own
 * in-memory org against a set of compiled workflows (the project's, or a plan's live or desired
 * versions). Returns data; rendering is report.ts.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { glob } from 'tinyglobby';
import type { ProjectBuild } from '../../compiler/build.js';
import type { JsonObject } from '../../compiler/json.js';
import type { WorkflowTestDefinition } from '../../compiler/model/workflow-test.js';
import { matchOutcome, type Mismatch } from './match.js';
import { openTestOrg, type RunOutcome } from './test-org.js';
import { ensureTypeScriptImports } from '../../compiler/load/typescript.js';

export const TEST_GLOBS = ['workflows/**/*.test.ts'];

export interface LoadedTest {
  definition: WorkflowTestDefinition;
  /** Repo-relative file and line of the `defineWorkflowTest` call. */
  file: string;
  line: number;
}

export interface TestLoadError {
  file: string;
  message: string;
}

/** The compiled workflows tests run against: bodies by name, which hook triggers which, the Klasses. */
export interface WorkflowSet {
  klasses: string[];
  workflows: Map<string, JsonObject>;
  /** Hook name → names of the workflows it triggers, in name order. */
  hooks: Map<string, string[]>;
}

export function workflowSetOf(build: Pick<ProjectBuild, 'model' | 'resources'>): WorkflowSet {
  const workflows = new Map(
    build.resources.filter((r) => r.kind === 'kustomer.workflow').map((r) => [r.key, r.body] as const),
  );
  const hooks = new Map<string, string[]>();
  for (const { definition } of build.model.workflows) {
    if (definition.trigger.kind !== 'hook') continue;
    const list = hooks.get(definition.trigger.hook.name) ?? [];
    list.push(definition.name);
    hooks.set(definition.trigger.hook.name, list.sort());
  }
  return { klasses: build.resources.filter((r) => r.kind === 'kustomer.klass').map((r) => r.key), workflows, hooks };
}

/** Imports every test file (under tsx); `pattern` keeps the files or tests whose path or name contains it. */
export async function loadWorkflowTests(
  root: string,
  pattern?: string,
): Promise<{ tests: LoadedTest[]; errors: TestLoadError[] }> {
  const absRoot = resolve(root);
  const files = (await glob(TEST_GLOBS, { cwd: absRoot, ignore: ['**/node_modules/**'] })).sort();
  const tests: LoadedTest[] = [];
  const errors: TestLoadError[] = [];
  await ensureTypeScriptImports();
  const modules = await Promise.allSettled(
    files.map((f) => import(pathToFileURL(resolve(absRoot, f)).href) as Promise<Record<string, unknown>>),
  );
  modules.forEach((result, i) => {
    const file = files[i]!;
    if (result.status === 'rejected') {
      errors.push({ file, message: result.reason instanceof Error ? result.reason.message : String(result.reason) });
      return;
    }
    for (const value of Object.values(result.value).flatMap((v) => (Array.isArray(v) ? v : [v]))) {
      if (!isWorkflowTest(value)) continue;
      const at = value.site.resolve(absRoot, file);
      tests.push({ definition: value, file: at?.file ?? file, line: at?.line ?? 1 });
    }
  });
  const kept =
    pattern === undefined
      ? tests
      : tests.filter((t) => t.file.includes(pattern) || t.definition.name.includes(pattern));
  return { tests: kept, errors };
}

function isWorkflowTest(value: unknown): value is WorkflowTestDefinition {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'workflow-test';
}

export interface TestResult {
  test: LoadedTest;
  passed: boolean;
  mismatches: Mismatch[];
  /** Absent when the test could not run (it names a workflow the set does not have ...). */
  outcome?: RunOutcome;
}

/** The workflows one test sends its event to, in the set. */
export function workflowsOfTest(
  test: WorkflowTestDefinition,
  set: WorkflowSet,
): { names: string[] } | { error: string } {
  if (test.workflow !== undefined) {
    return set.workflows.has(test.workflow)
      ? { names: [test.workflow] }
      : { error: `the project has no workflow "${test.workflow}"` };
  }
  if (test.hook !== undefined) {
    const names = (set.hooks.get(test.hook) ?? []).filter((n) => set.workflows.has(n));
    return { names };
  }
  return { error: 'the test names neither a workflow nor a hook' };
}

/** Seeds an in-memory org from `given`, sends the event, and compares what happened with `expect`. */
export async function runWorkflowTest(test: LoadedTest, set: WorkflowSet): Promise<TestResult> {
  const target = workflowsOfTest(test.definition, set);
  if ('error' in target)
    return {
      test,
      passed: false,
      mismatches: [{ path: 'workflow', expected: 'a workflow to run', actual: target.error }],
    };
  try {
    const org = await openTestOrg({ klasses: set.klasses, given: test.definition.given });
    const outcome = await org.send(
      target.names.map((n) => set.workflows.get(n)!),
      test.definition.event,
    );
    const mismatches = matchOutcome(test.definition.expect, outcome);
    return { test, passed: mismatches.length === 0, mismatches, outcome };
  } catch (error) {
    return {
      test,
      passed: false,
      mismatches: [
        { path: 'given', expected: 'an org to seed', actual: error instanceof Error ? error.message : String(error) },
      ],
    };
  }
}

/** Runs every test concurrently (each in its own org); results in the tests' order. */
export function runWorkflowTests(tests: readonly LoadedTest[], set: WorkflowSet): Promise<TestResult[]> {
  return Promise.all(tests.map((t) => runWorkflowTest(t, set)));
}
