/**
 * A step may only use data that exists when it runs: `/#steps.X...` and `{{{steps.X...}}}` in its
 * compiled params need X to have run on EVERY path from the trigger to the step (X dominates it);
 * its transitions' conditions may also use its own output. Step `1`, the trigger, always ran.
 */
import { closest, type Diagnostic } from '../diagnostics.js';
import type { JsonValue } from '../json.js';
import { mapStrings } from '../placeholders.js';
import type { CallSite } from '../model/site.js';
import { TRIGGER_STEP_ID, type TransitionModel, type WorkflowDefinition } from '../model/workflow.js';
import { compileCondition } from '../compile/value.js';
import { diagnostic, didYouMean, type ValidationContext } from './context.js';
import { dominators, pathAvoiding, type WorkflowGraph } from './graph.js';

const WHOLE_VALUE_REF = /^\/#steps\.([A-Za-z0-9_-]+)/;
const TEMPLATE = /\{\{\{?([^}]*)\}?\}\}/g;
const TEMPLATE_STEP = /(?:^|[\s(=])steps\.([A-Za-z0-9_-]+)/g;

/** The step ids a compiled value reads, in order of appearance, each once. */
export function findStepRefs(value: JsonValue): string[] {
  const found = new Set<string>();
  mapStrings(value, (s) => {
    const whole = WHOLE_VALUE_REF.exec(s);
    if (whole) found.add(whole[1]!);
    for (const block of s.matchAll(TEMPLATE)) for (const m of block[1]!.matchAll(TEMPLATE_STEP)) found.add(m[1]!);
    return s;
  });
  return [...found];
}

export function validateWorkflowRefs(
  wf: WorkflowDefinition,
  file: string,
  graph: WorkflowGraph,
  ctx: ValidationContext,
): Diagnostic[] {
  const dom = dominators(graph);
  const out: Diagnostic[] = [];
  const check = (user: string, used: string[], site: CallSite | undefined, ownOutputReady: boolean, where: string) => {
    const always = dom.get(user);
    if (!always) return; // unreachable: reported by the graph rules
    for (const ref of used) {
      if (ref === TRIGGER_STEP_ID || (ref === user && ownOutputReady) || (ref !== user && always.has(ref))) continue;
      const at = ctx.at(site, file);
      if (!graph.nodes.includes(ref)) {
        out.push(
          diagnostic(
            'workflow/unknown-step-ref',
            'error',
            `${where} uses the output of step "${ref}", which workflow "${wf.name}" does not define.`,
            at,
            didYouMean(closest(ref, graph.nodes)),
          ),
        );
      } else if (ref === user) {
        out.push(
          diagnostic(
            'workflow/ref-not-run',
            'error',
            `${where} uses its own output, which does not exist until the step has run.`,
            at,
            "use it in a later step, or in a condition on this step's transitions",
          ),
        );
      } else {
        const path = pathAvoiding(graph, user, ref);
        out.push(
          diagnostic(
            'workflow/ref-not-run',
            'error',
            `${where} uses the output of step "${ref}", which does not run on every path to it.`,
            at,
            path && path.length > 1
              ? `"${ref}" is skipped on the path ${path.join(' → ')}`
              : `"${ref}" has not run yet when this is evaluated`,
          ),
        );
      }
    }
  };

  const conditionRefs = (t: TransitionModel) => findStepRefs(compileCondition(t.condition));
  wf.triggerTransitions.forEach((t) =>
    check(
      TRIGGER_STEP_ID,
      conditionRefs(t),
      t.site,
      true,
      `the condition of the trigger's transition to "${t.target}"`,
    ),
  );
  const seen = new Set<string>();
  for (const step of wf.steps) {
    if (seen.has(step.id)) continue;
    seen.add(step.id);
    check(step.id, findStepRefs(ctx.params(step).value), step.site, false, `step "${step.id}"`);
    for (const t of step.transitions)
      check(
        step.id,
        conditionRefs(t),
        t.site,
        true,
        `the condition of the transition from "${step.id}" to "${t.target}"`,
      );
  }
  return out;
}
