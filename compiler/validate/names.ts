/**
 * Names every managed kind shares rules for: present, inside the config's namespace (`<ns>-` or
 * `<ns>_`: kac never touches anything else), and unique per kind (Kustomer's system names are).
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
}

const NAMED_KINDS: NamedKind[] = [
  { area: 'klass', noun: 'Klass', list: (m) => m.klasses },
  { area: 'hook', noun: 'hook', list: (m) => m.hooks },
  { area: 'workflow', noun: 'workflow', list: (m) => m.workflows },
  { area: 'outbound-webhook', noun: 'outbound webhook', list: (m) => m.outboundWebhooks },
];

export function validateNames(model: Model, ctx: ValidationContext): Diagnostic[] {
  return NAMED_KINDS.flatMap((kind) => validateKindNames(kind, model, ctx));
}

function validateKindNames({ area, noun, list }: NamedKind, model: Model, ctx: ValidationContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const first = new Map<string, Loaded<Named>>();
  for (const loaded of list(model)) {
    const { definition: def, file } = loaded;
    if (typeof def.name !== 'string' || def.name.trim() === '') {
      out.push(diagnostic(`${area}/invalid-name`, 'error', `the ${noun} has no name.`, ctx.at(def.site, file), 'give it a `name` starting with the namespace'));
      continue;
    }
    const name = def.name;
    // Locating reads the file (ts-morph): only when there is something to report.
    const where = () => ctx.atText(def.site, file, name);
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
