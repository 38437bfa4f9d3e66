/**
 * The workflow runtime of the local Kustomer org: `runWorkflow(workflow, trigger, host)` runs one
 * Kustomer workflow JSON for one event against a RuntimeHost (the store) and returns its run log.
 */
export { runWorkflow } from './run.js';
export type { WorkflowRunLog, StepLog, RunOptions } from './types.js';
export { HostError } from './host.js';
export type { RuntimeHost, CustomerRecord, KObjectRecord } from './host.js';
export { CONDITION_OPS } from './conditions.js';
export { SUPPORTED_ACTIONS } from './actions/index.js';
