/**
 * Klass rules (the name's characters are checked with every kind's in names.ts): attribute keys
 * (camelCase, no other kind's type suffix: kac adds the kind's own unless the key already ends with it),
 * known attribute kinds, reference targets, dropdown options, colour.
 */
import type { Diagnostic } from '../diagnostics.js';
import { ATTRIBUTE_SUFFIX, type AttributeDefinition, type KlassDefinition } from '../model/klass.js';
import type { Loaded, Model } from '../model/project.js';
import type { SourceLocation } from '../resource.js';
import { diagnostic, type ValidationContext } from './context.js';

const ATTRIBUTE_KEY = /^[a-z][A-Za-z0-9]*$/;
const COLOR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

/** A key ending in one of these would get a second suffix (`talkTimeNum` → `talkTimeNumNum`). */
const SUFFIX_KIND: Record<string, string> = Object.fromEntries(
  Object.entries(ATTRIBUTE_SUFFIX)
    .filter(([kind]) => kind !== 'dropdown')
    .map(([kind, suffix]) => [suffix, kind]),
);

export function validateKlasses(model: Model, ctx: ValidationContext): Diagnostic[] {
  return model.klasses.flatMap((loaded) => validateKlass(loaded, ctx));
}

function validateKlass({ definition: klass, file }: Loaded<KlassDefinition>, ctx: ValidationContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (klass.color !== undefined && !(typeof klass.color === 'string' && COLOR.test(klass.color))) {
    out.push(
      diagnostic(
        'klass/invalid-color',
        'error',
        `Klass colour ${JSON.stringify(klass.color)} is not a hex colour.`,
        ctx.atText(klass.site, file, 'color'),
        'write it like "#2E7D32"',
      ),
    );
  }
  if (typeof klass.attributes !== 'object' || klass.attributes === null) {
    out.push(
      diagnostic(
        'klass/invalid-attributes',
        'error',
        `Klass "${klass.name}" has no attributes object.`,
        ctx.at(klass.site, file),
        'write `attributes: {}` for a Klass without custom attributes',
      ),
    );
    return out;
  }
  for (const [key, attr] of Object.entries(klass.attributes)) {
    out.push(...validateAttribute(key, attr, () => ctx.atText(klass.site, file, key), ctx));
  }
  return out;
}

/** `at` is lazy: locating reads the file, and most attributes have nothing to report. Shared with standard-object attributes. */
export function validateAttribute(
  key: string,
  attr: AttributeDefinition,
  at: () => SourceLocation,
  ctx: ValidationContext,
): Diagnostic[] {
  if (typeof attr !== 'object' || attr === null || !(attr.kind in ATTRIBUTE_SUFFIX)) {
    const kind = typeof attr === 'object' && attr !== null ? JSON.stringify(attr.kind) : typeof attr;
    return [
      diagnostic(
        'klass/invalid-attribute',
        'error',
        `attribute "${key}" has a kind Kustomer does not know (${kind}).`,
        at(),
        'use attribute.string(), .text(), .number(), .date(), .boolean(), .url(), .reference() or .dropdown()',
      ),
    ];
  }
  const out: Diagnostic[] = [];
  if (!ATTRIBUTE_KEY.test(key)) {
    out.push(
      diagnostic(
        'klass/invalid-attribute-key',
        'error',
        `attribute key "${key}" must be camelCase letters and digits.`,
        at(),
        `write it "${camelCase(key)}"`,
      ),
    );
  } else {
    const suffix = typeSuffixOf(key);
    // `callId` as a string is an identifier, not a reference: only a reference would double `Id`.
    // A key ending in its own kind's suffix is the API name as is (model/klass.ts attributeApiName).
    if (
      suffix !== undefined &&
      suffix !== ATTRIBUTE_SUFFIX[attr.kind] &&
      (suffix !== 'Id' || attr.kind === 'reference')
    ) {
      const base = key.slice(0, -suffix.length);
      const call =
        attr.kind === 'reference' ? `attribute.reference('${attr.target ?? '…'}')` : `attribute.${attr.kind}()`;
      out.push(
        diagnostic(
          'klass/attribute-key-suffix',
          'error',
          `attribute key "${key}" already ends in the type suffix "${suffix}"; its Kustomer name would be "${key}${ATTRIBUTE_SUFFIX[attr.kind]}".`,
          at(),
          `write \`${base}: ${call}\`; the suffix is added`,
        ),
      );
    }
  }
  if (attr.kind === 'reference' && (typeof attr.target !== 'string' || attr.target === '')) {
    out.push(
      diagnostic(
        'klass/reference-without-target',
        'error',
        `reference attribute "${key}" names no target.`,
        at(),
        "write attribute.reference('customer') or attribute.reference('kobject.<klass>')",
      ),
    );
  }
  if (attr.kind === 'dropdown') out.push(...validateOptions(key, attr.options, at, ctx));
  return out;
}

function validateOptions(
  key: string,
  options: readonly string[] | undefined,
  at: () => SourceLocation,
  ctx: ValidationContext,
): Diagnostic[] {
  if (!Array.isArray(options) || options.length === 0) {
    return [
      diagnostic(
        'klass/dropdown-without-options',
        'error',
        `dropdown attribute "${key}" has no options.`,
        at(),
        "list them: attribute.dropdown(['won', 'lost'])",
      ),
    ];
  }
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const option of options) {
    if (!seen.has(option)) {
      seen.add(option);
      continue;
    }
    const first = ctx.refine(at(), option);
    const again = ctx.refine({ ...first, column: first.column + 1 }, option);
    out.push(
      diagnostic(
        'klass/dropdown-duplicate-option',
        'error',
        `dropdown attribute "${key}" lists the option "${option}" twice.`,
        again,
        'remove the repeated option',
      ),
    );
  }
  return out;
}

function typeSuffixOf(key: string): string | undefined {
  return Object.keys(SUFFIX_KIND).find(
    (suffix) =>
      key.length > suffix.length && key.endsWith(suffix) && /[a-z0-9]/.test(key[key.length - suffix.length - 1]!),
  );
}

function camelCase(key: string): string {
  const words = key.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = words
    .map((w, i) => (i === 0 ? w[0]!.toLowerCase() + w.slice(1) : w[0]!.toUpperCase() + w.slice(1)))
    .join('');
  return /^[a-z]/.test(joined) ? joined : `a${joined}`;
}
