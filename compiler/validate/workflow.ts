/**
 * Workflow rules: the steps callback ran, the trigger names a hook the project defines, params are
 * JSON, condition ops are known, credentials are secrets; then KObject steps, the graph and the
 * references between steps (their own files).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closest, type Diagnostic } from '../diagnostics.js';
import { formatJsonPath } from '../json.js';
import { KNOWN_CONDITION_OPS, type Condition } from '../model/condition.js';
import type { Loaded, Model } from '../model/project.js';
import type { StepModel, TransitionModel, WorkflowDefinition } from '../model/workflow.js';
import type { SourceLocation } from '../resource.js';
import { diagnostic, didYouMean, type ValidationContext } from './context.js';
import { isLiteralCredential, secretHint } from './credentials.js';
import { buildGraph } from './graph.js';
import { validateKObjectStep } from './workflow-kobject.js';
import { validateWorkflowGraph } from './workflow-graph.js';
import { validatePayloadRefs } from './workflow-payload-refs.js';
import { validateWorkflowRefs } from './workflow-refs.js';

export function validateWorkflows(model: Model, ctx: ValidationContext): Diagnostic[] {
  return model.workflows.flatMap((loaded) => validateWorkflow(loaded, ctx));
}

function validateWorkflow({ definition: wf, file }: Loaded<WorkflowDefinition>, ctx: ValidationContext): Diagnostic[] {
  const out: Diagnostic[] = [...validateTrigger(wf, file, ctx)];
  if (wf.buildError) {
    // The graph is whatever was built before the throw: checking it would only add noise.
    out.push(
      diagnostic(
        'workflow/build-failed',
        'error',
        `the steps of workflow "${wf.name}" threw: ${wf.buildError.message}`,
        errorSite(wf.buildError, ctx, file) ?? ctx.at(wf.site, file),
      ),
    );
    return out;
  }
  for (const step of wf.steps) out.push(...validateStep(wf, step, file, ctx));
  const transitions = [...wf.triggerTransitions, ...wf.steps.flatMap((s) => s.transitions)];
  for (const t of transitions) out.push(...validateCondition(t, file, ctx));
  const graph = buildGraph(wf);
  out.push(
    ...validateWorkflowGraph(wf, file, graph, ctx),
    ...validateWorkflowRefs(wf, file, graph, ctx),
    ...validatePayloadRefs(wf, file, ctx),
  );
  return out;
}

function validateTrigger(wf: WorkflowDefinition, file: string, ctx: ValidationContext): Diagnostic[] {
  const trigger = wf.trigger;
  const at = () => ctx.at(wf.site, file);
  if (trigger?.kind === 'hook') {
    const hooks = ctx.model.hooks;
    const hook = trigger.hook;
    if (hooks.some((h) => h.definition === hook || h.definition.name === hook?.name)) return [];
    return [
      diagnostic(
        'workflow/unknown-hook',
        'error',
        `workflow "${wf.name}" is triggered by hook "${hook?.name}", which no file under klasses/ or workflows/ exports.`,
        at(),
        didYouMean(
          closest(
            String(hook?.name),
            hooks.map((h) => h.definition.name),
          ),
        ) ?? 'export the hook from its file (export default defineHook(...)) so kac creates it',
      ),
    ];
  }
  if (trigger?.kind === 'event' && typeof trigger.eventName === 'string' && trigger.eventName.trim() !== '') return [];
  if (trigger?.kind === 'callable' && typeof trigger.schema === 'object' && trigger.schema !== null) {
    const props = (trigger.schema as { properties?: object }).properties ?? {};
    const required = (trigger.schema as { required?: unknown }).required;
    const missing = Array.isArray(required) ? required.filter((r) => typeof r !== 'string' || !(r in props)) : [];
    return missing.map((name) =>
      diagnostic(
        'workflow/unknown-required-input',
        'error',
        `workflow "${wf.name}" requires input "${String(name)}", which its schema's properties do not declare.`,
        at(),
        'declare it under properties, or drop it from required',
      ),
    );
  }
  return [
    diagnostic(
      'workflow/invalid-trigger',
      'error',
      `workflow "${wf.name}" has no trigger kac understands.`,
      at(),
      "use onHook(hook), onEvent('kustomer.conversation.create') or onCall(schema)",
    ),
  ];
}

function validateStep(wf: WorkflowDefinition, step: StepModel, file: string, ctx: ValidationContext): Diagnostic[] {
  const at = () => ctx.at(step.site, file);
  if (typeof step.action !== 'object' || step.action === null) {
    return [
      diagnostic(
        'workflow/invalid-step',
        'error',
        `step "${step.id}" has no action.`,
        at(),
        'pass an action, e.g. customer.findByExternalId(...), or branch() for a condition-only step',
      ),
    ];
  }
  const out: Diagnostic[] = [];
  const callee = step.action.callee;
  if (callee !== undefined) {
    const target = ctx.model.workflows.find((w) => w.definition.name === callee)?.definition;
    if (!target)
      out.push(
        diagnostic(
          'workflow/unknown-callee',
          'error',
          `step "${step.id}" calls workflow "${callee}", which no file under workflows/ exports.`,
          at(),
          didYouMean(
            closest(
              callee,
              ctx.model.workflows.map((w) => w.definition.name),
            ),
          ) ?? 'export the called workflow from its file so kac creates it first',
        ),
      );
    else if (target.trigger?.kind !== 'callable')
      out.push(
        diagnostic(
          'workflow/callee-not-callable',
          'error',
          `step "${step.id}" calls workflow "${callee}", whose trigger is not onCall(...).`,
          at(),
          'give the called workflow an onCall(schema) trigger',
        ),
      );
  }
  for (const { path, problem } of ctx.params(step).issues) {
    const key = [...path].reverse().find((k): k is string => typeof k === 'string');
    out.push(
      diagnostic(
        'workflow/invalid-param',
        'error',
        `step "${step.id}" param "${formatJsonPath(path)}": ${problem}.`,
        key ? ctx.atText(step.site, file, key) : at(),
      ),
    );
  }
  const headers = step.action.params?.headers;
  if (typeof headers === 'object' && headers !== null) {
    for (const [name, value] of Object.entries(headers)) {
      if (!isLiteralCredential(name, value)) continue;
      out.push(
        diagnostic(
          'workflow/literal-credential',
          'error',
          `step "${step.id}" sends header "${name}" with a credential written in the repo.`,
          ctx.atText(step.site, file, name),
          secretHint(String(value), `${wf.name}-${step.id}`),
        ),
      );
    }
  }
  out.push(...validateKObjectStep(step, file, ctx));
  return out;
}

function validateCondition(t: TransitionModel, file: string, ctx: ValidationContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const visit = (c: Condition) => {
    if (typeof c !== 'object' || c === null || typeof c.op !== 'string') {
      out.push(
        diagnostic(
          'workflow/invalid-condition',
          'error',
          `the transition to "${t.target}" has a condition without an op.`,
          ctx.at(t.site, file),
          'use when.eq(...), when.exists(...) or when.raw(op, values)',
        ),
      );
      return;
    }
    if (!(KNOWN_CONDITION_OPS as readonly string[]).includes(c.op)) {
      out.push(
        diagnostic(
          'workflow/unknown-condition-op',
          'warning',
          `the transition to "${t.target}" uses condition op "${c.op}", which kac does not know; Kustomer may refuse it.`,
          ctx.atText(t.site, file, c.op),
          didYouMean(closest(c.op, KNOWN_CONDITION_OPS)),
        ),
      );
    }
    if ((c.op === 'and' || c.op === 'or') && Array.isArray(c.values)) for (const v of c.values) visit(v as Condition);
  };
  visit(t.condition);
  return out;
}

/** Where in the workflow's file the steps callback threw, from the error's stack. */
function errorSite(error: Error, ctx: ValidationContext, file: string): SourceLocation | undefined {
  const abs = resolve(ctx.model.root, file);
  for (const m of (error.stack ?? '').matchAll(/((?:file:\/\/)?\/[^\s():]+):(\d+):(\d+)/g)) {
    const path = m[1]!.startsWith('file://') ? fileURLToPath(m[1]!) : m[1]!;
    if (path === abs) return { file, line: Number(m[2]), column: Number(m[3]) };
  }
  return undefined;
}
