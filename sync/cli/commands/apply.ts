/**
 * `kac apply [plan.json] [--env E] [--auto-approve] [--allow-destroy]`: parse the options, confirm on
 * a terminal (or require --auto-approve), stop at a safe point on SIGINT/SIGTERM, and render what the
 * apply operation (sync/operations/apply.ts: plan or saved plan → execute → verify) returns.
 */
import { Option } from 'commander';
import { ExitError } from '../../errors.js';
import type { CliIo } from '../io.js';
import { cliContext, NO_TYPECHECK, parseNumber, printWarnings, projectRoot, typecheckOption } from '../shared.js';
import type { RegisterCommand } from './index.js';

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
  lockTimeout?: number;
}

export const registerApply: RegisterCommand = (program, io, setExit) => {
  program
    .command('apply [plan]')
    .description('apply a saved plan (refused when the org changed since), or plan and apply now')
    .option('--env <name>', "environment from kac.config.ts (default: the plan's, else defaultEnvironment, else local)")
    .option('--auto-approve', 'do not ask for confirmation (required without a terminal, e.g. in CI)')
    .option(
      '--allow-destroy',
      'delete hooks, outbound webhooks and Klasses removed from git (never a Klass with KObjects)',
    )
    .option('--root <dir>', 'project root (default: the current directory)')
    .option(NO_TYPECHECK.flag, NO_TYPECHECK.description)
    .option('--github', 'in GitHub Actions: post the result on the merged PR and in the job summary')
    .option(
      '--lock-timeout <seconds>',
      'wait this long for another kac run changing the same org, then refuse (default 60)',
      parseNumber(0),
    )
    .addOption(
      new Option('--stop-after <n>', 'stop after n finished changes (tests of interrupted applies)').hideHelp(),
    )
    .action(async (planFile: string | undefined, options: ApplyCommandOptions) =>
      setExit(await runApplyCommand(planFile, options, io)),
    );
};

async function runApplyCommand(planFile: string | undefined, options: ApplyCommandOptions, io: CliIo): Promise<number> {
  const root = projectRoot(io, options.root);
  const allowDestroy = options.allowDestroy ?? false;
  const [{ loadConfig }, { buildValidProject, withEnvironment }] = await Promise.all([
    import('../../../compiler/load/config.js'),
    import('../../operations/project.js'),
  ]);
  let project: {
    config: Awaited<ReturnType<typeof loadConfig>>;
    desired: import('../../../compiler/resource.js').Resource[];
  };
  let saved: { plan: import('../../plan/types.js').Plan; file: string } | undefined;
  if (planFile) {
    const { readPlanFile } = await import('../../plan/saved-plan-file.js');
    const plan = await readPlanFile(projectRoot(io, planFile), planFile);
    saved = { plan, file: planFile };
    project = { config: await loadConfig(root), desired: plan.desired };
    if (options.env && options.env !== plan.environment.name) {
      throw new ExitError(
        `${planFile} was made for environment "${plan.environment.name}", not "${options.env}"`,
        1,
        `make a plan for "${options.env}" with kac plan --env ${options.env} --out ...`,
      );
    }
    if (plan.namespace !== project.config.namespace)
      throw new ExitError(
        `${planFile} is for namespace "${plan.namespace}", this project's is "${project.config.namespace}"`,
      );
  } else {
    const build = await buildValidProject(root, printWarnings(io), typecheckOption(options));
    project = { config: build.config, desired: build.resources };
  }
  const name =
    options.env ?? (saved && saved.plan.environment.name !== 'direct' ? saved.plan.environment.name : undefined);
  return withEnvironment(
    { config: project.config, desired: project.desired, name, root, ...cliContext(io) },
    async (env) => {
      const run = (out: CliIo) =>
        applyIn(
          env,
          { root, namespace: project.config.namespace, desired: project.desired, allowDestroy, saved, options },
          out,
        );
      if (options.github) {
        const { applyOnGitHub } = await import('../../github/cli.js');
        return applyOnGitHub(io, env.name, run);
      }
      const code = await run(io);
      if (code === 0 && env.kind === 'local') await printLocalHooks(env, root, io);
      return code;
    },
  );
}

/** What comes next on a local org: each hook's URL and a ready curl line (the token by its variable). */
async function printLocalHooks(
  env: import('../../env/resolve-environment.js').Environment,
  root: string,
  io: CliIo,
): Promise<void> {
  const { readHooks, renderHooks, sampleData } = await import('../../inspect/hooks.js');
  const hint = "The hook needs the local org's token: export the KUSTOMER_API_KEY line `kac emulator` printed.";
  const text = renderHooks(await readHooks(env.client), {
    keyVar: 'KUSTOMER_API_KEY',
    data: sampleData(root),
    keyHint: hint,
    ...(env.localOrg ? { ephemeralBaseUrl: env.baseUrl } : {}),
  });
  io.out(
    `\n${text}\nThen: kac timeline <email | phone | external id> shows the customer's cards; kac studio shows it all in a browser.`,
  );
}

