/**
 * Runs one Kustomer workflow JSON for one trigger event, as Kustomer does: the trigger's output is
 * step `1`; from the trigger, each step's transitions are tried in order and the first whose condition
 * holds picks the next step; each step's output is stored under its id for later references. Never
 * throws for a workflow problem: every failure ends the run as `failed` with the step named.
 * Choosing which workflows run for an event (eventName, `enabled`) is the caller's job.
 */
import { randomBytes } from 'node:crypto';
import type { JsonObject } from '../../../compiler/json.js';
import { runAction } from './actions/index.js';
import { evaluateCondition } from './conditions.js';
import { HostError, type RuntimeHost } from './host.js';
import { DEFAULT_HTTP_TIMEOUT_MS, DEFAULT_MAX_STEPS } from './inferred-semantics.js';
import { WorkflowRunError, type ActionContext, type RunOptions, type StepLog, type WorkflowRunLog } from './types.js';
import { resolveValue, type ValueContext } from './values.js';

/** The trigger's step id, always "1" in Kustomer workflows. */
const TRIGGER_ID = '1';

interface TransitionJson {
  target: string;
  condition: unknown;
  label?: string;
}

interface StepJson {
  id: string;
  action?: string;
  params?: unknown;
  transitions: TransitionJson[];
  errorCases: unknown[];
}

export async function runWorkflow(
  workflow: JsonObject,
  trigger: JsonObject,
  host: RuntimeHost,
  options: RunOptions = {},
): Promise<WorkflowRunLog> {
  const now = options.now ?? (() => host.now());
  const log: WorkflowRunLog = {
    id: randomBytes(12).toString('hex'),
    ...(options.workflowId === undefined ? {} : { workflowId: options.workflowId }),
    workflowName: typeof workflow.name === 'string' ? workflow.name : '',
    startedAt: now().toISOString(),
    finishedAt: '',
    status: 'completed',
    steps: [],
  };
  const finish = (status: WorkflowRunLog['status'], error?: string): WorkflowRunLog => {
    log.status = status;
    if (error !== undefined) log.error = error;
    log.finishedAt = now().toISOString();
    return log;
  };

  let parsed: { triggerTransitions: TransitionJson[]; steps: Map<string, StepJson> };
  try {
    parsed = readWorkflow(workflow);
  } catch (error) {
    return finish('failed', messageOf(error));
  }

  const values: ValueContext = { steps: { [TRIGGER_ID]: trigger }, variables: options.variables ?? {}, now };
  const actionContext: ActionContext = {
    host,
    fetch: options.fetch ?? globalThis.fetch,
    httpTimeoutMs: options.httpTimeoutMs ?? DEFAULT_HTTP_TIMEOUT_MS,
    ...(options.calls ? { calls: options.calls } : {}),
  };
  const maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;

  const triggerLog: StepLog = { id: TRIGGER_ID, output: trigger };
  log.steps.push(triggerLog);
  let next: TransitionJson | undefined;
  try {
    next = chooseTransition(parsed.triggerTransitions, values, parsed.steps);
  } catch (error) {
    triggerLog.error = messageOf(error);
    return finish('failed', `trigger: ${triggerLog.error}`);
  }
  if (!next) return finish('no-match');
  recordTransition(triggerLog, next);

  // Kustomer also stops a run after 5 minutes; the local org bounds runs by step count only.
  let executed = 0;
  while (next) {
    const step = parsed.steps.get(next.target) as StepJson; // chooseTransition checked it exists
    if (executed >= maxSteps) {
      return finish(
        'failed',
        `run stopped after ${maxSteps} steps (maxSteps) before step "${step.id}": the workflow loops`,
      );
    }
    executed += 1;
    const stepLog: StepLog = { id: step.id, ...(step.action ? { action: step.action } : {}) };
    log.steps.push(stepLog);
    try {
      let output: unknown = {};
      if (step.action) {
        const params = resolveValue(step.params ?? {}, values);
        stepLog.params = params;
        output = await runAction(step.action, params, actionContext);
      }
      stepLog.output = output;
      values.steps[step.id] = output;
      next = chooseTransition(step.transitions, values, parsed.steps);
      if (next) recordTransition(stepLog, next);
    } catch (error) {
      stepLog.error = messageOf(error);
      const unsupportedErrorCases =
        step.errorCases.length > 0 ? ' (its errorCases are not interpreted by the local Kustomer org)' : '';
      return finish(
        'failed',
        `step "${step.id}"${step.action ? ` (${step.action})` : ''}: ${stepLog.error}${unsupportedErrorCases}`,
      );
    }
  }
  return finish('completed');
}

