/**
 * `kac studio [--env local] [--port N] [--open]`: a web page on 127.0.0.1 showing the org: workflows
 * as graphs, Klasses, hooks (with a form that posts a sample event), customers' timelines, run logs
 * and the plan. A real environment is shown read-only, and its key never reaches the browser. The
 * server's modules load only when the command runs.
 */
import { parseNumber } from '../shared.js';
import type { RegisterCommand } from './index.js';

interface StudioOptions {
  env?: string;
  port: number;
  open?: boolean;
}

export const registerStudio: RegisterCommand = (program, io) => {
  program
    .command('studio')
    .description(
      'serve a page on 127.0.0.1: workflows as graphs, Klasses, hooks, customer timelines, run logs, the plan',
    )
    .option('--env <name>', 'environment from kac.config.ts (default: local; others are shown read-only)')
    .option('--port <n>', 'port on 127.0.0.1 (0: any free port)', parseNumber(0, 65535), 4321)
    .option('--open', 'open the page in the default browser')
    .action(async (o: StudioOptions) => {
      const { runStudio } = await import('../../studio/run.js');
      await runStudio({ root: io.cwd, ...(o.env ? { envName: o.env } : {}), port: o.port, open: o.open === true }, io);
    });
};
