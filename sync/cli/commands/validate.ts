/**
 * `kac validate`: every diagnostic of the project, printed the way tsc prints them, then a summary
 * line. Exit 1 on any error; warnings alone exit 0.
 */
import { hasErrors, type Diagnostic } from '../../../compiler/diagnostics.js';
import type { Model } from '../../../compiler/model/project.js';
import { NO_TYPECHECK, projectRoot, renderDiagnostic, typecheckOption } from '../shared.js';
import type { RegisterCommand } from './index.js';

export const registerValidate: RegisterCommand = (program, io, setExit) => {
  program
    .command('validate')
    .description('check every definition and print all problems (file:line:col); exit 1 on any error')
    .option('--root <dir>', 'project root (default: the current directory)')
    .option('--verbose', 'print every warning, also those unchanged since the last run')
    .option(NO_TYPECHECK.flag, NO_TYPECHECK.description)
    .action(async (options: { root?: string; verbose?: boolean; typecheck?: boolean }) => {
      // The compiler's own build: validate reports errors instead of refusing on them.
      const [{ buildProject }, { quietWarnings, unchangedLine }] = await Promise.all([
        import('../../../compiler/build.js'),
        import('../seen-warnings.js'),
      ]);
      const root = projectRoot(io, options.root);
      const build = await buildProject(root, typecheckOption(options));
      const { show, unchanged } = await quietWarnings(root, build.diagnostics, {
        isTTY: io.isTTY,
        verbose: options.verbose ?? false,
      });
      for (const d of show) {
        io.out(renderDiagnostic(d, io));
        io.out('');
      }
      if (unchanged > 0) io.out(unchangedLine(unchanged));
      io.out(summaryLine(build.diagnostics, build.model));
      // In GitHub Actions the same diagnostics become annotations on the PR diff.
      if (io.env.GITHUB_ACTIONS === 'true') {
        const { formatAnnotations } = await import('../../github/annotations.js');
        for (const line of formatAnnotations(build.diagnostics)) io.out(line);
      }
      if (hasErrors(build.diagnostics)) setExit(1);
    });
};

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
  const found = [errors > 0 ? count(errors, 'error') : '', warnings > 0 ? count(warnings, 'warning') : '']
    .filter(Boolean)
    .join(' and ');
  return files === 0 ? `Found ${found}.` : `Found ${found} in ${count(files, 'file')}.`;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
