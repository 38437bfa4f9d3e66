/**
 * `kac drift [--env E] [--format text|markdown|json] [--github]`: compare the live org with the
 * definitions and report what changed outside git. Exit 2 when there is drift, 0 when none. With
 * --github, keep the environment's drift issue in step (open, update, close) and write the job summary.
 */
import { resolve } from 'node:path';
import { checkDrift } from '../../drift/run-drift.js';
import { publishDriftReport } from '../../drift/publish.js';
import { renderDriftJson, renderDriftMarkdown, renderDriftText } from '../../drift/render.js';
import { ExitError } from '../../errors.js';
import { readActionsEnv } from '../../github/actions-env.js';
import type { RegisterCommand } from './index.js';
import { runAdopt } from './drift-adopt.js';

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
    .option('--github', 'open, update or close the drift issue for this environment (needs GITHUB_TOKEN and GITHUB_REPOSITORY)')
    .option('--adopt', 'keep UI changes: rewrite their definition files from live state (with --github: a pull request on kac/adopt-<env>)')
    .option('--root <dir>', 'project root (default: the current directory)')
    .action(async (options: DriftCommandOptions) => {
      const format = options.format ?? 'text';
      if (!['text', 'markdown', 'json'].includes(format)) throw new ExitError(`unknown format "${format}"`, 1, 'use --format text, markdown or json');
      const root = resolve(io.cwd, options.root ?? '.');
      const { report } = await checkDrift({ root, ...(options.env ? { environment: options.env } : {}), env: io.env, logger: io.logger });
      io.out(format === 'json' ? renderDriftJson(report) : format === 'markdown' ? renderDriftMarkdown(report) : renderDriftText(report));
      if (options.github) {
        const published = await publishDriftReport(report, { actions: readActionsEnv(io.env), logger: io.logger, cwd: root, requireGitHub: true });
        if (published.to === 'github' && published.issue.action === 'none') io.err('No drift and no open drift issue: nothing to do on GitHub.');
      }
      if (options.adopt && report.hasDrift) await runAdopt({ root, ...(options.env ? { env: options.env } : {}), github: options.github ?? false }, io);
      if (report.hasDrift) setExit(2);
    });
};
