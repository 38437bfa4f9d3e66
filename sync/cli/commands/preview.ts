/**
 * `kac preview <name> [--sample file.json]`: renders an Iterable template's body with sample data
 * through Handlebars and Iterable's helpers, prints what Iterable would send, and fails (exit 1)
 * when it is not JSON or not a valid Regal event. Default sample: workflows/iterable/samples/<name>.json.
 */
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { hasErrors } from '../../../compiler/diagnostics.js';
import { closest } from '../../../compiler/diagnostics.js';
import { previewIterableBody } from '../../../compiler/iterable/preview.js';
import type { Resource } from '../../../compiler/resource.js';
import { DiagnosticsError, ExitError } from '../../errors.js';
import type { RegisterCommand } from './index.js';
import { buildForCli, renderDiagnostic } from './validate.js';

export const SAMPLES_DIR = 'workflows/iterable/samples';

/** The compiled template named `name`, or an ExitError naming the templates there are. */
export function findTemplate(resources: readonly Resource[], name: string): Resource {
  const templates = resources.filter((r) => r.kind === 'iterable.journey-webhook');
  const found = templates.find((r) => r.key === name);
  if (found) return found;
  const suggestion = closest(name, templates.map((t) => t.key));
  throw new ExitError(
    `no Iterable template named "${name}"`,
    1,
    suggestion ? `did you mean "${suggestion}"?` : `templates: ${templates.map((t) => t.key).join(', ') || '(none)'}`,
  );
}

async function readSample(path: string, shown: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new ExitError(`sample ${shown} not found`, 1, 'write the merge context (profile fields and event dataFields) as a JSON object there, or pass --sample');
  }
  let sample: unknown;
  try {
    sample = JSON.parse(text);
  } catch (error) {
    throw new ExitError(`sample ${shown} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof sample !== 'object' || sample === null || Array.isArray(sample)) throw new ExitError(`sample ${shown} must be a JSON object of field values`);
  return sample as Record<string, unknown>;
}

export const registerPreview: RegisterCommand = (program, io) => {
  program
    .command('preview <name>')
    .description('render an Iterable webhook template with sample data and check it against Regal\'s events API')
    .option('--sample <file>', `merge context as JSON (default: ${SAMPLES_DIR}/<name>.json)`)
    .option('--root <dir>', 'project root (default: the current directory)')
    .action(async (name: string, options: { sample?: string; root?: string }) => {
      const root = resolve(io.cwd, options.root ?? '.');
      const build = await buildForCli(root);
      if (hasErrors(build.diagnostics)) throw new DiagnosticsError(build.diagnostics);
      const template = findTemplate(build.resources, name);
      for (const d of build.diagnostics.filter((d) => d.location?.file === template.source?.file)) io.err(renderDiagnostic(d, io) + '\n');

      const samplePath = options.sample ? resolve(io.cwd, options.sample) : resolve(root, SAMPLES_DIR, `${name}.json`);
      const shown = relative(io.cwd, samplePath) || samplePath;
      const sample = await readSample(samplePath, shown);
      const preview = previewIterableBody(String(template.body.body ?? ''), sample, { name, ...(template.source ? { location: template.source } : {}) });
      if (preview.rendered !== undefined) io.out(preview.rendered);
      if (preview.diagnostics.length > 0) throw new DiagnosticsError(preview.diagnostics);
      io.err(`"${name}" renders to a valid Regal event with ${shown}.`);
    });
};
