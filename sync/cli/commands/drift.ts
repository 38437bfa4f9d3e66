/**
 * `kac drift [--env E] [--format text|markdown|json] [--github] [--adopt]`: compare the live org with
 * the definitions and report what changed outside git. Exit 2 when there is drift, 0 when none. With
 * --github, keep the environment's drift issue in step (open, update, close) and write the job
 * summary. With --adopt, keep the UI changes: rewrite their files (with --github: a pull request on
 * `kac/adopt-<env>`). The work is sync/operations/drift.ts and adopt.ts.
 */
import { ExitError } from '../../errors.js';
import type { CliIo } from '../io.js';
import { cliContext, parseFormat, projectRoot } from '../shared.js';
import type { RegisterCommand } from './index.js';

interface DriftCommandOptions {
  env?: string;
  format?: string;
  github?: boolean;
  adopt?: boolean;
  root?: string;
}

export const registerDrift: RegisterCommand = (program, io, setExit) => {
  program
    .command('drift')
    .description('report what changed in the live org outside git; exit 2 when there is drift')
    .option('--env <name>', 'environment from kac.config.ts (default: defaultEnvironment, else local)')
    .option('--format <format>', 'text, markdown or json', 'text')
    .option(
      '--github',
      'open, update or close the drift issue for this environment (needs GITHUB_TOKEN and GITHUB_REPOSITORY)',
    )
    .option(
      '--adopt',
      'keep UI changes: rewrite their definition files from live state (with --github: a pull request on kac/adopt-<env>)',
    )
    .option('--root <dir>', 'project root (default: the current directory)')
    .action(async (options: DriftCommandOptions) => setExit(await runDriftCommand(options, io)));
};

async function runDriftCommand(options: DriftCommandOptions, io: CliIo): Promise<number> {
  const format = parseFormat(options.format);
  const root = projectRoot(io, options.root);
  const [{ withProject }, { runDrift }, { runAdopt }, render, { publishDriftReport }, { readActionsEnv }] =
    await Promise.all([
      import('../../operations/project.js'),
      import('../../operations/drift.js'),
      import('../../operations/adopt.js'),
      import('../../drift/render.js'),
      import('../../drift/publish.js'),
      import('../../github/actions-env.js'),
    ]);
  return withProject({ root, name: options.env, ...cliContext(io) }, async (build, env) => {
    const { report } = await runDrift(
      env,
      { namespace: build.config.namespace, desired: build.resources },
      cliContext(io),
    );
    io.out(
      format === 'json'
        ? render.renderDriftJson(report)
        : format === 'markdown'
          ? render.renderDriftMarkdown(report)
          : render.renderDriftText(report),
    );
    if (options.github) {
      const published = await publishDriftReport(report, {
        actions: readActionsEnv(io.env),
        logger: io.logger,
        cwd: root,
        requireGitHub: true,
      });
      if (published.to === 'github' && published.issue.action === 'none')
        io.err('No drift and no open drift issue: nothing to do on GitHub.');
    }
    if (options.adopt && report.hasDrift) {
      const publish = options.github ? await adoptPublisher(io) : undefined;
      // Adopt reads the org to rewrite git: not while another kac run is half-way through changing it.
      const { withOrgLock } = await import('../../state/org-lock.js');
      const result = await withOrgLock(
        root,
        () => env.identity(),
        { command: 'kac drift --adopt', timeoutMs: 60_000, onNotice: (m) => io.err(m) },
        () => runAdopt(env, { build, root }, { ...cliContext(io), ...(publish ? { publish } : {}) }),
      );
      for (const a of result.adoption.adopted) io.err(`adopted   ${a.kind} ${a.key} → ${a.path}`);
      for (const d of result.adoption.deletedInUi)
        io.err(`not adopted: ${d.kind} ${d.key} was deleted in the UI (apply recreates it; delete its file to accept)`);
      for (const path of result.written) io.out(`wrote     ${path}`);
      const pr = result.published;
      if (pr) io.out(`${pr.action === 'created' ? 'opened' : pr.action} pull request #${pr.number}: ${pr.url}`);
    }
    return report.hasDrift ? 2 : 0;
  });
}

/** `--adopt --github`: the adoption becomes a pull request on `kac/adopt-<env>`. */
async function adoptPublisher(io: CliIo) {
  const [{ readActionsEnv }, { createGitHubClient }, { openAdoptPullRequest }] = await Promise.all([
    import('../../github/actions-env.js'),
    import('../../github/client.js'),
    import('../../drift/adopt-github.js'),
  ]);
  const actions = readActionsEnv(io.env);
  if (!actions.token || !actions.owner || !actions.repo)
    throw new ExitError('--adopt --github needs GITHUB_TOKEN and GITHUB_REPOSITORY', 1);
  const target = {
    octokit: createGitHubClient({ token: actions.token, baseUrl: actions.apiUrl, logger: io.logger }),
    owner: actions.owner,
    repo: actions.repo,
  };
  return (adoption: import('../../drift/adopt.js').Adoption) => openAdoptPullRequest(target, adoption, io.logger);
}
