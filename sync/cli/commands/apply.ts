/**
 * `kac apply [plan.json] [--env E] [--auto-approve] [--allow-destroy]`: with a saved plan, re-read the
 * org and refuse it when stale (naming what changed), else plan now; confirm (TTY) or require
 * --auto-approve (CI); apply with a journal; verify with a fresh plan. Exit 1 on any failure.
 */
import { readFile } from 'node:fs/promises';
import { Option } from 'commander';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../../compiler/load/config.js';
import type { KacConfig } from '../../../compiler/model/config.js';
import { resourceId, type Resource } from '../../../compiler/resource.js';
import { applyPlan } from '../../apply/apply-plan.js';
import { confirmApply } from '../../apply/confirm.js';
import { Journal } from '../../apply/journal.js';
import { createProgress } from '../../apply/progress.js';
import type { Environment } from '../../env/resolve-environment.js';
import { ExitError } from '../../errors.js';
import { isExecutableAtApply } from '../../plan/impact.js';
import { makePlan, readLive } from '../../plan/make-plan.js';
import { doneInOrg, findStaleness, parsePlanFile, planHash } from '../../plan/saved-plan.js';
import { planChanges } from '../../plan/plan-changes.js';
import type { Plan } from '../../plan/types.js';
import type { LiveResource } from '../../providers/provider.js';
import { renderApplyResult, renderVerification } from '../../report/apply-text.js';
import { renderPlanText } from '../../report/plan-text.js';
import { applyOnGitHub } from '../../github/cli.js';
import type { CliIo } from '../io.js';
import { withReadProgress } from '../read-progress.js';
import type { RegisterCommand } from './index.js';
import { buildOrFail, withEnvironment } from './plan.js';

interface ApplyCommandOptions {
  env?: string;
  autoApprove?: boolean;
  allowDestroy?: boolean;
  root?: string;
  github?: boolean;
  /** false with --no-typecheck. */
  typecheck?: boolean;
  /** Hidden, for tests of interruption: stop scheduling after this many finished changes. */
  stopAfter?: string;
}

export function journalPath(root: string, env: string): string {
  return join(root, '.kac', `journal-${env}.json`);
}

function configFor(root: string): Promise<KacConfig> {
  return loadConfig(root);
}

export const registerApply: RegisterCommand = (program, io, setExit) => {
  program
    .command('apply [plan]')
    .description('apply a saved plan (refused when the org changed since), or plan and apply now')
    .option('--env <name>', 'environment from kac.config.ts (default: the plan\'s, else defaultEnvironment, else local)')
    .option('--auto-approve', 'do not ask for confirmation (required without a terminal, e.g. in CI)')
    .option('--allow-destroy', 'delete hooks, outbound webhooks and Klasses removed from git (never a Klass with KObjects)')
    .option('--root <dir>', 'project root (default: the current directory)')
    .option('--no-typecheck', 'emergencies only: skip the TypeScript type check of the authored files (says so loudly)')
    .option('--github', 'in GitHub Actions: post the result on the merged PR and in the job summary')
    .addOption(new Option('--stop-after <n>', 'stop after n finished changes (tests of interrupted applies)').hideHelp())
    .action(async (planFile: string | undefined, options: ApplyCommandOptions) => {
      const root = resolve(io.cwd, options.root ?? '.');
      const allowDestroy = options.allowDestroy ?? false;
      let saved: Plan | undefined;
      let config: KacConfig;
      let desired: Resource[];
      if (planFile) {
        saved = parsePlanFile(await readFile(resolve(io.cwd, planFile), 'utf8'), planFile);
        config = await configFor(root);
        desired = saved.desired;
        if (options.env && options.env !== saved.environment.name) {
          throw new ExitError(`${planFile} was made for environment "${saved.environment.name}", not "${options.env}"`, 1, `make a plan for "${options.env}" with kac plan --env ${options.env} --out ...`);
        }
        if (saved.namespace !== config.namespace) throw new ExitError(`${planFile} is for namespace "${saved.namespace}", this project's is "${config.namespace}"`);
      } else {
        const build = await buildOrFail(root, io, options);
        config = build.config;
        desired = build.resources;
      }
      const envName = options.env ?? (saved && saved.environment.name !== 'direct' ? saved.environment.name : undefined);
      await withEnvironment({ config, resources: desired }, envName, root, io, async (env) => {
        const run = (out: CliIo) => applyIn(env, { root, config, desired, saved, allowDestroy, planFile, options }, out);
        const code = options.github ? await applyOnGitHub(io, env.name, run) : await run(io);
        setExit(code);
      });
    });
};

interface ApplyContext {
  root: string;
  config: KacConfig;
  desired: Resource[];
  saved: Plan | undefined;
  allowDestroy: boolean;
  planFile: string | undefined;
  options: ApplyCommandOptions;
}

