/**
 * The actions the local Kustomer org runs, by Kustomer action name. Anything else fails the run: a
 * workflow that the local org cannot run faithfully must say so, never skip a step.
 */
import { WorkflowRunError, type ActionContext } from '../types.js';
import { conversationActions } from './conversation.js';
import { customerActions } from './customer.js';
import { kobjectActions } from './kobject.js';
import type { ActionHandler } from './params.js';
import { regexMatchActions } from './regex-match.js';
import { restApiActions } from './rest-api.js';
import { CALL_ACTION, callWorkflow, workflowActions } from './workflow.js';

const ACTIONS: ReadonlyMap<string, ActionHandler> = new Map(
  Object.entries({
    ...customerActions,
    ...kobjectActions,
    ...conversationActions,
    ...workflowActions,
    ...restApiActions,
    ...regexMatchActions,
  }),
);

/** Every action by name, plus `kustomer.workflow.<id>.call` for any callable workflow. */
export const SUPPORTED_ACTIONS: readonly string[] = [...ACTIONS.keys(), 'kustomer.workflow.<id>.call'].sort();

export async function runAction(action: string, params: unknown, ctx: ActionContext): Promise<unknown> {
  const callee = CALL_ACTION.exec(action)?.[1];
  const handler = ACTIONS.get(action) ?? (callee === undefined ? undefined : callWorkflow(callee));
  if (!handler) throw new WorkflowRunError(`action ${action} is not supported by the local Kustomer org`);
  return handler(params, ctx);
}
