/**
 * The workflow engine of the local org: decides which workflows run and runs them. Standard events
 * queued by the store (`kustomer.customer.update` ...) and hook posts run every enabled workflow whose
 * trigger names the event; callable workflows run when a step calls them (`kustomer.workflow.<id>.call`)
 * or `POST /v1/workflows/{id}/call`; scheduled calls run when the org's clock reaches them
 * (`runDueSchedules`, driven by the server's timer or a test's fake clock). Every run is recorded.
 * Chains are bounded by MAX_EVENT_DEPTH (inferred-semantics.ts).
 */
import type { JsonObject } from '../../../compiler/json.js';
import type { OrgEvent } from '../store/events.js';
import type { Row, ScheduledCall, StoredRun } from '../store/state.js';
import type { RuntimeHost } from './host.js';
import { calleeResponse, isCallable, MAX_EVENT_DEPTH } from './inferred-semantics.js';
import { runWorkflow } from './run.js';
import { WorkflowRunError, type RunOptions, type WorkflowCalls, type WorkflowRunLog } from './types.js';

/** The runtime's entry, injectable (tests of the plumbing replace it). */
export type WorkflowRunner = (
  workflow: JsonObject,
  trigger: JsonObject,
  host: RuntimeHost,
  options?: RunOptions,
) => Promise<WorkflowRunLog>;

/** What the engine needs from the store (LocalStore implements it). */
export interface EngineStore extends RuntimeHost {
  forDepth(depth: number): RuntimeHost;
  takeEvent(): OrgEvent | undefined;
  enabledWorkflowsFor(eventName: string): Row[];
  workflowById(id: string): Row | undefined;
  recordRun(run: StoredRun): void;
  scheduleCall(call: Omit<ScheduledCall, 'id'>): ScheduledCall;
  takeDueCalls(now: Date): ScheduledCall[];
  newId(): string;
  isoNow(): string;
}

export interface EngineOptions {
  run?: WorkflowRunner;
  /** The fetch `kustomer.rest-api.json` steps use. */
  fetch?: typeof fetch;
  maxDepth?: number;
}

export interface CallResult {
  log: WorkflowRunLog;
  response: Record<string, unknown>;
}

export class WorkflowEngine {
  private readonly run: WorkflowRunner;
  private readonly maxDepth: number;

  constructor(
    private readonly store: EngineStore,
    private readonly options: EngineOptions = {},
  ) {
    this.run = options.run ?? runWorkflow;
    this.maxDepth = options.maxDepth ?? MAX_EVENT_DEPTH;
  }

  /** Runs every enabled workflow triggered by `eventName` (in parallel, as Kustomer does) and records each run. */
  async dispatch(eventName: string, trigger: JsonObject, depth = 0, hookId?: string): Promise<WorkflowRunLog[]> {
    const workflows = this.store.enabledWorkflowsFor(eventName);
    const logs = await Promise.all(
      workflows.map((w) =>
        depth > this.maxDepth
          ? Promise.resolve(
              this.refused(
                w,
                `not run: ${eventName} is ${depth} events deep, beyond the local org's limit of ${this.maxDepth} (a loop between workflows?)`,
              ),
            )
          : this.runOne(w, trigger, depth),
      ),
    );
    for (const log of logs) this.store.recordRun({ ...(hookId ? { hookId } : {}), eventName, depth, log });
    return logs;
  }

  /** Runs queued standard events (and the events their runs raise) until none is left. */
  async settle(): Promise<void> {
    for (let event = this.store.takeEvent(); event; event = this.store.takeEvent()) {
      await this.dispatch(event.name, event.payload, event.depth);
    }
  }

