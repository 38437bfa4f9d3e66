/**
 * `kac preview <name> [--sample file.json]`: renders an Iterable template's body with sample data
 * through Handlebars and Iterable's helpers, prints what Iterable would send, and fails (exit 1)
 * when it is not JSON or not a valid Regal event. Default sample: workflows/iterable/samples/<name>.json.
 */
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { DiagnosticsError, ExitError } from '../../errors.js';
import { SAMPLES_DIR } from '../../providers/iterable/templates.js';
import { projectRoot, renderDiagnostic } from '../shared.js';
import type { RegisterCommand } from './index.js';

async function readSample(path: string, shown: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new ExitError(
      `sample ${shown} not found`,
      1,
      'write the merge context (profile fields and event dataFields) as a JSON object there, or pass --sample',
    );
  }
  let sample: unknown;
  try {
    sample = JSON.parse(text);
  } catch (error) {
    throw new ExitError(`sample ${shown} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof sample !== 'object' || sample === null || Array.isArray(sample))
    throw new ExitError(`sample ${shown} must be a JSON object of field values`);
  return sample as Record<string, unknown>;
}

export const registerPreview: RegisterCommand = (program, io) => {
  program
    .command('preview <name>')
    .description("render an Iterable webhook template with sample data and check it against Regal's events API")
    .option('--sample <file>', `merge context as JSON (default: ${SAMPLES_DIR}/<name>.json)`)
    .option('--root <dir>', 'project root (default: the current directory)')
    .action(async (name: string, options: { sample?: string; root?: string }) => {
      const root = projectRoot(io, options.root);
      const [{ buildValidProject }, { findTemplate }, { previewIterableBody }] = await Promise.all([
        import('../../operations/project.js'),
        import('../../providers/iterable/templates.js'),
        import('../../../compiler/iterable/preview.js'),
      ]);
      const build = await buildValidProject(root);
      const template = findTemplate(build.resources, name);
      for (const d of build.diagnostics.filter((d) => d.location?.file === template.source?.file))
        io.err(renderDiagnostic(d, io) + '\n');

      const samplePath = options.sample ? resolve(io.cwd, options.sample) : resolve(root, SAMPLES_DIR, `${name}.json`);
      const shown = relative(io.cwd, samplePath) || samplePath;
      const sample = await readSample(samplePath, shown);
      const preview = previewIterableBody(String(template.body.body ?? ''), sample, {
        name,
        ...(template.source ? { location: template.source } : {}),
      });
      if (preview.rendered !== undefined) io.out(preview.rendered);
      if (preview.diagnostics.length > 0) throw new DiagnosticsError(preview.diagnostics);
      io.err(`"${name}" renders to a valid Regal event with ${shown}.`);
    });
};
