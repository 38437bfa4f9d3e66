/**
 * `kac daemon [--env E] [--apply] [--allow-destroy] [--health-port N] [--status]`: check drift on the
 * config's schedule (`daemon.schedule`, default hourly) until SIGTERM/SIGINT, writing each report to
 * the GitHub issue or `.kac/drift-<env>.md`. `--apply` heals drift (never deletes without
 * --allow-destroy). `--status` prints the last run, its result and the next run from `.kac/`.
 */
import { ExitError } from '../../errors.js';
import { projectRoot } from '../shared.js';
import type { RegisterCommand } from './index.js';

export const DEFAULT_SCHEDULE = '0 * * * *';

interface DaemonCommandOptions {
  env?: string;
  apply?: boolean;
  allowDestroy?: boolean;
  status?: boolean;
  healthPort?: string;
  schedule?: string;
  root?: string;
}

export const registerDaemon: RegisterCommand = (program, io) => {
  program
    .command('daemon')
    .description('check drift on a schedule (kac.config.ts daemon.schedule, default hourly) until stopped')
    .option('--env <name>', 'environment (default: daemon.environment, else defaultEnvironment, else local)')
    .option('--apply', 'heal drift by applying the definitions (off by default)')
    .option('--allow-destroy', 'with --apply: also delete objects created outside git in the namespace')
    .option('--health-port <port>', 'serve GET /health on 127.0.0.1:<port> (0 picks a free port)')
    .option('--schedule <cron>', 'override daemon.schedule (node-cron; 6 fields for seconds)')
    .option('--status', 'print the last run, its result and the next run, then exit')
    .option('--root <dir>', 'project root (default: the current directory)')
    .action(async (options: DaemonCommandOptions) => {
      const root = projectRoot(io, options.root);
      const [
        { loadConfig },
        { driftTask },
        { runDaemonProcess },
        { ScheduleError },
        { formatStatus, isProcessAlive, readStatusFile, statusFilePath },
      ] = await Promise.all([
        import('../../../compiler/load/config.js'),
        import('../../daemon/drift-task.js'),
        import('../../daemon/lifecycle.js'),
        import('../../daemon/scheduler.js'),
        import('../../daemon/status.js'),
      ]);
      const statusPath = statusFilePath(root);
      if (options.status) {
        const status = await readStatusFile(statusPath);
        io.out(formatStatus(status, status ? isProcessAlive(status.pid) : false));
        return;
      }
      if (options.allowDestroy && !options.apply)
        throw new ExitError(
          '--allow-destroy only makes sense with --apply',
          1,
          'the daemon reports drift; add --apply to heal it',
        );
      const config = await loadConfig(root);
      const schedule = options.schedule ?? config.daemon?.schedule ?? DEFAULT_SCHEDULE;
      const environment = options.env ?? config.daemon?.environment ?? config.defaultEnvironment;
      const healthPort = options.healthPort === undefined ? undefined : Number(options.healthPort);
      if (healthPort !== undefined && !(Number.isInteger(healthPort) && healthPort >= 0 && healthPort < 65536)) {
        throw new ExitError(`--health-port must be a port number, not "${options.healthPort}"`);
      }
      io.err(
        `kac daemon: ${environment ?? 'default environment'}, schedule "${schedule}"${config.daemon?.timezone ? ` (${config.daemon.timezone})` : ''}, ${options.apply ? `healing drift${options.allowDestroy ? ' including deletes' : ' (no deletes)'}` : 'reporting only'}. Stop with Ctrl-C or SIGTERM.`,
      );
      try {
        const result = await runDaemonProcess({
          schedule,
          ...(config.daemon?.timezone ? { timezone: config.daemon.timezone } : {}),
          ...(environment ? { environment } : {}),
          runOnce: driftTask({
            root,
            ...(environment ? { environment } : {}),
            env: io.env,
            logger: io.logger,
            heal: options.apply ?? false,
            allowDestroy: options.allowDestroy ?? false,
          }),
          logger: io.logger,
          statusPath,
          ...(healthPort !== undefined ? { healthPort } : {}),
          runOnStart: true,
        });
        if (result.abandoned) io.err('The last run was abandoned mid-way; the next run (or kac apply) converges.');
      } catch (error) {
        if (error instanceof ScheduleError)
          throw new ExitError(error.message, 1, 'daemon.schedule is a node-cron expression, e.g. "0 * * * *" (hourly)');
        throw error;
      }
    });
};
