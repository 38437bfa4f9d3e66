/** Where the Iterable templates' manual side lives in a project, and finding a compiled template by name. */
import { closest } from '../../../compiler/diagnostics.js';
import type { Resource } from '../../../compiler/resource.js';
import { ExitError } from '../../errors.js';

/** The committed record of what was pasted into Iterable. */
export const CONFIRMATIONS_FILE = 'workflows/iterable/confirmations.json';
/** Sample merge contexts for `kac preview <name>`. */
export const SAMPLES_DIR = 'workflows/iterable/samples';

/** The compiled template named `name`, or an ExitError naming the templates there are. */
export function findTemplate(resources: readonly Resource[], name: string): Resource {
  const templates = resources.filter((r) => r.kind === 'iterable.journey-webhook');
  const found = templates.find((r) => r.key === name);
  if (found) return found;
  const suggestion = closest(
    name,
    templates.map((t) => t.key),
  );
  throw new ExitError(
    `no Iterable template named "${name}"`,
    1,
    suggestion ? `did you mean "${suggestion}"?` : `templates: ${templates.map((t) => t.key).join(', ') || '(none)'}`,
  );
}
