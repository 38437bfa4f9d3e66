/**
 * Iterable payload rules: every merge field is declared (profile fields, plus the triggering event's
 * dataFields), every string is valid Handlebars, the contact has a phone (legacy shape) or a phone
 * or email (keyed shape), opt-ins have channel and subscribed, and booleans are not merge fields.
 */
import { closest, type Diagnostic } from '../diagnostics.js';
import { scanMergeFields } from '../iterable/merge-fields.js';
import type { IterableWebhookDefinition } from '../model/iterable.js';
import { isMergeValue, type MergeValue } from '../model/iterable-merge.js';
import type { Loaded } from '../model/project.js';
import type { SourceLocation } from '../resource.js';
import { diagnostic, didYouMean, type ValidationContext } from './context.js';

export const FIELDS_SCHEMA_FILE = 'workflows/iterable/fields.schema.json';
type Path = (string | number)[];
type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v) && !isMergeValue(v);

/** `traits.optIn[0].subscribed`, `traits.phones["{{phoneNumber}}"].isPrimary`. */
export function formatPath(path: Path): string {
  return path
    .map((k) => (typeof k === 'number' ? `[${k}]` : /^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`))
    .join('')
    .replace(/^\./, '');
}

export function validateIterableBody(
  { definition: wh, file }: Loaded<IterableWebhookDefinition>,
  ctx: ValidationContext,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const site = ctx.at(wh.site, file);
  const body = wh.body;
  if (!isObj(body)) {
    return [
      diagnostic(
        'iterable/invalid-body',
        'error',
        `the body of "${wh.name}" must return an object (Regal's event JSON).`,
        site,
      ),
    ];
  }
  // A merge value's own call site is exact (`field('x')`, `field.event.x`); raw strings are found by text.
  const at = (value: unknown, text: string | undefined): SourceLocation => {
    const from = isMergeValue(value) ? ctx.at(value.site, file) : site;
    return text === undefined ? from : ctx.refine(from, text);
  };

  // Merge fields and template syntax, in every string: values and keys (a phone number key).
  const event = wh.trigger?.kind === 'custom-event' ? wh.trigger.event : undefined;
  const declared = [...(wh.fields?.profile ?? []), ...(event ? (wh.fields?.events?.[event] ?? []) : [])];
  const scope = event ? `Iterable profile field or dataField of "${event}"` : 'Iterable profile field';
  const reported = new Set<string>();
  const checkText = (text: string, owner: unknown, path: Path) => {
    if (!text.includes('{{')) return;
    const scan = scanMergeFields(text);
    if (!scan.ok) {
      out.push(
        diagnostic(
          'iterable/template-syntax',
          'error',
          `${formatPath(path) || 'the body'} of "${wh.name}" is not a valid Handlebars template: ${scan.error.message}`,
          at(owner, isMergeValue(owner) ? undefined : text),
        ),
      );
      return;
    }
    for (const name of scan.fields) {
      if (declared.includes(name) || reported.has(`${name}@${formatPath(path)}`)) continue;
      reported.add(`${name}@${formatPath(path)}`);
      out.push(
        diagnostic(
          'iterable/undeclared-field',
          'error',
          `merge field "${name}" in ${formatPath(path)} of "${wh.name}" is not a declared ${scope}.`,
          at(owner, isMergeValue(owner) ? undefined : text),
          didYouMean(closest(name, declared)) ?? `declare it in ${FIELDS_SCHEMA_FILE}`,
        ),
      );
    }
  };
  const walk = (value: unknown, path: Path) => {
    if (isMergeValue(value)) return checkText(value.template, value, path);
    if (typeof value === 'string') return checkText(value, value, path);
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, [...path, i]));
    if (isObj(value)) {
      for (const [k, v] of Object.entries(value)) {
        checkText(k, k, [...path, k]);
        walk(v, [...path, k]);
      }
    }
  };
  walk(body, []);

  // Identity: the shape decides what Regal needs.
  const traits = body.traits;
  const traitsAt = ctx.atText(wh.site, file, 'traits');
  const keyed = isObj(traits) && ('phones' in traits || 'emails' in traits);
  if (keyed) {
    const count = (v: unknown) => (isObj(v) ? Object.keys(v).length : 0);
    if (count(traits.phones) + count(traits.emails) === 0) {
      out.push(
        diagnostic(
          'iterable/missing-phone',
          'error',
          `traits.phones and traits.emails of "${wh.name}" are both empty: Regal needs at least one phone or email to identify the contact.`,
          traitsAt,
          "key a phone by its merge field: phones: { [`${field('phoneNumber')}`]: { isPrimary: true } }",
        ),
      );
    }
  } else if (!isObj(traits) || traits.phone === undefined || traits.phone === '') {
    out.push(
      diagnostic(
        'iterable/missing-phone',
        'error',
        `the body of "${wh.name}" has no traits.phone: Regal's legacy payload (phone, email, optIn) requires the contact's phone.`,
        isObj(traits) ? traitsAt : site,
        "add traits.phone: field('phoneNumber'), or use the keyed traits.phones / traits.emails",
      ),
    );
  }

  // Opt-ins and the boolean positions.
  const optIns: { value: unknown; path: Path; needsChannel: boolean }[] = [];
  const flags: { value: unknown; path: Path }[] = [];
  if (isObj(traits)) {
    if (Array.isArray(traits.optIn))
      traits.optIn.forEach((v, i) => optIns.push({ value: v, path: ['traits', 'optIn', i], needsChannel: true }));
    for (const [list, keys] of [
      ['phones', ['voiceOptIn', 'smsOptIn']],
      ['emails', ['emailOptIn']],
    ] as const) {
      const entries = traits[list];
      if (!isObj(entries)) continue;
      for (const [id, entry] of Object.entries(entries)) {
        if (!isObj(entry)) continue;
        if ('isPrimary' in entry) flags.push({ value: entry.isPrimary, path: ['traits', list, id, 'isPrimary'] });
        for (const key of keys)
          if (key in entry) optIns.push({ value: entry[key], path: ['traits', list, id, key], needsChannel: false });
      }
    }
  }
  for (const { value, path, needsChannel } of optIns) {
    const entry = isObj(value) ? value : {};
    const missing = [
      needsChannel && entry.channel === undefined ? 'channel' : undefined,
      entry.subscribed === undefined ? 'subscribed' : undefined,
    ].filter((m): m is string => m !== undefined);
    if (missing.length > 0) {
      const needs = needsChannel ? 'channel and subscribed on every opt-in entry' : 'subscribed on every opt-in';
      out.push(
        diagnostic(
          'iterable/incomplete-opt-in',
          'error',
          `${formatPath(path)} of "${wh.name}" has no ${missing.map((m) => `"${m}"`).join(' or ')}: Regal requires ${needs}.`,
          ctx.atText(wh.site, file, needsChannel ? 'optIn' : String(path[3])),
        ),
      );
    }
    if ('subscribed' in entry) flags.push({ value: entry.subscribed, path: [...path, 'subscribed'] });
  }
  for (const { value, path } of flags) out.push(...checkFlag(value, path, wh.name, (v, t) => at(v, t)));
  return out;
}

function checkFlag(
  value: unknown,
  path: Path,
  name: string,
  at: (v: unknown, text: string | undefined) => SourceLocation,
): Diagnostic[] {
  if (typeof value === 'boolean') return [];
  const template = isMergeValue(value)
    ? (value as MergeValue).template
    : typeof value === 'string' && value.includes('{{')
      ? value
      : undefined;
  if (template !== undefined) {
    const scan = scanMergeFields(template);
    const field = scan.ok ? scan.fields[0] : undefined;
    return [
      diagnostic(
        'iterable/merge-field-boolean',
        'warning',
        `${formatPath(path)} of "${name}" is the merge field ${template}: Iterable renders it as the string "true" or "false", not a JSON boolean.`,
        at(value, isMergeValue(value) ? undefined : template),
        `split the journey on ${field ?? 'the field'} (Yes/No) into two webhooks that send literal true and false`,
      ),
    ];
  }
  return [
    diagnostic(
      'iterable/invalid-value',
      'error',
      `${formatPath(path)} of "${name}" is ${JSON.stringify(value)}; Regal expects true or false.`,
      at(value, undefined),
    ),
  ];
}
