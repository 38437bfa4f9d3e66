/**
 * The runtime's data: the run log it returns (what Kustomer's workflow logger shows per run), the
 * options a caller passes, and the error that ends a run.
 */
import type { RuntimeHost } from './host.js';

export interface WorkflowRunLog {
  id: string;
  workflowId?: string;
  workflowName: string;
  startedAt: string;
  finishedAt: string;
  /** `no-match`: no trigger transition held (e.g. the event-name check failed); nothing ran. */
  status: 'completed' | 'failed' | 'no-match';
  /** The trigger (id "1", output = the trigger payload) first, then each step in the order it ran. */
  steps: StepLog[];
  error?: string;
}

export interface StepLog {
  id: string;
  action?: string;
  /** Params after every reference and template was resolved. */
  params?: unknown;
  output?: unknown;
  error?: string;
  /** The step the first holding transition leads to; absent when the run ends here. */
  next?: string;
  /** That transition's `meta.name`, e.g. "On Success". */
  transitionLabel?: string;
}

export interface RunOptions {
  workflowId?: string;
  /** Used by `kustomer.rest-api.json`; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Steps a run may execute before it fails as a loop (default DEFAULT_MAX_STEPS). */
  maxSteps?: number;
  /** The run's clock (startedAt, finishedAt, `{{date}}`); defaults to host.now(). */
  now?: () => Date;
  /** Workflow variables by id, for `{{{variables.<id>}}}` (Kustomer stores them beside the workflow). */
  variables?: Record<string, string>;
  /** Timeout of one `kustomer.rest-api.json` call (default DEFAULT_HTTP_TIMEOUT_MS). */
  httpTimeoutMs?: number;
  /** Other workflows, for call and schedule actions; given by the engine (engine.ts). */
  calls?: WorkflowCalls;
}

/** What a run may do with other workflows of its org. */
export interface WorkflowCalls {
  /** Runs the callable workflow with these inputs now and returns its response. */
  call(workflowId: string, inputs: Record<string, unknown>): Promise<unknown>;
  /** Queues a call for `runAt` (the org's clock decides when it is due). */
  schedule(
    workflowId: string,
    inputs: Record<string, unknown>,
    runAt: Date,
  ): { id: string; workflowId: string; runAt: string };
}

/** What an action sees besides its params. */
export interface ActionContext {
  host: RuntimeHost;
  fetch: typeof fetch;
  httpTimeoutMs: number;
  calls?: WorkflowCalls;
}

/** Ends the run as `failed`. The message names the step and what went wrong, in workflow terms. */
export class WorkflowRunError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkflowRunError';
  }
}
