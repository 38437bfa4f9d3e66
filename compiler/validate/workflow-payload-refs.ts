/**
 * References into a typed payload, checked against its JSON Schema without TypeScript: every
 * `/#steps.1.…` and `{{{steps.1.…}}}` in a step's compiled params and in transition conditions is a
 * path the schema must have (else an error with a did-you-mean), and a whole-value reference mapped
 * into a KObject attribute must have a JSON type the attribute holds (a string into a …Num, a number
 * into an …At). The check a JSON-only author (an imported workflow, `action()` params) gets too,
 * wherever the trigger or its hook names a schema (`payloadOf<T>(schema)`).
 */
import { closest, type Diagnostic } from '../diagnostics.js';
import type { JsonValue } from '../json.js';
import { compileCondition } from '../compile/value.js';
import { attributeApiName, type AttributeDefinition } from '../model/klass.js';
import type { JsonSchema } from '../model/payload.js';
import { mapStrings } from '../placeholders.js';
import type { CallSite } from '../model/site.js';
import type { StepModel, WorkflowDefinition } from '../model/workflow.js';
import { diagnostic, didYouMean, type ValidationContext } from './context.js';
import { lookupSchemaPath } from './payload-schema.js';

const WHOLE_VALUE = /^\/#steps\.1((?:\.[^.]+)*)$/;
const TEMPLATE_BLOCK = /\{\{\{?([^}]*)\}?\}\}/g;
const TEMPLATE_PATH = /(?:^|[\s(=])steps\.1((?:\.(?:\[[^\]]*\]|[^\s.()[\]]+))*)/g;

/** What each attribute kind holds, in JSON Schema types (`null` always fits: "no value"). */
const HOLDS: Record<AttributeDefinition['kind'], { types: string[]; name: string }> = {
  string: { types: ['string'], name: 'a string attribute (…Str)' },
  text: { types: ['string'], name: 'a text attribute (…Txt)' },
  number: { types: ['number', 'integer'], name: 'a number attribute (…Num)' },
  date: { types: ['string'], name: 'a date attribute (…At, an ISO 8601 string)' },
  boolean: { types: ['boolean'], name: 'a boolean attribute (…Bool)' },
  url: { types: ['string'], name: 'a URL attribute (…Url)' },
  reference: { types: ['string'], name: 'a reference attribute (…Id)' },
  dropdown: { types: ['string'], name: 'a dropdown attribute (…Str)' },
};

interface PayloadScope {
  schema: JsonSchema;
  /** Where the payload sits in step 1's output: `attributes.data` for a hook transaction. */
  prefix: readonly string[];
}

export function validatePayloadRefs(wf: WorkflowDefinition, file: string, ctx: ValidationContext): Diagnostic[] {
  const scope = payloadScope(wf);
  if (!scope) return [];
  const out: Diagnostic[] = [];
  const checkValue = (value: JsonValue, site: CallSite | undefined) => {
    mapStrings(value, (s) => {
      for (const path of payloadPaths(s, scope)) out.push(...checkPath(path, s, scope, site, file, ctx));
      return s;
    });
  };
  for (const t of wf.triggerTransitions) checkValue(compileCondition(t.condition), t.site);
  const seen = new Set<string>();
  for (const step of wf.steps) {
    if (seen.has(step.id)) continue;
    seen.add(step.id);
    checkValue(ctx.params(step).value, step.site);
    for (const t of step.transitions) checkValue(compileCondition(t.condition), t.site);
    out.push(...checkAttributeTypes(step, scope, file, ctx));
  }
  return out;
}

function payloadScope(wf: WorkflowDefinition): PayloadScope | undefined {
  const trigger = wf.trigger;
  if (!trigger) return undefined;
  const schema = trigger.payload?.schema ?? (trigger.kind === 'hook' ? trigger.hook?.payload?.schema : undefined);
  if (schema === undefined) return undefined;
  return { schema, prefix: trigger.kind === 'hook' ? ['attributes', 'data'] : [] };
}

