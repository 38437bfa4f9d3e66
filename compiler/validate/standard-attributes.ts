/**
 * Standard-object attribute rules: a known standard object, one definition per object, every
 * attribute inside kac's ownership rule (the namespace's prefix), and the Klass attribute rules
 * (kinds, camelCase keys, suffixes, dropdown options) for each attribute. And in workflows: a
 * `custom` mapping into a standard object names only attributes kac defines there, among the ones
 * kac owns (types catch this with customOf; plain mappings, JS and casts don't).
 */
import { closest, type Diagnostic } from '../diagnostics.js';
import { attributeApiName, type AttributeDefinition } from '../model/klass.js';
import type { Loaded, Model } from '../model/project.js';
import type { SourceLocation } from '../resource.js';
import {
  attributePrefix,
  ownsAttribute,
  STANDARD_OBJECTS,
  type StandardAttributesDefinition,
} from '../model/standard-attributes.js';
import { diagnostic, didYouMean, quotedList, type ValidationContext } from './context.js';
import { validateAttribute } from './klass.js';
import { suggestAttribute } from './workflow-kobject.js';

export function validateStandardAttributes(model: Model, ctx: ValidationContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const first = new Map<string, Loaded<StandardAttributesDefinition>>();
  for (const loaded of model.standardAttributes ?? []) {
    const { definition: def, file } = loaded;
    const object = def.object as string;
    if (!(STANDARD_OBJECTS as readonly string[]).includes(object)) {
      out.push(
        diagnostic(
          'standard-attributes/unknown-object',
          'error',
          `"${String(object)}" is not a standard object with custom attributes.`,
          ctx.atText(def.site, file, String(object)),
          `use ${quotedList(STANDARD_OBJECTS)}; a custom object type is a Klass (defineKlass)`,
        ),
      );
      continue;
    }
    const earlier = first.get(object);
    if (earlier) {
      const at = ctx.atText(earlier.definition.site, earlier.file, object);
      out.push(
        diagnostic(
          'standard-attributes/duplicate-object',
          'error',
          `attributes of "${object}" are already defined at ${at.file}:${at.line}:${at.column}.`,
          ctx.atText(def.site, file, object),
          "define each standard object's attributes once (spread shared attribute sets into it)",
        ),
      );
    } else first.set(object, loaded);
    if (typeof def.attributes !== 'object' || def.attributes === null) {
      out.push(
        diagnostic(
          'standard-attributes/invalid-attributes',
          'error',
          `the attributes of "${object}" are not an object.`,
          ctx.at(def.site, file),
        ),
      );
      continue;
    }
    for (const [key, attr] of Object.entries(def.attributes)) {
      const at = () => ctx.atText(def.site, file, key);
      out.push(...validateAttribute(key, attr, at, ctx));
      out.push(...validateOwnership(object, key, attr, model.namespace, at));
    }
  }
  return out;
}

function validateOwnership(
  object: string,
  key: string,
  attr: AttributeDefinition,
  namespace: string,
  at: () => SourceLocation,
): Diagnostic[] {
  if (typeof attr !== 'object' || attr === null || typeof attr.kind !== 'string') return [];
  const apiName = attributeApiName(key, attr);
  if (ownsAttribute(apiName, namespace)) return [];
  const prefix = attributePrefix(namespace);
  // `regalvoiceScore` → `regalVoiceScore`: a prefix in the wrong case is corrected, not doubled.
  const rest =
    key.toLowerCase().startsWith(prefix.toLowerCase()) && key.length > prefix.length ? key.slice(prefix.length) : key;
  const suggestion = prefix + rest[0]!.toUpperCase() + rest.slice(1);
  return [
    diagnostic(
      'standard-attributes/outside-namespace',
      'error',
      `attribute "${key}" of "${object}" is outside the namespace "${namespace}": kac manages only ${object} attributes whose names start with "${prefix}" and a capital letter or digit.`,
      at(),
      `rename it "${suggestion}"; attributes without the prefix belong to someone else and kac never touches them`,
    ),
  ];
}

/** `kustomer.customer.update`, `kustomer.conversation.create` …: the actions that write a standard object's `custom`. */
const STANDARD_WRITE = new RegExp(`^kustomer\\.(${STANDARD_OBJECTS.join('|')})\\.(create|update)$`);

export function validateStandardMappings(model: Model, ctx: ValidationContext): Diagnostic[] {
  const defined = new Map<string, string[]>();
  for (const { definition } of model.standardAttributes ?? []) {
    if (typeof definition.attributes !== 'object' || definition.attributes === null) continue;
    const names = Object.entries(definition.attributes)
      .filter(([, attr]) => typeof attr === 'object' && attr !== null && typeof attr.kind === 'string')
      .map(([key, attr]) => attributeApiName(key, attr));
    defined.set(definition.object, [...(defined.get(definition.object) ?? []), ...names]);
  }
  const out: Diagnostic[] = [];
  for (const { definition: wf, file } of model.workflows) {
    if (wf.buildError) continue;
    for (const step of wf.steps) {
      const object = STANDARD_WRITE.exec(step.action?.action ?? '')?.[1];
      const custom = step.action?.params?.custom;
      if (object === undefined || typeof custom !== 'object' || custom === null) continue;
      const names = defined.get(object) ?? [];
      for (const name of Object.keys(custom)) {
        // Someone else's attribute: kac writes values into it, never defines it.
        if (!ownsAttribute(name, model.namespace) || names.includes(name)) continue;
        const hint =
          names.length === 0
            ? `define it: defineAttributes('${object}', { … })`
            : didYouMean(suggestAttribute(name, names) ?? closest(name, names));
        out.push(
          diagnostic(
            'workflow/unknown-attribute',
            'error',
            `custom mapping "${name}" is not an attribute kac defines on ${object}.`,
            ctx.atText(step.site, file, name),
            hint ?? `add it to defineAttributes('${object}', { … })`,
          ),
        );
      }
    }
  }
  return out;
}