  /** Runs a callable workflow now with `inputs` as its step `1`; throws (a WorkflowRunError) when it can't or it failed. */
  async call(workflowId: string, inputs: Record<string, unknown>, depth = 0): Promise<CallResult> {
    const row = this.callable(workflowId);
    if (typeof row === 'string') throw new WorkflowRunError(row);
    const name = String(row.attributes.name);
    const eventName = `kustomer.workflow.${workflowId}.call`;
    const log =
      depth > this.maxDepth
        ? this.refused(
            row,
            `not run: the call is ${depth} levels deep, beyond the local org's limit of ${this.maxDepth}`,
          )
        : await this.runOne(row, inputs as JsonObject, depth);
    this.store.recordRun({ eventName, depth, log });
    if (log.status !== 'completed')
      throw new WorkflowRunError(
        `called workflow "${name}" ${log.status === 'no-match' ? 'ran no step (no trigger transition held)' : `failed: ${log.error ?? 'unknown error'}`}`,
      );
    return { log, response: calleeResponse(row.attributes, log.steps.at(-1)?.output) };
  }

  /** Runs every scheduled call that is due by the store's clock, earliest first, then what they raised. */
  async runDueSchedules(): Promise<number> {
    const due = this.store.takeDueCalls(this.store.now());
    for (const scheduled of due) {
      const row = this.callable(scheduled.workflowId);
      if (typeof row === 'string') {
        // Nobody waits for a scheduled call's answer: the refusal is recorded as its run.
        const now = this.store.isoNow();
        const log: WorkflowRunLog = {
          id: this.store.newId(),
          workflowId: scheduled.workflowId,
          workflowName: '',
          startedAt: now,
          finishedAt: now,
          status: 'failed',
          steps: [],
          error: `scheduled call not run: ${row}`,
        };
        this.store.recordRun({ eventName: `kustomer.workflow.${scheduled.workflowId}.call`, depth: 0, log });
        continue;
      }
      // A failing run is recorded by call(); the schedule has no caller to tell.
      await this.call(scheduled.workflowId, scheduled.inputs, 0).catch(() => undefined);
    }
    // Only when something ran: the server's timer must not run events a request is about to settle.
    if (due.length > 0) await this.settle();
    return due.length;
  }

  private async runOne(row: Row, trigger: JsonObject, depth: number): Promise<WorkflowRunLog> {
    const startedAt = this.store.isoNow();
    try {
      return await this.run({ ...row.attributes, id: row.id }, trigger, this.store.forDepth(depth + 1), {
        workflowId: row.id,
        calls: this.callsAt(depth, row.id),
        ...(this.options.fetch ? { fetch: this.options.fetch } : {}),
      });
    } catch (error) {
      // The runtime reports failures in its log; a throw is its bug, kept visible in the run log.
      const message = error instanceof Error ? error.message : String(error);
      return {
        id: this.store.newId(),
        workflowId: row.id,
        workflowName: String(row.attributes.name),
        startedAt,
        finishedAt: this.store.isoNow(),
        status: 'failed',
        steps: [],
        error: `runtime error: ${message}`,
      };
    }
  }

  /** Calls and schedules made by a run at `depth`. */
  private callsAt(depth: number, callerId: string): WorkflowCalls {
    return {
      call: async (workflowId, inputs) => (await this.call(workflowId, inputs, depth + 1)).response,
      schedule: (workflowId, inputs, runAt) => {
        if (!this.store.workflowById(workflowId))
          throw new WorkflowRunError(`kustomer.app.scheduler.schedule-workflow: workflow ${workflowId} does not exist`);
        const call = this.store.scheduleCall({
          workflowId,
          inputs: inputs as JsonObject,
          runAt: runAt.toISOString(),
          scheduledBy: callerId,
        });
        return { id: call.id, workflowId, runAt: call.runAt };
      },
    };
  }

  private refused(row: Row, error: string): WorkflowRunLog {
    const now = this.store.isoNow();
    return {
      id: this.store.newId(),
      workflowId: row.id,
      workflowName: String(row.attributes.name),
      startedAt: now,
      finishedAt: now,
      status: 'failed',
      steps: [],
      error,
    };
  }

  /** The workflow when it can be called, else why not. */
  private callable(workflowId: string): Row | string {
    const row = this.store.workflowById(workflowId);
    if (!row) return `workflow ${workflowId} does not exist`;
    const name = String(row.attributes.name);
    if (!isCallable(workflowId, row.attributes))
      return `workflow "${name}" (${workflowId}) is not callable (its trigger is not callable: true)`;
    if (row.attributes.enabled !== true) return `workflow "${name}" (${workflowId}) is disabled`;
    return row;
  }
}
