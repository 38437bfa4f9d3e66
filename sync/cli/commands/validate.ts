/**
 * `kac validate`: every diagnostic of the project, printed the way tsc prints them, then a summary
 * line. Exit 1 on any error; warnings alone exit 0.
 */
import { resolve } from 'node:path';
import pc from 'picocolors';
import { buildProject, type ProjectBuild } from '../../../compiler/build.js';
import { formatDiagnostic, hasErrors, type Diagnostic } from '../../../compiler/diagnostics.js';
import type { Model } from '../../../compiler/model/project.js';
import { formatAnnotations } from '../../github/annotations.js';
import type { CliIo } from '../io.js';
import type { RegisterCommand } from './index.js';

export const registerValidate: RegisterCommand = (program, io, setExit) => {
  program
    .command('validate')
    .description('check every definition and print all problems (file:line:col); exit 1 on any error')
    .option('--root <dir>', 'project root (default: the current directory)')
    .option(NO_TYPECHECK.flag, NO_TYPECHECK.description)
    .action(async (options: { root?: string; typecheck?: boolean }) => {
      const build = await buildForCli(resolve(io.cwd, options.root ?? '.'), options);
      for (const d of build.diagnostics) {
        io.out(renderDiagnostic(d, io));
        io.out('');
      }
      io.out(summaryLine(build.diagnostics, build.model));
      // In GitHub Actions the same diagnostics become annotations on the PR diff.
      if (io.env.GITHUB_ACTIONS === 'true') for (const line of formatAnnotations(build.diagnostics)) io.out(line);
      if (hasErrors(build.diagnostics)) setExit(1);
    });
};

/**
 * buildProject with the type check on unless `--no-typecheck` (commander's `typecheck: false`); a bad
 * or missing kac.config.ts throws ConfigError, which the CLI boundary reports.
 */
export const buildForCli = (root: string, options: { typecheck?: boolean } = {}): Promise<ProjectBuild> =>
  buildProject(root, { typecheck: options.typecheck ?? true });

/** The option every command that builds takes (validate, compile, plan, apply). */
export const NO_TYPECHECK = { flag: '--no-typecheck', description: 'emergencies only: skip the TypeScript type check of the authored files (says so loudly)' };

export function renderDiagnostic(d: Diagnostic, io: Pick<CliIo, 'color'>): string {
  const text = formatDiagnostic(d);
  if (!io.color) return text;
  const paint = d.severity === 'error' ? pc.red : pc.yellow;
  return text.replace(/^(.*?)\b(error|warning)\b/, (_m, before: string, word: string) => `${pc.cyan(before)}${paint(word)}`);
}

export function summaryLine(diagnostics: readonly Diagnostic[], model: Model): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (diagnostics.length === 0) {
    const counts = [
      count(model.klasses.length, 'Klass', 'Klasses'),
      count(model.hooks.length, 'hook'),
      count(model.workflows.length, 'workflow'),
      count(model.outboundWebhooks.length, 'outbound webhook'),
      ...(model.iterableWebhooks.length > 0 ? [count(model.iterableWebhooks.length, 'Iterable webhook')] : []),
    ];
    return `No problems found in ${counts.join(', ')}.`;
  }
  const files = new Set(diagnostics.flatMap((d) => (d.location ? [d.location.file] : []))).size;
  const found = [errors > 0 ? count(errors, 'error') : '', warnings > 0 ? count(warnings, 'warning') : ''].filter(Boolean).join(' and ');
  return files === 0 ? `Found ${found}.` : `Found ${found} in ${count(files, 'file')}.`;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