/** The payload paths (segments after the prefix) a compiled string reads. */
function payloadPaths(s: string, scope: PayloadScope): string[][] {
  const raw: string[][] = [];
  const whole = WHOLE_VALUE.exec(s);
  if (whole) raw.push(segmentsOf(whole[1]!));
  for (const block of s.matchAll(TEMPLATE_BLOCK))
    for (const m of block[1]!.matchAll(TEMPLATE_PATH)) raw.push(segmentsOf(m[1]!));
  return raw.flatMap((segments) =>
    scope.prefix.every((p, i) => segments[i] === p) ? [segments.slice(scope.prefix.length)] : [],
  );
}

function segmentsOf(dotted: string): string[] {
  return dotted
    .split('.')
    .filter((s) => s !== '')
    .map((s) => (s.startsWith('[') && s.endsWith(']') ? s.slice(1, -1) : s));
}

function checkPath(
  path: string[],
  written: string,
  scope: PayloadScope,
  site: CallSite | undefined,
  file: string,
  ctx: ValidationContext,
): Diagnostic[] {
  const found = lookupSchemaPath(scope.schema, path);
  if (found.kind !== 'unknown') return [];
  const wrong = path[found.index]!;
  const field = path.slice(0, found.index + 1).join('.');
  const near = closest(wrong, found.known);
  // The author wrote `event.properties.cal_id` (find the segment) or the step path itself (find the string).
  const named = ctx.findText(site, file, wrong, { access: true, orBefore: true });
  const at = named ? ctx.refine(named, written) : ctx.atText(site, file, written);
  return [
    diagnostic(
      'workflow/unknown-payload-field',
      'error',
      `the payload field "${field}" is not in the payload's JSON Schema.`,
      at,
      didYouMean(near === undefined ? undefined : [...path.slice(0, found.index), near].join('.')) ??
        (found.known.length > 0
          ? `the fields there are ${found.known.map((k) => `"${k}"`).join(', ')}`
          : 'add the field to the schema first, then regenerate its type (npm run generate)'),
    ),
  ];
}

/** A whole-value payload reference in `custom` must have a JSON type the attribute holds. */
function checkAttributeTypes(step: StepModel, scope: PayloadScope, file: string, ctx: ValidationContext): Diagnostic[] {
  const klass = step.action?.klass;
  const custom = ctx.params(step).value.custom;
  if (!klass || typeof custom !== 'object' || custom === null || Array.isArray(custom)) return [];
  const attributes = new Map(
    Object.entries(klass.attributes ?? {}).map(([key, attr]) => [attributeApiName(key, attr), attr]),
  );
  const out: Diagnostic[] = [];
  for (const [name, value] of Object.entries(custom)) {
    const attr = attributes.get(name);
    if (!attr || typeof value !== 'string' || !WHOLE_VALUE.test(value)) continue;
    const [path] = payloadPaths(value, scope);
    if (!path) continue;
    const found = lookupSchemaPath(scope.schema, path);
    if (found.kind !== 'found' || found.types === undefined) continue;
    const holds = HOLDS[attr.kind];
    const misfits = found.types.filter((t) => t !== 'null' && !holds.types.includes(t));
    if (misfits.length === 0) continue;
    out.push(
      diagnostic(
        'workflow/attribute-type',
        'error',
        `custom mapping "${name}" is ${holds.name}, but the payload field "${path.join('.')}" is ${typeList(found.types)} in the payload's JSON Schema.`,
        ctx.atText(step.site, file, name, { orBefore: true }),
        holds.types.includes('string')
          ? 'map it into an attribute of its type, or make it text with a template: `${…}`'
          : 'map it into an attribute of its type',
      ),
    );
  }
  return out;
}

function typeList(types: readonly string[]): string {
  const names = types
    .map((t) => (t === 'integer' ? 'number' : t))
    .filter((t, i, all) => all.indexOf(t) === i)
    .sort((a, b) => Number(a === 'null') - Number(b === 'null'));
  const article = (t: string) => (t === 'null' ? 'null' : `${/^[aeiou]/.test(t) ? 'an' : 'a'} ${t}`);
  return names.length === 1
    ? article(names[0]!)
    : `${names.slice(0, -1).map(article).join(', ')} or ${article(names.at(-1)!)}`;
}
