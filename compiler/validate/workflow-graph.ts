/**
 * The shape of a workflow's graph: step ids Kustomer can reference, transitions to steps that
 * exist, no loops (Kustomer's save-time loop check refuses them) and no step left unreachable.
 */
import { closest, type Diagnostic } from '../diagnostics.js';
import { TRIGGER_STEP_ID, type WorkflowDefinition } from '../model/workflow.js';
import { diagnostic, didYouMean, type ValidationContext } from './context.js';
import { loops, reachable, type WorkflowGraph } from './graph.js';

/** `/#steps.<id>.<path>` splits on dots, so an id may not hold one. */
const STEP_ID = /^[A-Za-z0-9_-]+$/;

export function validateWorkflowGraph(
  wf: WorkflowDefinition,
  file: string,
  graph: WorkflowGraph,
  ctx: ValidationContext,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ids = new Set<string>();
  for (const step of wf.steps) {
    const at = () => ctx.atText(step.site, file, String(step.id));
    if (step.id === TRIGGER_STEP_ID) {
      out.push(
        diagnostic(
          'workflow/reserved-step-id',
          'error',
          `step id "1" is the trigger's; a step can't use it.`,
          at(),
          'give the step a descriptive id, e.g. "find-customer"',
        ),
      );
    } else if (typeof step.id !== 'string' || !STEP_ID.test(step.id)) {
      out.push(
        diagnostic(
          'workflow/invalid-step-id',
          'error',
          `step id ${JSON.stringify(step.id)} may hold only letters, digits, "_" and "-".`,
          at(),
        ),
      );
    } else if (ids.has(step.id)) {
      out.push(
        diagnostic(
          'workflow/duplicate-step-id',
          'error',
          `step id "${step.id}" is used twice in workflow "${wf.name}".`,
          at(),
          'step ids are stable keys in Kustomer: give each step its own',
        ),
      );
    }
    ids.add(step.id);
  }

  const transitions = [
    ...wf.triggerTransitions.map((t) => ({ from: TRIGGER_STEP_ID, t })),
    ...wf.steps.flatMap((s) => s.transitions.map((t) => ({ from: s.id, t }))),
  ];
  for (const { from, t } of transitions) {
    if (graph.nodes.includes(t.target)) continue;
    const source = from === TRIGGER_STEP_ID ? 'the trigger' : `step "${from}"`;
    out.push(
      diagnostic(
        'workflow/unknown-step',
        'error',
        `${source} has a transition to step "${t.target}", which workflow "${wf.name}" does not define.`,
        ctx.atText(t.site, file, String(t.target)),
        didYouMean(
          closest(
            String(t.target),
            graph.nodes.filter((n) => n !== TRIGGER_STEP_ID),
          ),
        ),
      ),
    );
  }

  for (const { edge, cycle } of loops(graph)) {
    out.push(
      diagnostic(
        'workflow/loop',
        'error',
        `steps ${cycle.map((s) => `"${s}"`).join(' → ')} form a loop; Kustomer refuses to save a workflow with a loop.`,
        ctx.atText(edge.transition.site, file, edge.to),
        'remove this transition, or end the loop in a step with no way back',
      ),
    );
  }

  const live = reachable(graph);
  for (const id of graph.nodes) {
    if (live.has(id)) continue;
    const step = wf.steps.find((s) => s.id === id)!;
    out.push(
      diagnostic(
        'workflow/unreachable-step',
        'warning',
        `step "${id}" is never reached: no transition leads to it from the trigger.`,
        ctx.atText(step.site, file, id),
        `add a transition to it, e.g. trigger.to(...) or <step>.to(...)`,
      ),
    );
  }
  return out;
}
