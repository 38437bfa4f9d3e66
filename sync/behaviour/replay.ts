/**
 * The behaviour change of a plan: for each workflow the plan creates, changes or disables, replay the
 * recorded sample events and the workflow tests through the live version and the desired version,
 * each in its own in-memory org seeded the same way, and say what turns out differently. No network,
 * nothing on disk; the live version never leaves the process (outbound calls are recorded, not sent).
 */
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import type { ProjectBuild } from '../../compiler/build.js';
import type { JsonObject } from '../../compiler/json.js';
import type { Resource } from '../../compiler/resource.js';
import type { Change } from '../plan/types.js';
import { describeOutcomeChange, type Describe } from './describe.js';
import { openTestOrg, type RunOutcome } from './test-org.js';
import { runWorkflowTests, workflowSetOf, type LoadedTest, type WorkflowSet } from './run-tests.js';
import type { BehaviourReport, EventDifference, WorkflowBehaviour } from './types.js';

/** Where recorded events live: a project's `samples/`, samples beside workflows, this repo's Regal fixtures. */
export const SAMPLE_GLOBS = ['samples/**/*.json', 'workflows/**/samples/**/*.json', 'test/fixtures/regal/*.json'];

export interface SampleEvent {
  /** Repo-relative file. */
  file: string;
  event: unknown;
}

export async function loadSampleEvents(root: string): Promise<SampleEvent[]> {
  const files = (await glob(SAMPLE_GLOBS, { cwd: root, ignore: ['**/node_modules/**'] })).sort();
  const samples = await Promise.all(
    files.map(async (file): Promise<SampleEvent | undefined> => {
      try {
        return { file, event: JSON.parse(await readFile(resolve(root, file), 'utf8')) as unknown };
      } catch {
        return undefined; // not JSON: not a sample event
      }
    }),
  );
  return samples.filter((s): s is SampleEvent => s !== undefined);
}

export interface ReplayInput {
  changes: readonly Change[];
  /** The live workflows the plan read (normalised bodies), by name. */
  live: readonly Pick<Resource, 'kind' | 'key' | 'body'>[];
  build: Pick<ProjectBuild, 'model' | 'resources'>;
  samples: readonly SampleEvent[];
  tests: readonly LoadedTest[];
}

/** The workflows whose behaviour may change: created, updated or disabled by the plan. */
export function changingWorkflows(changes: readonly Change[]): Change[] {
  return changes.filter(
    (c) =>
      c.resource.kind === 'kustomer.workflow' && (c.kind === 'create' || c.kind === 'update' || c.kind === 'disable'),
  );
}

const runs = (body: JsonObject | undefined): JsonObject[] => (body && body.enabled !== false ? [body] : []);

export async function replayBehaviour(input: ReplayInput): Promise<BehaviourReport> {
  const desiredSet = workflowSetOf(input.build);
  const label = new Map(
    input.build.model.klasses.map((k) => [k.definition.name, k.definition.displayName ?? k.definition.name]),
  );
  const describe: Describe = { klassLabel: (name) => label.get(name) ?? name };
  const workflows = await Promise.all(
    changingWorkflows(input.changes).map(async (change): Promise<WorkflowBehaviour> => {
      const name = change.resource.key;
      const liveBody = input.live.find((l) => l.kind === 'kustomer.workflow' && l.key === name)?.body;
      const desiredBody = change.kind === 'disable' ? undefined : desiredSet.workflows.get(name);
      const [events, tests] = await Promise.all([
        replaySamples(input.samples, liveBody, desiredBody, desiredSet.klasses, describe),
        replayTests(input.tests, name, desiredSet, liveBody),
      ]);
      return {
        workflow: name,
        change: change.kind as WorkflowBehaviour['change'],
        sampleEvents: events.relevant,
        differences: events.differences,
        tests,
      };
    }),
  );
  return { samples: input.samples.map((s) => s.file), workflows };
}

async function replaySamples(
  samples: readonly SampleEvent[],
  liveBody: JsonObject | undefined,
  desiredBody: JsonObject | undefined,
  klasses: readonly string[],
  describe: Describe,
): Promise<{ relevant: number; differences: EventDifference[] }> {
  const send = async (body: JsonObject | undefined, event: unknown): Promise<RunOutcome> =>
    (await openTestOrg({ klasses })).send(runs(body), event);
  const outcomes = await Promise.all(
    samples.map(async (s) => ({
      sample: s,
      before: await send(liveBody, s.event),
      after: await send(desiredBody, s.event),
    })),
  );
  const acted = (o: RunOutcome) => o.runs.some((r) => r.status !== 'no-match');
  const relevant = outcomes.filter((o) => acted(o.before) || acted(o.after));
  const labels = relevant.map((o) => eventLabel(o.sample.event));
  const differences = relevant
    .map((o, i) => {
      const ambiguous = labels.filter((l) => l === labels[i]).length > 1;
      return {
        event: ambiguous ? `${labels[i]} (${basename(o.sample.file)})` : labels[i]!,
        source: o.sample.file,
        sentences: describeOutcomeChange(o.before, o.after, describe),
      };
    })
    .filter((d) => d.sentences.length > 0);
  return { relevant: relevant.length, differences };
}

/** The tests that send an event to the workflow, run with the live version and with the desired one. */
async function replayTests(
  tests: readonly LoadedTest[],
  name: string,
  desiredSet: WorkflowSet,
  liveBody: JsonObject | undefined,
): Promise<WorkflowBehaviour['tests']> {
  const mine = tests.filter(
    (t) =>
      t.definition.workflow === name ||
      (t.definition.hook !== undefined && (desiredSet.hooks.get(t.definition.hook) ?? []).includes(name)),
  );
  if (mine.length === 0) return null;
  const liveWorkflows = new Map(desiredSet.workflows);
  if (liveBody) liveWorkflows.set(name, liveBody);
  else liveWorkflows.delete(name);
  const liveSet: WorkflowSet = { ...desiredSet, workflows: liveWorkflows };
  const [before, after] = await Promise.all([runWorkflowTests(mine, liveSet), runWorkflowTests(mine, desiredSet)]);
  return {
    total: mine.length,
    passed: after.filter((r) => r.passed).length,
    nowFailing: after.filter((r, i) => !r.passed && before[i]!.passed).map((r) => r.test.definition.name),
    nowPassing: after.filter((r, i) => r.passed && !before[i]!.passed).map((r) => r.test.definition.name),
  };
}

/** "call.completed for customer 12345": the event's name and whom it is about, when it says. */
export function eventLabel(event: unknown): string {
  const e = (typeof event === 'object' && event !== null ? event : {}) as Record<string, unknown>;
  const traits = (typeof e.traits === 'object' && e.traits !== null ? e.traits : {}) as Record<string, unknown>;
  const name = [e.event, e.name, e.type].find((v) => typeof v === 'string') as string | undefined;
  const who = [e.externalId, e.userId, traits.phone, traits.email].find((v) => typeof v === 'string' && v !== '') as
    string | undefined;
  return `${name ?? 'event'}${who ? ` for customer ${who}` : ''}`;
}
