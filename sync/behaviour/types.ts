/**
 * The behaviour change in a plan, as data (it travels in the JSON plan): per changing workflow, what
 * the recorded sample events and the workflow tests do differently under the desired version.
 */

/** One sample event whose outcome changes. */
export interface EventDifference {
  /** e.g. `call.completed for customer 12345`. */
  event: string;
  /** The sample's file, repo-relative. */
  source: string;
  /** e.g. "the Regal Call card's title becomes `A` (was `B`)". */
  sentences: string[];
}

export interface WorkflowBehaviour {
  workflow: string;
  change: 'create' | 'update' | 'disable';
  /** Sample events this workflow acts on, in either version. */
  sampleEvents: number;
  differences: EventDifference[];
  /** Workflow tests that send an event to it; null when it has none. */
  tests: { total: number; passed: number; nowFailing: string[]; nowPassing: string[] } | null;
}

export interface BehaviourReport {
  /** Every sample event file replayed, repo-relative. */
  samples: string[];
  workflows: WorkflowBehaviour[];
}
