/**
 * `kac test [pattern]`: compile the project, then run its workflow tests (`workflows/**\/*.test.ts`),
 * each in its own in-memory local org, all at once. Exit 1 when a test fails or a test file does not load.
 */
import { resolve } from 'node:path';
import { ExitError } from '../../errors.js';
import { renderTestResults } from '../../behaviour/report.js';
import { loadWorkflowTests, runWorkflowTests, workflowSetOf } from '../../behaviour/run-tests.js';
import type { RegisterCommand } from './index.js';
import { buildOrFail } from './plan.js';

export const registerTest: RegisterCommand = (program, io, setExit) => {
  program
    .command('test [pattern]')
    .description('run the workflow tests (workflows/**/*.test.ts) in an in-memory local org; pattern keeps files or tests containing it')
    .option('--root <dir>', 'project root (default: the current directory)')
    .action(async (pattern: string | undefined, options: { root?: string }) => {
      const root = resolve(io.cwd, options.root ?? '.');
      const [build, loaded] = await Promise.all([buildOrFail(root, io), loadWorkflowTests(root, pattern)]);
      if (loaded.tests.length === 0 && loaded.errors.length === 0) {
        throw new ExitError(pattern ? `no workflow test matches "${pattern}"` : 'no workflow tests found', 1, 'write them in workflows/**/*.test.ts with defineWorkflowTest');
      }
      const results = await runWorkflowTests(loaded.tests, workflowSetOf(build));
      io.out(renderTestResults(results, loaded.errors, { color: io.color }));
      if (loaded.errors.length > 0 || results.some((r) => !r.passed)) setExit(1);
    });
};
