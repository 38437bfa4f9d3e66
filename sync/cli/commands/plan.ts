/**
 * `kac plan [--env E] [--out plan.json] [--format text|markdown|json] [--detailed-exitcode]`:
 * compile, read the org, print what apply would do. Exit 0 nothing to do, 2 changes pending (with
 * --detailed-exitcode), 1 errors. `--out` saves a plan apply can execute later, if still current.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { hasErrors } from '../../../compiler/diagnostics.js';
import type { ProjectBuild } from '../../../compiler/build.js';
import { resolveEnvironment, type Environment } from '../../env/resolve-environment.js';
import { DiagnosticsError, ExitError } from '../../errors.js';
import { makePlan } from '../../plan/make-plan.js';
import type { Plan } from '../../plan/types.js';
import { renderPlanJson } from '../../report/plan-json.js';
import { renderPlanMarkdown } from '../../report/plan-markdown.js';
import { renderPlanText } from '../../report/plan-text.js';
import { summarizePlan } from '../../report/summary.js';
import { planOnGitHub } from '../../github/cli.js';
import type { CliIo } from '../io.js';
import { withReadProgress } from '../read-progress.js';
import type { RegisterCommand } from './index.js';
import { buildForCli, NO_TYPECHECK, renderDiagnostic } from './validate.js';

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

/** Compiles the project, refusing on errors (warnings are printed). */
export async function buildOrFail(root: string, io: CliIo, options: { typecheck?: boolean } = {}): Promise<ProjectBuild> {
  const build = await buildForCli(root, options);
  if (hasErrors(build.diagnostics)) throw new DiagnosticsError(build.diagnostics);
  for (const d of build.diagnostics) io.err(renderDiagnostic(d, io));
  return build;
}

/** Runs `fn` with the environment open, closing it (and the local org) whatever happens. */
export async function withEnvironment<T>(build: Pick<ProjectBuild, 'config' | 'resources'>, name: string | undefined, root: string, io: CliIo, fn: (env: Environment) => Promise<T>): Promise<T> {
  const env = await resolveEnvironment({ config: build.config, ...(name ? { name } : {}), root, env: io.env, logger: io.logger, desired: build.resources });
  try {
    return await fn(env);
  } finally {
    await env.close();
  }
}

export async function planProject(root: string, options: PlanCommandOptions, io: CliIo): Promise<Plan> {
  const build = await buildOrFail(root, io, options);
  return withEnvironment(build, options.env, root, io, async (env) => {
    const { plan } = await withReadProgress(io, env, () =>
      makePlan({
        namespace: build.config.namespace,
        desired: build.resources,
        environment: env,
        env: io.env,
        logger: io.logger,
        allowDestroy: options.allowDestroy ?? false,
      }),
    );
    return plan;
  });
}

export const registerPlan: RegisterCommand = (program, io, setExit) => {
  program
    .command('plan')
    .description('show what apply would change in an environment (nothing is changed)')
    .option('--env <name>', 'environment from kac.config.ts (default: defaultEnvironment, else local)')
    .option('--out <file>', 'save the plan as JSON for `kac apply <file>`')
    .option('--format <format>', 'text, markdown or json', 'text')
    .option('--detailed-exitcode', 'exit 2 when changes are pending')
    .option('--allow-destroy', 'plan deletes of objects removed from git instead of refusing them')
    .option('--root <dir>', 'project root (default: the current directory)')
    .option(NO_TYPECHECK.flag, NO_TYPECHECK.description)
    .option('--github', 'in GitHub Actions: sticky PR comment per environment, job summary, annotations (fork PRs: a note instead)')
    .action(async (options: PlanCommandOptions) => {
      const format = options.format ?? 'text';
      if (!['text', 'markdown', 'json'].includes(format)) throw new ExitError(`unknown format "${format}"`, 1, 'use --format text, markdown or json');
      const root = resolve(io.cwd, options.root ?? '.');
      if (options.github) return setExit(await planOnGitHub({ io, root, environment: options.env, build: () => buildOrFail(root, io, options), plan: () => planProject(root, options, io) }));
      const plan = await planProject(root, options, io);
      io.out(format === 'json' ? renderPlanJson(plan) : format === 'markdown' ? renderPlanMarkdown(plan) : renderPlanText(plan, { color: io.color }));
      if (options.out) {
        const path = resolve(io.cwd, options.out);
        await mkdir(dirname(path), { recursive: true });
        await writeFileAtomic(path, renderPlanJson(plan));
        io.err(`Saved the plan to ${options.out}; apply exactly this with: kac apply ${options.out}`);
      }
      const summary = summarizePlan(plan);
      if (summary.errors > 0) setExit(1);
      else if (summary.pending > 0 && options.detailedExitcode) setExit(2);
    });
};