/** The first transition whose condition holds; its target must be a step of the workflow. */
function chooseTransition(
  transitions: TransitionJson[],
  values: ValueContext,
  steps: Map<string, StepJson>,
): TransitionJson | undefined {
  for (const [index, transition] of transitions.entries()) {
    const where = `transition ${index + 1}${transition.label ? ` ("${transition.label}")` : ''} to "${transition.target}"`;
    if (!evaluateCondition(transition.condition, values, where)) continue;
    if (!steps.has(transition.target)) {
      throw new WorkflowRunError(`${where} was taken, but the workflow has no step "${transition.target}"`);
    }
    return transition;
  }
  return undefined;
}

function recordTransition(stepLog: StepLog, transition: TransitionJson): void {
  stepLog.next = transition.target;
  if (transition.label !== undefined) stepLog.transitionLabel = transition.label;
}

/** The parts of the workflow JSON the runtime reads, shape-checked so a malformed document fails
 * with a message instead of a TypeError deep in the run. */
function readWorkflow(workflow: JsonObject): { triggerTransitions: TransitionJson[]; steps: Map<string, StepJson> } {
  const trigger = workflow.trigger;
  if (!isObject(trigger)) throw new WorkflowRunError('the workflow has no trigger');
  const triggerTransitions = readTransitions(trigger.transitions, 'trigger');
  const rawSteps = workflow.steps ?? [];
  if (!Array.isArray(rawSteps)) throw new WorkflowRunError('the workflow\'s "steps" is not a list');
  const steps = new Map<string, StepJson>();
  for (const [index, raw] of rawSteps.entries()) {
    if (!isObject(raw) || typeof raw.id !== 'string' || raw.id === '') {
      throw new WorkflowRunError(`steps[${index}] has no id`);
    }
    if (raw.id === TRIGGER_ID || steps.has(raw.id)) throw new WorkflowRunError(`step id "${raw.id}" is used twice`);
    if (raw.action !== undefined && typeof raw.action !== 'string') {
      throw new WorkflowRunError(`step "${raw.id}": action is not a string: ${JSON.stringify(raw.action)}`);
    }
    steps.set(raw.id, {
      id: raw.id,
      ...(raw.action ? { action: raw.action } : {}),
      params: raw.params,
      transitions: readTransitions(raw.transitions, `step "${raw.id}"`),
      errorCases: Array.isArray(raw.errorCases) ? raw.errorCases : [],
    });
  }
  return { triggerTransitions, steps };
}

function readTransitions(raw: unknown, owner: string): TransitionJson[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw new WorkflowRunError(`${owner}: transitions is not a list`);
  return raw.map((t, index) => {
    if (!isObject(t) || typeof t.target !== 'string') {
      throw new WorkflowRunError(`${owner}: transition ${index + 1} has no target: ${JSON.stringify(t)}`);
    }
    const label = isObject(t.meta) && typeof t.meta.name === 'string' ? t.meta.name : undefined;
    return { target: t.target, condition: t.condition, ...(label === undefined ? {} : { label }) };
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function messageOf(error: unknown): string {
  if (error instanceof HostError) return `${error.message} (HTTP ${error.status})`;
  if (error instanceof WorkflowRunError) return error.message;
  // Anything else is a bug in the host or the runtime; keep its class name so it is recognisable.
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