async function applyIn(env: Environment, x: ApplyContext, io: CliIo): Promise<number> {
  const ctx = { logger: io.logger };
  let plan: Plan;
  let live: LiveResource[];
  let journal: Journal;
  if (x.saved) {
    plan = x.saved;
    journal = await Journal.open(journalPath(x.root, env.name), env.name, planHash(plan));
    live = await readLive(env.providers, ctx);
    const touched = new Set<string>();
    for (const c of plan.changes) {
      if (!journal.entry(resourceId(c.resource))) continue;
      touched.add(resourceId(c.resource));
      if ('live' in c && c.live) touched.add(resourceId({ kind: c.resource.kind, key: c.live.key }));
    }
    if (journal.resumed) {
      const fresh = planChanges({
        namespace: plan.namespace,
        environment: plan.environment,
        desired: plan.desired,
        live,
        providedKinds: new Set(env.providers.flatMap((p) => p.kinds)),
        manualKinds: new Set(plan.manualKinds),
        secret: (name) => env.secret(name),
        allowDestroy: plan.allowDestroy,
      });
      for (const id of doneInOrg(plan, fresh)) touched.add(id);
    }
    const stale = findStaleness(plan, live, { touched });
    if (stale.length) {
      throw new ExitError(`${x.planFile} is stale: the org changed since it was made, so nothing was applied.\n  ${stale.join('\n  ')}`, 1, `make a new plan: kac plan --env ${env.name} --out ${x.planFile}`);
    }
    if (journal.resumed) io.err(`Resuming the interrupted apply of ${x.planFile}.`);
  } else {
    ({ plan, live } = await withReadProgress(io, env, () =>
      makePlan({ namespace: x.config.namespace, desired: x.desired, environment: env, env: io.env, logger: io.logger, allowDestroy: x.allowDestroy }),
    ));
    journal = await Journal.open(journalPath(x.root, env.name), env.name, planHash(plan));
    if (journal.previous) io.err('An earlier apply was interrupted; this plan was made from the org as it is now, so nothing is repeated.');
  }
  io.out(renderPlanText(plan, { color: io.color }));
  const errors = plan.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new ExitError(`the plan has ${errors.length} error(s); nothing was applied`, 1, 'fix them in git (see above), then plan again');
  const executable = plan.changes.filter((c) => isExecutableAtApply(c, x.allowDestroy));
  if (executable.length === 0) {
    io.out('Nothing to apply.');
    return 0;
  }
  if (!x.options.autoApprove) {
    if (!io.isTTY) throw new ExitError('apply needs confirmation, and there is no terminal to ask on', 1, 'review the plan above, then run again with --auto-approve (as CI does)');
    const ok = await confirmApply(`Apply ${executable.length} change(s) to ${env.name} (${env.target})?`, process.stdin, process.stderr);
    if (!ok) throw new ExitError('Apply cancelled; nothing was changed.');
  }

  const abort = new AbortController();
  // Handlers stay installed until apply is done (not `once`): write-file-atomic's signal-exit
  // re-raises a signal that has no other listener, which would kill the process mid journal write.
  // CI cancellation sends SIGINT then SIGTERM.
  const onSignal = () => {
    if (abort.signal.aborted) return void io.err('Still stopping: waiting for the requests in flight.');
    io.err('Interrupted: finishing the requests in flight; run the same command again to resume.');
    abort.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const progress = createProgress({ write: io.err, tty: io.isTTY, color: io.color });
  const stopAfter = x.options.stopAfter ? Number(x.options.stopAfter) : undefined;
  let finished = 0;
  try {
    const result = await applyPlan(plan, {
      providers: env.byKind,
      live,
      refetchLive: () => readLive(env.providers, ctx),
      secret: (name) => env.secret(name),
      allowDestroy: x.allowDestroy,
      logger: io.logger,
      journal,
      signal: abort.signal,
      onEvent: (e) => {
        progress.onEvent(e);
        if (e.type === 'done' && stopAfter !== undefined && ++finished >= stopAfter) abort.abort();
      },
    });
    progress.finish();
    io.out(renderApplyResult(result, { color: io.color }));
    if (abort.signal.aborted) return 1;
    const { plan: verify } = await makePlan({ namespace: x.config.namespace, desired: plan.desired, environment: env, env: io.env, logger: io.logger, allowDestroy: x.allowDestroy, inspect: false });
    io.out(renderVerification(verify, { color: io.color }));
    const incomplete = result.counts.failed + result.counts['skipped-dependency-failed'] + result.counts.interrupted;
    const stillDiffers = verify.changes.some((c) => isExecutableAtApply(c, x.allowDestroy));
    return incomplete > 0 || stillDiffers ? 1 : 0;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}
