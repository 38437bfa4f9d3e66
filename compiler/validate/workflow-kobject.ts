/**
 * KObject steps: a Klass kac manages, the fields Kustomer requires (customer, title), and a `custom`
 * mapping whose names are the Klass's attributes and whose literals fit them. Types prevent most of
 * this; plain JS and casts don't. Long free text mapped into Str/Txt attributes is a warning.
 */
import { closest, type Diagnostic } from '../diagnostics.js';
import type { JsonValue } from '../json.js';
import { attributeApiName, type AttributeDefinition, type KlassDefinition } from '../model/klass.js';
import type { StepModel } from '../model/workflow.js';
import type { SourceLocation } from '../resource.js';
import { diagnostic, didYouMean, type ValidationContext } from './context.js';
import { LONG_VALUE_FIELDS, longValueSources, STRING_ATTRIBUTE_MAX_LENGTH } from './long-values.js';
import { isInNamespace } from './names.js';

export const KOBJECT_ACTIONS = [
  'kustomer.kobject.create-with-customer',
  'kustomer.kobject.create',
  'kustomer.kobject.update',
];
const CREATES = ['kustomer.kobject.create-with-customer', 'kustomer.kobject.create'];

export function validateKObjectStep(step: StepModel, file: string, ctx: ValidationContext): Diagnostic[] {
  const action = step.action?.action;
  if (action === undefined || !KOBJECT_ACTIONS.includes(action)) return [];
  const params = step.action.params ?? {};
  const at = () => ctx.at(step.site, file);
  const out: Diagnostic[] = [];

  if (action === 'kustomer.kobject.create-with-customer' && isMissing(params.customer)) {
    out.push(
      diagnostic(
        'workflow/kobject-without-customer',
        'error',
        `step "${step.id}" creates a KObject on a customer's timeline but names no customer.`,
        at(),
        'pass `customer: <step>.out.id`, e.g. from a customer lookup',
      ),
    );
  }
  if (CREATES.includes(action) && isMissing(params.title)) {
    out.push(
      diagnostic(
        'workflow/kobject-without-title',
        'error',
        `step "${step.id}" creates a KObject without a title; Kustomer requires one (the card's headline).`,
        at(),
        'pass `title`, e.g. `Call ${event.properties.call_id}`',
      ),
    );
  }

  const klass = klassOf(step, ctx);
  if (klass.problem) {
    out.push(klass.problem(at()));
    return out;
  }
  if (klass.definition) out.push(...validateCustomMapping(step, klass.definition, file, ctx));
  return out;
}

function klassOf(
  step: StepModel,
  ctx: ValidationContext,
): { definition?: KlassDefinition; problem?: (at: SourceLocation) => Diagnostic } {
  const { klasses, namespace } = ctx.model;
  const names = klasses.map((k) => k.definition.name);
  const given = step.action.klass;
  const klassName = given?.name ?? step.action.params?.klassName;
  if (typeof klassName !== 'string' || klassName === '') {
    return {
      problem: (at) =>
        diagnostic(
          'workflow/kobject-without-klass',
          'error',
          `step "${step.id}" writes a KObject but names no Klass.`,
          at,
          'use kobject.createWithCustomer(klass, { ... })',
        ),
    };
  }
  const found = klasses.find((k) => k.definition === given) ?? klasses.find((k) => k.definition.name === klassName);
  if (found) return { definition: found.definition };
  // A Klass outside the namespace may exist in the org without kac: only a managed name must be defined here.
  if (given === undefined && !isInNamespace(klassName, namespace)) return {};
  return {
    problem: (at) =>
      diagnostic(
        'workflow/unknown-klass',
        'error',
        `step "${step.id}" uses Klass "${klassName}", which no file under klasses/ or workflows/ exports.`,
        at,
        didYouMean(closest(klassName, names)) ??
          'export it from its file (export default defineKlass(...)) so kac creates it',
      ),
  };
}

function validateCustomMapping(
  step: StepModel,
  klass: KlassDefinition,
  file: string,
  ctx: ValidationContext,
): Diagnostic[] {
  const custom = step.action.params?.custom;
  if (typeof custom !== 'object' || custom === null) return [];
  const attributes = new Map<string, AttributeDefinition>(
    Object.entries(klass.attributes ?? {}).map(([key, attr]) => [attributeApiName(key, attr), attr]),
  );
  const out: Diagnostic[] = [];
  const compiledCustom = ctx.params(step).value.custom as Record<string, JsonValue> | undefined;
  for (const name of Object.keys(custom)) {
    // `orBefore`: a mapping built before the step call (shared by steps) is reported once, at its key.
    const at = () => ctx.atText(step.site, file, name, { orBefore: true });
    const attr = attributes.get(name);
    if (!attr) {
      out.push(
        diagnostic(
          'workflow/unknown-attribute',
          'error',
          `custom mapping "${name}" is not an attribute of Klass "${klass.name}".`,
          at(),
          didYouMean(suggestAttribute(name, [...attributes.keys()])),
        ),
      );
      continue;
    }
    const compiled = compiledCustom?.[name];
    if (compiled === undefined || compiled === null) continue;
    const mismatch = literalMismatch(attr, compiled);
    if (mismatch)
      out.push(diagnostic('workflow/attribute-value', 'error', `custom mapping "${name}" ${mismatch}.`, at()));
    if (attr.kind === 'string' || attr.kind === 'text') {
      for (const source of longValueSources(compiled)) {
        out.push(
          diagnostic(
            'workflow/long-value',
            'warning',
            `custom mapping "${name}" takes ${source}, which may exceed the ${STRING_ATTRIBUTE_MAX_LENGTH.toLocaleString('en-US')} characters a ${attributeApiName('', attr)} attribute holds.`,
            at(),
            `keep long text in the KObject's \`data\`; ${LONG_VALUE_FIELDS.map((f) => `"${f}"`).join(', ')} fields can be long`,
          ),
        );
      }
    }
  }
  return out;
}

/** Only literals are checked: references and templates are typed by TypeScript, not knowable here. */
function literalMismatch(attr: AttributeDefinition, value: JsonValue): string | undefined {
  if (typeof value === 'string' && (value.startsWith('/#') || value.includes('{{'))) return undefined;
  const expected = { number: 'number', boolean: 'boolean' }[attr.kind as string] ?? 'string';
  if (typeof value !== expected) return `is ${JSON.stringify(value)}, but the attribute holds a ${expected}`;
  if (attr.kind === 'dropdown' && attr.options && !attr.options.includes(value as string)) {
    return `is "${String(value)}", which is not one of the dropdown's options (${attr.options.map((o) => `"${o}"`).join(', ')})`;
  }
  return undefined;
}

/** The closest name; else the Klass's only attribute of the same type (`callDurationNum` → `talkTimeNum`). */
export function suggestAttribute(name: string, apiNames: readonly string[]): string | undefined {
  const near = closest(name, apiNames);
  if (near !== undefined) return near;
  const suffix = /[A-Z][a-z]*$/.exec(name)?.[0];
  const sameType =
    suffix === undefined
      ? []
      : apiNames.filter((n) => n.endsWith(suffix) && /[a-z0-9]/.test(n[n.length - suffix.length - 1] ?? ''));
  return sameType.length === 1 ? sameType[0] : undefined;
}

function isMissing(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}
