/**
 * `kac test [pattern]`: compile the project, then run its workflow tests (`workflows/**\/*.test.ts`),
 * each in its own in-memory local org, all at once. Exit 1 when a test fails or a test file does not
 * load. The work is sync/behaviour/, loaded when the command runs.
 */
import { ExitError } from '../../errors.js';
import { projectRoot, renderDiagnostic } from '../shared.js';
import type { RegisterCommand } from './index.js';

export const registerTest: RegisterCommand = (program, io, setExit) => {
  program
    .command('test [pattern]')
    .description(
      'run the workflow tests (workflows/**/*.test.ts) in an in-memory local org; pattern keeps files or tests containing it',
    )
    .option('--root <dir>', 'project root (default: the current directory)')
    .action(async (pattern: string | undefined, options: { root?: string }) => {
      const root = projectRoot(io, options.root);
      const [{ buildValidProject }, { loadWorkflowTests, runWorkflowTests, workflowSetOf }, { renderTestResults }] =
        await Promise.all([
          import('../../operations/project.js'),
          import('../../behaviour/run-tests.js'),
          import('../../behaviour/report.js'),
        ]);
      const { quietWarningPrinter } = await import('../seen-warnings.js');
      const warnings = quietWarningPrinter(root, io, (d) => renderDiagnostic(d, io));
      const [build, loaded] = await Promise.all([
        buildValidProject(root, warnings.onWarning),
        loadWorkflowTests(root, pattern),
      ]);
      await warnings.print();
      if (loaded.tests.length === 0 && loaded.errors.length === 0) {
        throw new ExitError(
          pattern ? `no workflow test matches "${pattern}"` : 'no workflow tests found',
          1,
          'write them in workflows/**/*.test.ts with defineWorkflowTest',
        );
      }
      const results = await runWorkflowTests(loaded.tests, workflowSetOf(build));
      io.out(renderTestResults(results, loaded.errors, { color: io.color }));
      if (loaded.errors.length > 0 || results.some((r) => !r.passed)) setExit(1);
    });
};
