/**
 * Actions that reach other workflows: calling a callable workflow (`kustomer.workflow.<id>.call`,
 * params = the callee's inputs; output = the callee's response) and the scheduler app's
 * `kustomer.app.scheduler.schedule-workflow` (`{runAt: {value, type}, workflowId, inputs}`), plus
 * `kustomer.transform.generic`. The engine that owns the workflows does the work (ActionContext.calls);
 * `runWorkflow` alone, without an engine, fails these steps by name.
 */
import { callInputs, scheduledTime, transformOutput } from '../inferred-semantics.js';
import { WorkflowRunError, type ActionContext } from '../types.js';
import { asParams, optionalRecord, requireString, type ActionHandler } from './params.js';

const SCHEDULE = 'kustomer.app.scheduler.schedule-workflow';
const TRANSFORM = 'kustomer.transform.generic';

/** `kustomer.workflow.<id>.call` → the callee's id. */
export const CALL_ACTION = /^kustomer\.workflow\.([^.]+)\.call$/;

function calls(ctx: ActionContext, action: string) {
  if (!ctx.calls)
    throw new WorkflowRunError(
      `${action}: this run has no workflow engine to reach other workflows (run it through the local org)`,
    );
  return ctx.calls;
}

export const callWorkflow =
  (workflowId: string): ActionHandler =>
  async (raw, ctx) => {
    const action = `kustomer.workflow.${workflowId}.call`;
    return calls(ctx, action).call(workflowId, callInputs(asParams(raw, action)));
  };

export const workflowActions: Record<string, ActionHandler> = {
  [SCHEDULE]: (raw, ctx) => {
    const params = asParams(raw, SCHEDULE);
    const workflowId = requireString(params, 'workflowId', SCHEDULE);
    const runAt = scheduledTime(params.runAt, ctx.host.now(), SCHEDULE);
    const inputs = optionalRecord(params, 'inputs', SCHEDULE) ?? {};
    return calls(ctx, SCHEDULE).schedule(workflowId, inputs, runAt);
  },

  [TRANSFORM]: (raw) => transformOutput(asParams(raw, TRANSFORM)),
};
