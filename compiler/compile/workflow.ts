/**
 * Pure. WorkflowDefinition → `kustomer.workflow`: Kustomer's workflow JSON (POST /v1/workflows). A hook
 * trigger's eventName holds the hook id as a `<ref:kustomer.hook:NAME:id>` placeholder, resolved by
 * the sync; the workflow depends on that hook and on the Klasses its KObject steps write.
 */
import type { JsonObject, JsonValue } from '../json.js';
import type { Loaded, Model } from '../model/project.js';
import type { StepModel, TransitionModel, Trigger, WorkflowDefinition } from '../model/workflow.js';
import { TRIGGER_STEP_ID } from '../model/workflow.js';
import { refPlaceholder, secretPaths } from '../placeholders.js';
import { compareResources, type Resource, type ResourceRef } from '../resource.js';
import { DEFAULT_APP_VERSIONS, defaultStepAppVersion } from './app-versions.js';
import { compiledDescription, type CompileContext } from './context.js';
import { mergeRaw } from './raw.js';
import { compileCondition, compileValue } from './value.js';

export function compileWorkflows(model: Model, ctx: CompileContext): Resource[] {
  return model.workflows.map((loaded) => compileWorkflow(loaded, ctx));
}

export function compileWorkflow({ definition: wf, file }: Loaded<WorkflowDefinition>, ctx: CompileContext): Resource {
  const description = compiledDescription(wf.description, ctx.namespace, wf.managedMarker);
  const body: JsonObject = {
    name: wf.name,
    ...(description === undefined ? {} : { description }),
    enabled: wf.enabled,
    // `displayName: null` (an imported workflow that has no meta) leaves meta out.
    ...(wf.displayName === null ? {} : { meta: { displayName: wf.displayName ?? wf.name } }),
    trigger: compileTrigger(wf.trigger, wf.triggerTransitions),
    steps: wf.steps.map(compileStep),
    ...(wf.response === undefined ? {} : { response: compileValue(wf.response) as JsonValue }),
  };
  const merged = mergeRaw(body, wf.raw);
  return {
    kind: 'kustomer.workflow',
    key: wf.name,
    body: merged,
    dependsOn: workflowDependencies(wf),
    sensitive: secretPaths(merged),
    source: ctx.sourceOf(wf.site, file),
    ...(wf.renamedFrom ? { renamedFrom: wf.renamedFrom } : {}),
  };
}

/** Kustomer's hook event name for a hook kac manages; the id is known only once the hook exists. */
export function hookEventName(hook: { name: string; type: string }): string {
  return `kustomer.hooks.${hook.type}.${refPlaceholder({ kind: 'kustomer.hook', key: hook.name, field: 'id' })}.receive`;
}

function compileTrigger(trigger: Trigger<unknown, unknown>, transitions: TransitionModel[]): JsonObject {
  const out: JsonObject = { id: TRIGGER_STEP_ID };
  if (trigger?.kind === 'callable') {
    // No eventName: Kustomer derives `kustomer.workflow.<id>.call` from the id (model/inferred-events.ts).
    out.callable = true;
    out.schema = trigger.schema;
    if (trigger.appVersion !== undefined) out.appVersion = trigger.appVersion;
  } else if (trigger?.kind === 'hook') {
    out.eventName = hookEventName(trigger.hook);
    const appVersion = trigger.appVersion === undefined ? DEFAULT_APP_VERSIONS.hookTrigger : trigger.appVersion;
    if (appVersion !== null) out.appVersion = appVersion;
  } else {
    out.eventName = trigger?.eventName ?? '';
    if (trigger?.appVersion !== undefined) out.appVersion = trigger.appVersion;
  }
  if (trigger?.displayName !== undefined) out.meta = { displayName: trigger.displayName };
  out.transitions = transitions.map(compileTransition);
  return mergeRaw(out, trigger?.raw);
}

function compileStep(step: StepModel): JsonObject {
  const action = step.action?.action;
  const out: JsonObject = { id: step.id };
  if (action !== undefined) {
    out.action = action;
    // The step's own option wins (null: none), then the action's, then kac's default for the action.
    const appVersion =
      step.appVersion !== undefined ? step.appVersion : (step.action.appVersion ?? defaultStepAppVersion(action));
    if (appVersion !== undefined && appVersion !== null) out.appVersion = appVersion;
    out.params = (compileValue(step.action.params ?? {}) ?? {}) as JsonValue;
  } else if (typeof step.appVersion === 'string') {
    out.appVersion = step.appVersion; // a branch step's, as real exports carry it
  }
  const meta: JsonObject = {};
  if (step.displayName !== undefined) meta.displayName = step.displayName;
  if (step.description !== undefined) meta.description = step.description;
  if (Object.keys(meta).length > 0) out.meta = meta;
  out.transitions = step.transitions.map(compileTransition);
  out.errorCases = (compileValue(step.errorCases ?? []) ?? []) as JsonValue;
  return mergeRaw(out, step.raw);
}

function compileTransition(t: TransitionModel): JsonObject {
  const out: JsonObject = { target: t.target, condition: compileCondition(t.condition) };
  if (t.label !== undefined) out.meta = { name: t.label };
  return mergeRaw(out, t.raw);
}

function workflowDependencies(wf: WorkflowDefinition): ResourceRef[] {
  const refs = new Map<string, ResourceRef>();
  const add = (ref: ResourceRef) => refs.set(`${ref.kind}:${ref.key}`, ref);
  if (wf.trigger?.kind === 'hook') add({ kind: 'kustomer.hook', key: wf.trigger.hook.name });
  for (const step of wf.steps) {
    if (step.action?.callee !== undefined && step.action.callee !== wf.name)
      add({ kind: 'kustomer.workflow', key: step.action.callee });
    const klass = step.action?.klass?.name;
    if (klass === undefined) continue;
    // The KObject's `custom` mapping needs the attributes, not only the Klass.
    add({ kind: 'kustomer.klass', key: klass });
    add({ kind: 'kustomer.klass-attributes', key: klass });
  }
  return [...refs.values()].sort(compareResources);
}
