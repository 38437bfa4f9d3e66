/**
 * `kac plan [--env E] [--out plan.json] [--format text|markdown|json] [--detailed-exitcode]`:
 * compile, read the org, print what apply would do. Exit 0 nothing to do, 2 changes pending (with
 * --detailed-exitcode), 1 errors. `--out` saves a plan apply can execute later, if still current.
 * The work is sync/operations/plan.ts, loaded when the command runs.
 */
import type { CliIo } from '../io.js';
import {
  cliContext,
  NO_TYPECHECK,
  parseFormat,
  printWarnings,
  projectRoot,
  renderDiagnostic,
  typecheckOption,
} from '../shared.js';
import type { RegisterCommand } from './index.js';

export interface PlanCommandOptions {
  env?: string;
  out?: string;
  format?: string;
  detailedExitcode?: boolean;
  allowDestroy?: boolean;
  root?: string;
  github?: boolean;
  /** false with --no-typecheck. */
  typecheck?: boolean;
}

export const registerPlan: RegisterCommand = (program, io, setExit) => {
  program
    .command('plan')
    .description('show what apply would change in an environment (nothing is changed)')
    .option('--env <name>', 'environment from kac.config.ts (default: defaultEnvironment, else local)')
    .option('--out <file>', 'save the plan as JSON for `kac apply <file>`')
    .option('--format <format>', 'text, markdown or json', 'text')
    .option(
      '--detailed-exitcode',
      'exit 2 when changes are pending, manual steps included (Iterable templates not yet confirmed with kac iterable confirm)',
    )
    .option('--allow-destroy', 'plan deletes of objects removed from git instead of refusing them')
    .option('--root <dir>', 'project root (default: the current directory)')
    .option(NO_TYPECHECK.flag, NO_TYPECHECK.description)
    .option(
      '--github',
      'in GitHub Actions: sticky PR comment per environment, job summary, annotations (fork PRs: a note instead)',
    )
    .action(async (options: PlanCommandOptions) => setExit(await runPlanCommand(options, io)));
};

async function runPlanCommand(options: PlanCommandOptions, io: CliIo): Promise<number> {
  const format = parseFormat(options.format);
  const root = projectRoot(io, options.root);
  const [{ buildValidProject, withProject }, { runPlan }, { withReadProgress }] = await Promise.all([
    import('../../operations/project.js'),
    import('../../operations/plan.js'),
    import('../read-progress.js'),
  ]);
  const plan = async () => {
    const { quietWarningPrinter } = await import('../seen-warnings.js');
    const warnings = quietWarningPrinter(root, io, (d) => renderDiagnostic(d, io));
    return withProject(
      { root, name: options.env, ...cliContext(io), onWarning: warnings.onWarning, ...typecheckOption(options) },
      async (build, env) => {
        await warnings.print();
        const planned = await withReadProgress(io, env, () =>
          runPlan(
            env,
            {
              namespace: build.config.namespace,
              desired: build.resources,
              allowDestroy: options.allowDestroy ?? false,
            },
            cliContext(io),
          ),
        );
        // A saved plan names its org: apply refuses it against any other (sync/state/org-identity.ts).
        const identity = await env.identity();
        planned.plan.org = {
          ...(identity.orgId ? { id: identity.orgId } : {}),
          baseUrl: identity.baseUrl,
          key: identity.key,
        };
        // What changing workflows do differently with the sample events and tests (sync/behaviour/).
        const { withBehaviour } = await import('../../behaviour/plan-behaviour.js');
        return withBehaviour(planned.plan, planned.live, build, root);
      },
    );
  };
  if (options.github) {
    const { planOnGitHub } = await import('../../github/cli.js');
    return planOnGitHub({
      io,
      root,
      environment: options.env,
      build: () => buildValidProject(root, printWarnings(io), typecheckOption(options)),
      plan,
    });
  }
  const made = await plan();
  const [{ renderPlanJson }, { renderPlanMarkdown }, { renderPlanText }, { summarizePlan }] = await Promise.all([
    import('../../report/plan-json.js'),
    import('../../report/plan-markdown.js'),
    import('../../report/plan-text.js'),
    import('../../report/summary.js'),
  ]);
  io.out(
    format === 'json'
      ? renderPlanJson(made)
      : format === 'markdown'
        ? renderPlanMarkdown(made)
        : renderPlanText(made, { color: io.color }),
  );
  if (options.out) {
    const { savePlanFile } = await import('../../plan/saved-plan-file.js');
    await savePlanFile(projectRoot(io, options.out), made);
    io.err(`Saved the plan to ${options.out}; apply exactly this with: kac apply ${options.out}`);
  }
  const summary = summarizePlan(made);
  if (summary.errors > 0) return 1;
  return summary.pending > 0 && options.detailedExitcode ? 2 : 0;
}
