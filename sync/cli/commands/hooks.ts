/**
 * `kac hooks [--env E] [--json]`: the org's inbound hooks, each with its URL, the workflows it
 * triggers and a ready curl line (the key is named by its variable, never printed). Modules load only
 * when the command runs.
 */
import type { RegisterCommand } from './index.js';

interface HooksOptions {
  env?: string;
  json?: boolean;
}

export const registerHooks: RegisterCommand = (program, io) => {
  program
    .command('hooks')
    .description('list the inbound hooks with their URLs, the workflows they trigger and a ready curl line')
    .option('--env <name>', 'environment from kac.config.ts (default: defaultEnvironment, else local)')
    .option('--json', 'print the hooks as JSON')
    .action(async (o: HooksOptions) => {
      const { withOrg, keyHint } = await import('../../inspect/open-org.js');
      const { readHooks, renderHooks, sampleData } = await import('../../inspect/hooks.js');
      await withOrg(
        { root: io.cwd, ...(o.env ? { envName: o.env } : {}), env: io.env, logger: io.logger },
        async (org) => {
          const hooks = await readHooks(org.env.client);
          if (o.json) return void io.out(JSON.stringify(hooks, null, 2));
          io.out(
            renderHooks(hooks, {
              keyVar: org.keyVar,
              data: sampleData(io.cwd),
              keyHint: keyHint(org),
              ...(org.ephemeralBaseUrl ? { ephemeralBaseUrl: org.ephemeralBaseUrl } : {}),
            }),
          );
        },
      );
    });
};
