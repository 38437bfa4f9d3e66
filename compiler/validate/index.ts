/**
 * Model → every Diagnostic (never only the first), sorted by file, line, column and code. One
 * validator per definition kind plus the rules all kinds share; a new kind adds one VALIDATORS entry.
 */
import { compareDiagnostics, type Diagnostic } from '../diagnostics.js';
import { createLocator, type Locator } from '../load/locate.js';
import type { Model } from '../model/project.js';
import { createValidationContext, type ValidationContext } from './context.js';
import { validateHooks } from './hook.js';
import { validateKlasses } from './klass.js';
import { validateNames } from './names.js';
import { validateOutboundWebhooks } from './outbound-webhook.js';
import { validateWorkflows } from './workflow.js';
import { validateIterableWebhooks } from './iterable.js';
import { validateStandardAttributes, validateStandardMappings } from './standard-attributes.js';

export type KindValidator = (model: Model, ctx: ValidationContext) => Diagnostic[];

/** One validator per kind, run in this order; each returns every problem it finds. */
export const VALIDATORS: KindValidator[] = [
  validateNames,
  validateKlasses,
  validateHooks,
  validateWorkflows,
  validateOutboundWebhooks,
  validateIterableWebhooks,
  validateStandardAttributes,
  validateStandardMappings,
];

export interface ValidateOptions {
  /** Finds a node in the author's file; default: ts-morph over the files under model.root. */
  locator?: Locator;
}

export function validateProject(model: Model, options: ValidateOptions = {}): Diagnostic[] {
  const ctx = createValidationContext(model, options.locator ?? createLocator(model.root));
  return uniqueDiagnostics(VALIDATORS.flatMap((validate) => validate(model, ctx))).sort(compareDiagnostics);
}

/**
 * One line per problem. A recipe repeats what it builds: one KObject step per path (15 in the Regal
 * recipe), one workflow per event file. Their diagnostics are located at the same author's node, with
 * messages that differ only in the step or workflow they name: one mistake, reported once, saying how
 * many more steps or workflows the same call made with it.
 */
function uniqueDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const groups = new Map<string, { first: Diagnostic; steps: Set<string>; workflows: Set<string> }>();
  for (const d of diagnostics) {
    const step = STEP_SUBJECT.exec(d.message)?.[1];
    const workflow = WORKFLOW_SUBJECT.exec(d.message)?.[1];
    const message = d.message.replace(STEP_SUBJECT, 'step ""').replace(WORKFLOW_SUBJECT, 'workflow ""');
    const key = JSON.stringify([d.code, d.severity, message, d.location, d.hint]);
    const group = groups.get(key) ?? { first: d, steps: new Set<string>(), workflows: new Set<string>() };
    if (step !== undefined) group.steps.add(step);
    if (workflow !== undefined) group.workflows.add(workflow);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ first, steps, workflows }) => {
    const more = [count(steps.size - 1, 'step'), count(workflows.size - 1, 'workflow')].filter(Boolean);
    if (more.length === 0) return first;
    const message = `${first.message.replace(/\.$/, '')} (the same in ${more.join(' and ')} built by this call).`;
    return { ...first, message };
  });
}

/** The step or workflow a message is about: its first `step "…"` and `workflow "…"`. */
const STEP_SUBJECT = /\bstep "([^"]*)"/;
const WORKFLOW_SUBJECT = /\bworkflow "([^"]*)"/;

function count(n: number, noun: string): string {
  return n <= 0 ? '' : `${n} more ${noun}${n === 1 ? '' : 's'}`;
}
