/**
 * `--github` for `kac plan` and `kac apply`: one call each from those commands. Plan: a fork PR (or
 * a run without the environment's key) is validated and compiled and told plainly that the plan
 * needs a maintainer; otherwise plan, then one sticky PR comment per environment and the job
 * summary. Apply: run it, then post the result on the merged PR and in the job summary. Definition
 * errors are printed as `::error` annotations so they show on the PR diff.
 */
import { formatAnnotations } from './annotations.js';
import { readActionsEnv, runUrl } from './actions-env.js';
import { planAccess, publishApply, publishPlan, reportPlanUnavailable, type PublishContext } from './publish.js';
import { ConfigError } from '../../compiler/load/config-error.js';
import { loadConfig } from '../../compiler/load/config.js';
import type { KacConfig } from '../../compiler/model/config.js';
import type { CliIo } from '../cli/io.js';
import { DiagnosticsError } from '../errors.js';
import type { Plan } from '../plan/types.js';
import { renderPlanMarkdown } from '../report/plan-markdown.js';
import { renderPlanText } from '../report/plan-text.js';
import { summarizePlan } from '../report/summary.js';

/** Extra publishing options (tests shrink octokit's waits); the commands pass nothing. */
export type GitHubCliOptions = Pick<PublishContext, 'client'>;

function context(io: CliIo, options: GitHubCliOptions = {}): PublishContext {
  return { actions: readActionsEnv(io.env), logger: io.logger, ...options };
}

/** Runs `fn`, printing definition errors as annotations before they propagate. */
async function annotated<T>(io: CliIo, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof DiagnosticsError || error instanceof ConfigError)
      for (const line of formatAnnotations(error.diagnostics)) io.out(line);
    throw error;
  }
}

/** The environment variables an environment's plan cannot do without (its Kustomer key). */
export function requiredSecrets(config: KacConfig, environment: string): string[] {
  const target = config.environments[environment];
  return target?.kind === 'kustomer' ? [target.apiKey.envVar] : [];
}

export interface PlanOnGitHubInput {
  io: CliIo;
  /** Project root (where kac.config.ts is). */
  root: string;
  /** `--env`, or undefined for the config's default. */
  environment: string | undefined;
  /** Validate and compile only (fork PRs). */
  build: () => Promise<unknown>;
  /** Validate, compile and plan against the live org. */
  plan: () => Promise<Plan>;
}

/** Returns the exit code: 1 on plan errors, else 0 (a plan with changes is a success in CI). */
export async function planOnGitHub(input: PlanOnGitHubInput, options?: GitHubCliOptions): Promise<number> {
  const { io } = input;
  const ctx = context(io, options);
  const config = await annotated(io, () => loadConfig(input.root));
  const environment = input.environment ?? config.defaultEnvironment ?? 'local';
  const missing = requiredSecrets(config, environment).filter((name) => !io.env[name]);
  const access = planAccess(ctx, environment, missing);
  if (!access.ok) {
    await annotated(io, input.build);
    await reportPlanUnavailable(ctx, environment, access);
    io.out(access.message);
    return 0;
  }
  const plan = await annotated(io, input.plan);
  for (const line of formatAnnotations(plan.diagnostics)) io.out(line);
  io.out(renderPlanText(plan, { color: io.color }));
  const run = runUrl(ctx.actions);
  // The plan names the environment it really targeted (e.g. `direct` from KUSTOMER_BASE_URL).
  const published = await publishPlan(ctx, {
    environment: plan.environment.name,
    markdown: renderPlanMarkdown(plan, run ? { runUrl: run } : {}),
  });
  if (published.skipped) io.err(`No PR comment: ${published.skipped}.`);
  return summarizePlan(plan).errors > 0 ? 1 : 0;
}

/**
 * Runs an apply with its output captured (and still printed), then posts it on the merged PR and in
 * the job summary, whether the apply succeeded, failed, or threw. Returns the apply's exit code.
 */
export async function applyOnGitHub(
  io: CliIo,
  environment: string,
  apply: (io: CliIo) => Promise<number>,
  options?: GitHubCliOptions,
): Promise<number> {
  const lines: string[] = [];
  const tee: CliIo = {
    ...io,
    out: (text) => {
      lines.push(text);
      io.out(text);
    },
  };
  let code = 1;
  let failure: unknown;
  try {
    code = await annotated(io, () => apply(tee));
  } catch (error) {
    failure = error;
  }
  const outcome = failure
    ? `**Apply to \`${environment}\` failed:** ${failure instanceof Error ? failure.message.split('\n')[0] : String(failure)}`
    : code === 0
      ? `**Applied to \`${environment}\`**: the org matches git.`
      : `**Apply to \`${environment}\` incomplete** (exit ${code}): see below; re-run the job to resume.`;
  const fence = lines.some((l) => l.includes('```')) ? '````' : '```';
  const markdown = `${outcome}\n\n<details><summary>Apply output</summary>\n\n${fence}text\n${lines.join('\n').trim() || '(no output)'}\n${fence}\n\n</details>\n`;
  try {
    const published = await publishApply(context(io, options), { environment, markdown });
    if (published.skipped) io.err(`No PR comment: ${published.skipped}.`);
  } catch (error) {
    // The apply already happened; a failed report must not hide its result.
    io.logger.warn(
      `could not post the apply result to GitHub: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (failure) throw failure;
  return code;
}