interface ApplyContext {
  root: string;
  namespace: string;
  desired: import('../../../compiler/resource.js').Resource[];
  allowDestroy: boolean;
  saved: { plan: import('../../plan/types.js').Plan; file: string } | undefined;
  options: ApplyCommandOptions;
}

async function applyIn(
  env: import('../../env/resolve-environment.js').Environment,
  x: ApplyContext,
  io: CliIo,
): Promise<number> {
  const [{ acquireOrgLock }, { orgStateDir }, { join }] = await Promise.all([
    import('../../state/org-lock.js'),
    import('../../state/org-identity.js'),
    import('node:path'),
  ]);
  // State belongs to the org, not the environment's name: check a saved plan's org, then hold the org's lock.
  const identity = await env.identity();
  if (x.saved?.plan.org && x.saved.plan.org.key !== identity.key) {
    const made = x.saved.plan.org;
    throw new ExitError(
      `${x.saved.file} was made for org ${made.id ?? '(id not reported)'} at ${made.baseUrl}, but this is ${identity.label}; nothing was applied`,
      1,
      `make a plan for this org: ${planCommand(env.name, x.saved.file)}`,
    );
  }
  const stateDir = orgStateDir(x.root, identity);
  const lock = await acquireOrgLock({
    dir: stateDir,
    org: identity.label,
    command: 'kac apply',
    timeoutMs: Math.round((x.options.lockTimeout ?? 60) * 1000),
    onNotice: (m) => io.err(m),
  });
  try {
    return await applyLocked(env, x, io, join(stateDir, 'journal.json'), identity);
  } finally {
    await lock.release();
  }
}

/** `kac plan [--env E] --out F` for the environment as it was chosen (a direct target has no --env). */
function planCommand(envName: string, file: string): string {
  return `kac plan${envName === 'direct' ? '' : ` --env ${envName}`} --out ${file}`;
}

async function applyLocked(
  env: import('../../env/resolve-environment.js').Environment,
  x: ApplyContext,
  io: CliIo,
  journalFile: string,
  identity: import('../../state/org-identity.js').OrgIdentity,
): Promise<number> {
  const [
    { runApply },
    { Journal },
    { confirmApply },
    { createProgress },
    { renderApplyResult, renderVerification },
    { renderPlanText },
    { startReadProgress },
  ] = await Promise.all([
    import('../../operations/apply.js'),
    import('../../apply/journal.js'),
    import('../../apply/confirm.js'),
    import('../../apply/progress.js'),
    import('../../report/apply-text.js'),
    import('../../report/plan-text.js'),
    import('../read-progress.js'),
  ]);
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
  const stopReading = startReadProgress(io, env);
  try {
    const outcome = await runApply(
      env,
      {
        namespace: x.namespace,
        desired: x.desired,
        allowDestroy: x.allowDestroy,
        ...(x.saved ? { saved: x.saved } : {}),
      },
      {
        ...cliContext(io),
        signal: abort.signal,
        openJournal: (hash) =>
          Journal.open(journalFile, env.name, hash, { org: identity, root: x.root, notice: (m) => io.err(m) }),
        notice: (message) => io.err(message),
        onPlan: (plan) => {
          stopReading();
          io.out(renderPlanText(plan, { color: io.color }));
        },
        ...(x.options.autoApprove
          ? {}
          : {
              confirm: async (executable) => {
                if (!io.isTTY)
                  throw new ExitError(
                    'apply needs confirmation, and there is no terminal to ask on',
                    1,
                    'review the plan above, then run again with --auto-approve (as CI does)',
                  );
                return confirmApply(
                  `Apply ${executable.length} change(s) to ${env.name} (${env.target})?`,
                  process.stdin,
                  process.stderr,
                );
              },
            }),
        onEvent: (e) => {
          progress.onEvent(e);
          if (e.type === 'done' && stopAfter !== undefined && ++finished >= stopAfter) abort.abort();
        },
      },
    );
    if (outcome.status === 'nothing-to-apply') {
      // A duplicated name is not "done": it blocks changes until it is resolved (see the warnings above).
      const ambiguous = (outcome.plan.duplicates ?? []).filter((d) => d.ambiguous);
      io.out(
        ambiguous.length
          ? `Nothing to apply, but ${ambiguous.length} name(s) exist more than once live: resolve them as the warnings above say.`
          : 'Nothing to apply.',
      );
      return ambiguous.length ? 1 : 0;
    }
    progress.finish();
    io.out(renderApplyResult(outcome.result, { color: io.color }));
    if (outcome.verification) io.out(renderVerification(outcome.verification, { color: io.color }));
    return outcome.complete ? 0 : 1;
  } finally {
    stopReading();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}
