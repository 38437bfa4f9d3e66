/**
 * Names every managed kind shares rules for: present, made of the characters Kustomer allows (and
 * never a path: names become file names on import and in dist/), inside the config's namespace
 * (`<ns>-` or `<ns>_`: kac never touches anything else), and unique per kind (Kustomer's system names are).
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Loaded, Model } from '../model/project.js';
import type { CallSite } from '../model/site.js';
import { diagnostic, type ValidationContext } from './context.js';

interface Named {
  name?: unknown;
  site?: CallSite;
}

interface NamedKind {
  area: string;
  noun: string;
  list: (model: Model) => Loaded<Named>[];
  chars: NameCharacters;
}

interface NameCharacters {
  pattern: RegExp;
  /** The rule in words, for the diagnostic. */
  says: string;
  /** Characters outside the rule, replaced in the hint. */
  outside: RegExp;
}

/** Confirmed (kustomer-api.md, Klass "Key fields"): letters, digits, `_` and `-`. */
const KLASS_CHARS: NameCharacters = {
  pattern: /^[A-Za-z0-9_-]+$/,
  says: 'letters, digits, "_" and "-"',
  outside: /[^A-Za-z0-9_-]+/g,
};
/**
 * Inferred: Kustomer's docs give no character rule for workflow, hook and outbound-webhook names; its
 * own example webhook is "Conversation sync". kac allows ASCII letters, digits, space and `_ - . : ( )`
 * (what the UI's names use), and never `/`, `\`, `..`, control characters or other symbols (emoji):
 * they would make unsafe or colliding file names on import and in dist/.
 */
const SYSTEM_NAME_CHARS: NameCharacters = {
  pattern: /^[A-Za-z0-9 _.:()-]+$/,
  says: 'letters, digits, spaces and "_ - . : ( )"',
  outside: /[^A-Za-z0-9 _.:()-]+/g,
};
const MAX_NAME_LENGTH = 255;

const NAMED_KINDS: NamedKind[] = [
  { area: 'klass', noun: 'Klass', list: (m) => m.klasses, chars: KLASS_CHARS },
  { area: 'hook', noun: 'hook', list: (m) => m.hooks, chars: SYSTEM_NAME_CHARS },
  { area: 'workflow', noun: 'workflow', list: (m) => m.workflows, chars: SYSTEM_NAME_CHARS },
  { area: 'outbound-webhook', noun: 'outbound webhook', list: (m) => m.outboundWebhooks, chars: SYSTEM_NAME_CHARS },
];

export function validateNames(model: Model, ctx: ValidationContext): Diagnostic[] {
  return NAMED_KINDS.flatMap((kind) => validateKindNames(kind, model, ctx));
}

function validateKindNames({ area, noun, list, chars }: NamedKind, model: Model, ctx: ValidationContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const first = new Map<string, Loaded<Named>>();
  for (const loaded of list(model)) {
    const { definition: def, file } = loaded;
    if (typeof def.name !== 'string' || def.name.trim() === '') {
      out.push(
        diagnostic(
          `${area}/invalid-name`,
          'error',
          `the ${noun} has no name.`,
          ctx.at(def.site, file),
          'give it a `name` starting with the namespace',
        ),
      );
      continue;
    }
    const name = def.name;
    // Locating reads the file (ts-morph): only when there is something to report.
    const where = () => ctx.atText(def.site, file, name);
    const problem = nameProblem(name, chars);
    if (problem) {
      out.push(
        diagnostic(
          `${area}/invalid-name`,
          'error',
          `${noun} name ${JSON.stringify(name)} ${problem}.`,
          where(),
          `try "${validNameLike(name, model.namespace, chars)}"`,
        ),
      );
      continue;
    }
    if (!isInNamespace(name, model.namespace)) {
      out.push(
        diagnostic(
          `${area}/outside-namespace`,
          'error',
          `${noun} name "${name}" is outside the namespace "${model.namespace}": it must start with "${model.namespace}-" or "${model.namespace}_".`,
          where(),
          `rename it "${namespaced(name, model.namespace)}"; kac only manages names in its namespace`,
        ),
      );
    }
    const earlier = first.get(name);
    if (earlier) {
      const at = ctx.atText(earlier.definition.site, earlier.file, name);
      out.push(
        diagnostic(
          `${area}/duplicate-name`,
          'error',
          `${noun} name "${name}" is already defined at ${at.file}:${at.line}:${at.column}.`,
          where(),
          `names are unique per kind in a Kustomer org; rename one of them`,
        ),
      );
    } else first.set(name, loaded);
  }
  return out;
}

export function isInNamespace(name: string, namespace: string): boolean {
  return name.startsWith(`${namespace}-`) || name.startsWith(`${namespace}_`);
}

/** `call` → `regal-call`; `regal call` → `regal-call`. */
function namespaced(name: string, namespace: string): string {
  const rest = name.startsWith(namespace) ? name.slice(namespace.length).replace(/^[^A-Za-z0-9]+/, '') : name;
  return `${namespace}-${rest}`;
}

/** Why `name` is not a name Kustomer (and a file system) takes, or undefined when it is. */
export function nameProblem(name: string, chars: NameCharacters = SYSTEM_NAME_CHARS): string | undefined {
  if (name.includes('..')) return 'contains ".." (names become file names; a path is never a name)';
  if (name !== name.trim()) return 'starts or ends with a space';
  if (!chars.pattern.test(name)) {
    const bad = [...new Set(name.match(chars.outside)?.join('') ?? '')].map((c) =>
      /[\x00-\x1f\x7f]/.test(c)
        ? `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
        : JSON.stringify(c),
    );
    return `may hold only ${chars.says} (found ${bad.join(', ')})`;
  }
  return undefined;
}

/** A suggestion that passes every rule above, namespace included. */
export function validNameLike(name: string, namespace: string, chars: NameCharacters = SYSTEM_NAME_CHARS): string {
  let cleaned = name
    .replace(chars.outside, '-')
    .replace(/\.{2,}/g, '-')
    .replace(/-{2,}/g, '-')
    .trim()
    .replace(/^[-. ]+|[-. ]+$/g, '');
  if (!isInNamespace(cleaned, namespace)) cleaned = namespaced(cleaned, namespace).replace(/-+$/, '');
  return cleaned.slice(0, MAX_NAME_LENGTH).replace(/[-. ]+$/, '');
}

export const KLASS_NAME_CHARACTERS = KLASS_CHARS;
