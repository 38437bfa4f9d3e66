/**
 * `kac iterable status` and `kac iterable confirm <name>`: the manual side of Iterable templates.
 * Status lists each template as confirmed, pending (never confirmed), changed-since-confirmed or
 * removed (exit 2 when any is not confirmed). Confirm records the template's current sha256 in
 * workflows/iterable/confirmations.json, to be committed through a PR like any other change.
 */
import type { TemplateState } from '../../providers/iterable/confirmations.js';
import { CONFIRMATIONS_FILE } from '../../providers/iterable/templates.js';
import { projectRoot } from '../shared.js';
import type { RegisterCommand } from './index.js';

const short = (sha: string | undefined) => (sha ? sha.slice(0, 12) : '-');

export function renderStatusLine(s: TemplateState): string {
  const confirmed = s.confirmed
    ? `confirmed ${s.confirmed.confirmedAt}${s.confirmed.by ? ` by ${s.confirmed.by}` : ''}`
    : 'never confirmed';
  const hashes =
    s.status === 'changed-since-confirmed'
      ? `sha256 ${short(s.desiredSha256)} (confirmed ${short(s.confirmed?.sha256)})`
      : `sha256 ${short(s.desiredSha256 ?? s.confirmed?.sha256)}`;
  return `${s.status.padEnd(24)} ${s.key}  ${hashes}  ${confirmed}`;
}

export const registerIterable: RegisterCommand = (program, io, setExit) => {
  const iterable = program
    .command('iterable')
    .description('Iterable journey-webhook templates: paste by hand, then confirm');

  iterable
    .command('status')
    .description(
      'list templates: confirmed, pending, changed-since-confirmed or removed; exit 2 when any needs pasting',
    )
    .option('--steps', 'also print the paste-ready text of each template that needs a manual step')
    .option('--root <dir>', 'project root (default: the current directory)')
    .action(async (options: { root?: string; steps?: boolean }) => {
      const root = projectRoot(io, options.root);
      const [{ buildValidProject }, { readConfirmations, templateStates }, { renderIterableInstructions }] =
        await Promise.all([
          import('../../operations/project.js'),
          import('../../providers/iterable/confirmations.js'),
          import('../../providers/iterable/instructions.js'),
        ]);
      const build = await buildValidProject(root);
      const states = templateStates(build.resources, await readConfirmations(root));
      if (states.length === 0) io.out('No Iterable templates.');
      for (const s of states) io.out(renderStatusLine(s));
      const open = states.filter((s) => s.status !== 'confirmed');
      if (options.steps) {
        for (const s of open) {
          const resource = build.resources.find((r) => r.kind === 'iterable.journey-webhook' && r.key === s.key);
          const steps = resource
            ? renderIterableInstructions(resource)
            : `Remove the journey webhook "${s.key}" in Iterable: it is no longer in git. Then delete its entry from ${CONFIRMATIONS_FILE}.`;
          io.out(['', `== ${s.key} (${s.status})`, steps].join('\n'));
        }
      }
      if (open.length > 0) {
        const next = options.steps ? 'paste each as above' : '"kac iterable status --steps" shows what to paste';
        io.err(
          `${open.length} template(s) need a manual step in Iterable: ${next}; then "kac iterable confirm <name>".`,
        );
        setExit(2);
      }
    });

  iterable
    .command('confirm <name>')
    .description(
      `record that <name> is pasted in Iterable as compiled now (writes ${CONFIRMATIONS_FILE}; commit it in a PR)`,
    )
    .option('--by <who>', 'who pasted it (recorded with the hash)')
    .option('--root <dir>', 'project root (default: the current directory)')
    .action(async (name: string, options: { by?: string; root?: string }) => {
      const root = projectRoot(io, options.root);
      const [
        { buildValidProject },
        { findTemplate },
        { desiredSha256, readConfirmations, recordConfirmation, writeConfirmations },
      ] = await Promise.all([
        import('../../operations/project.js'),
        import('../../providers/iterable/templates.js'),
        import('../../providers/iterable/confirmations.js'),
      ]);
      const build = await buildValidProject(root);
      const template = findTemplate(build.resources, name);
      const sha = desiredSha256(template)!;
      const confirmations = await readConfirmations(root);
      const existing = confirmations[name];
      if (existing?.sha256 === sha) {
        io.out(
          `"${name}" is already confirmed at sha256 ${sha} (${existing.confirmedAt}${existing.by ? ` by ${existing.by}` : ''}); nothing recorded.`,
        );
        return;
      }
      const next = recordConfirmation(confirmations, name, sha, new Date(), options.by);
      await writeConfirmations(root, next);
      const entry = next[name]!;
      io.out(
        `Recorded in ${CONFIRMATIONS_FILE}: "${name}" sha256 ${sha} confirmed ${entry.confirmedAt}${entry.by ? ` by ${entry.by}` : ''}.`,
      );
      io.out('Commit the file in a pull request: plan and drift treat the template as configured from then on.');
    });
};
