/**
 * `kac plan`'s behaviour step: when the plan changes a workflow, load the sample events and the
 * workflow tests and replay them (replay.ts); the plan gains `behaviour`. A plan that changes no
 * workflow costs nothing here (no file is read).
 */
import type { ProjectBuild } from '../../compiler/build.js';
import type { LiveResource } from '../providers/provider.js';
import type { Plan } from '../plan/types.js';
import { changingWorkflows, loadSampleEvents, replayBehaviour } from './replay.js';
import { loadWorkflowTests } from './run-tests.js';

export async function withBehaviour(
  plan: Plan,
  live: readonly LiveResource[],
  build: Pick<ProjectBuild, 'model' | 'resources'>,
  root: string,
): Promise<Plan> {
  if (changingWorkflows(plan.changes).length === 0) return plan;
  const [samples, tests] = await Promise.all([loadSampleEvents(root), loadWorkflowTests(root)]);
  // A test file that does not load is `kac test`'s to report; the plan replays the ones that do.
  const behaviour = await replayBehaviour({ changes: plan.changes, live, build, samples, tests: tests.tests });
  return { ...plan, behaviour };
}
