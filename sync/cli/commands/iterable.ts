/**
 * `kac iterable status` and `kac iterable confirm <name>`: the manual side of Iterable templates.
 * Status lists each template as confirmed, pending (never confirmed), changed-since-confirmed or
 * removed (exit 2 when any is not confirmed). Confirm records the template's current sha256 in
 * workflows/iterable/confirmations.json, to be committed through a PR like any other change.
 */
import { resolve } from 'node:path';
import { hasErrors } from '../../../compiler/diagnostics.js';
import { DiagnosticsError } from '../../errors.js';
import {
  CONFIRMATIONS_FILE,
  desiredSha256,
  readConfirmations,
  recordConfirmation,
  templateStates,
  writeConfirmations,
  type TemplateState,
} from '../../providers/iterable/confirmations.js';
import type { Resource } from '../../../compiler/resource.js';
import { renderIterableInstructions } from '../../providers/iterable/instructions.js';
import type { RegisterCommand } from './index.js';
import { findTemplate } from './preview.js';
import { buildForCli } from './validate.js';

/** The paste-ready text for one template (secrets stay placeholders), or what to remove. */
function stepsOf(s: TemplateState, resources: readonly Resource[]): string {
  const resource = resources.find((r) => r.kind === 'iterable.journey-webhook' && r.key === s.key);
  return resource ? renderIterableInstructions(resource) : `Remove the journey webhook "${s.key}" in Iterable: it is no longer in git. Then delete its entry from ${CONFIRMATIONS_FILE}.`;
}

const short = (sha: string | undefined) => (sha ? sha.slice(0, 12) : '-');

export function renderStatusLine(s: TemplateState): string {
  const confirmed = s.confirmed ? `confirmed ${s.confirmed.confirmedAt}${s.confirmed.by ? ` by ${s.confirmed.by}` : ''}` : 'never confirmed';
  const hashes =
    s.status === 'changed-since-confirmed'
      ? `sha256 ${short(s.desiredSha256)} (confirmed ${short(s.confirmed?.sha256)})`
      : `sha256 ${short(s.desiredSha256 ?? s.confirmed?.sha256)}`;
  return `${s.status.padEnd(24)} ${s.key}  ${hashes}  ${confirmed}`;
}

export const registerIterable: RegisterCommand = (program, io, setExit) => {
  const iterable = program.command('iterable').description('Iterable journey-webhook templates: paste by hand, then confirm');

  iterable
    .command('status')
    .description('list templates: confirmed, pending, changed-since-confirmed or removed; exit 2 when any needs pasting')
    .option('--steps', 'also print the paste-ready text of each template that needs a manual step')
    .option('--root <dir>', 'project root (default: the current directory)')
    .action(async (options: { root?: string; steps?: boolean }) => {
      const root = resolve(io.cwd, options.root ?? '.');
      const build = await buildForCli(root);
      if (hasErrors(build.diagnostics)) throw new DiagnosticsError(build.diagnostics);
      const states = templateStates(build.resources, await readConfirmations(root));
      if (states.length === 0) io.out('No Iterable templates.');
      for (const s of states) io.out(renderStatusLine(s));
      const open = states.filter((s) => s.status !== 'confirmed');
      if (options.steps) for (const s of open) io.out(['', `== ${s.key} (${s.status})`, stepsOf(s, build.resources)].join('\n'));
      if (open.length > 0) {
        const next = options.steps ? 'paste each as above' : '"kac iterable status --steps" shows what to paste';
        io.err(`${open.length} template(s) need a manual step in Iterable: ${next}; then "kac iterable confirm <name>".`);
        setExit(2);
      }
    });

  iterable
    .command('confirm <name>')
    .description(`record that <name> is pasted in Iterable as compiled now (writes ${CONFIRMATIONS_FILE}; commit it in a PR)`)
    .option('--by <who>', 'who pasted it (recorded with the hash)')
    .option('--root <dir>', 'project root (default: the current directory)')
    .action(async (name: string, options: { by?: string; root?: string }) => {
      const root = resolve(io.cwd, options.root ?? '.');
      const build = await buildForCli(root);
      if (hasErrors(build.diagnostics)) throw new DiagnosticsError(build.diagnostics);
      const template = findTemplate(build.resources, name);
      const sha = desiredSha256(template)!;
      const confirmations = await readConfirmations(root);
      const existing = confirmations[name];
      if (existing?.sha256 === sha) {
        io.out(`"${name}" is already confirmed at sha256 ${sha} (${existing.confirmedAt}${existing.by ? ` by ${existing.by}` : ''}); nothing recorded.`);
        return;
      }
      const next = recordConfirmation(confirmations, name, sha, new Date(), options.by);
      await writeConfirmations(root, next);
      const entry = next[name]!;
      io.out(`Recorded in ${CONFIRMATIONS_FILE}: "${name}" sha256 ${sha} confirmed ${entry.confirmedAt}${entry.by ? ` by ${entry.by}` : ''}.`);
      io.out('Commit the file in a pull request: plan and drift treat the template as configured from then on.');
    });
};
