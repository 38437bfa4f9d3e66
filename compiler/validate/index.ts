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

/** One line per problem: a recipe that repeats a step (one KObject step per path) repeats its mistakes. */
function uniqueDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = JSON.stringify([d.code, d.severity, d.message, d.location, d.hint]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
