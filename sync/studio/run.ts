/**
 * Starts the studio: compiles the definitions, opens the environment (the local org by default),
 * serves the page on 127.0.0.1. `createStudio` is what tests use; `runStudio` serves until Ctrl-C.
 */
import { spawn } from 'node:child_process';
import { buildProject } from '../../compiler/build.js';
import type { CliIo } from '../cli/io.js';
import { openOrg } from '../inspect/open-org.js';
import { silentLogger } from '../logger.js';
import { runPlan } from '../operations/plan.js';
import { renderPlanText } from '../report/plan-text.js';
import { workflowFlowchart } from '../report/mermaid.js';
import { summarizePlan } from '../report/summary.js';
import type { Environment } from '../env/resolve-environment.js';
import type { StudioContext } from './api.js';
import { createOrgData } from './org-data.js';
import { startStudioServer, type StudioServer } from './server.js';

export interface StudioOptions {
  root: string;
  /** Default `local`. Any other environment is shown read-only. */
  envName?: string;
  port?: number;
  processEnv?: NodeJS.ProcessEnv;
}

export interface Studio extends StudioServer {
  env: Environment;
}

/** KUSTOMER_BASE_URL + KUSTOMER_API_KEY naming a local org on this machine (a running `kac emulator`). */
function runningEmulator(env: NodeJS.ProcessEnv): string | undefined {
  const url = env.KUSTOMER_BASE_URL ?? '';
  return /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/?$/.test(url) && env.KUSTOMER_API_KEY
    ? env.KUSTOMER_API_KEY
    : undefined;
}

export async function createStudio(o: StudioOptions): Promise<Studio> {
  const processEnv = o.processEnv ?? process.env;
  const build = await buildProject(o.root);
  // Without --env: the emulator the KUSTOMER_* variables point at, else the local org in-process.
  const emulatorToken = o.envName ? undefined : runningEmulator(processEnv);
  const { env } = await openOrg({
    root: o.root,
    ...(emulatorToken ? {} : { envName: o.envName ?? 'local' }),
    env: processEnv,
    logger: silentLogger,
  });
  try {
    // The local org's token: in-process, or the running emulator's (found through its state lock).
    const token = emulatorToken ?? env.local?.token;
    const ctx: StudioContext = {
      root: o.root,
      env: { name: env.name, kind: env.kind, target: env.target },
      namespace: build.config.namespace,
      resources: build.resources,
      diagnostics: build.diagnostics,
      org: createOrgData({ client: env.client, ...(token ? { local: { token } } : {}) }),
      async plan() {
        const { plan } = await runPlan(
          env,
          { namespace: build.config.namespace, desired: build.resources },
          { logger: silentLogger, env: processEnv },
        );
        const s = summarizePlan(plan);
        return {
          text: renderPlanText(plan, { color: false }),
          counts: {
            create: s.create,
            update: s.update,
            disable: s.disable,
            delete: s.delete,
            manual: s.manual,
            unchanged: s.unchanged,
            refused: s.refused,
            errors: s.errors,
          },
          workflows: plan.changes.flatMap((c) =>
            c.resource.kind === 'kustomer.workflow' && (c.kind === 'create' || c.kind === 'update')
              ? [
                  {
                    name: c.resource.key,
                    mermaid: workflowFlowchart(c.body, c.summary, {
                      compiled:
                        plan.desired.find((r) => r.kind === c.resource.kind && r.key === c.resource.key)?.body ??
                        c.body,
                    }),
                  },
                ]
              : [],
          ),
        };
      },
    };
    const server = await startStudioServer(ctx, o.port ?? 0);
    return { ...server, env, close: async () => (await server.close(), await env.close()) };
  } catch (error) {
    await env.close();
    throw error;
  }
}

function openInBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  spawn(command, [url], { stdio: 'ignore', detached: true })
    .on('error', () => {})
    .unref();
}

export async function runStudio(
  o: { root: string; envName?: string; port: number; open: boolean },
  io: CliIo,
): Promise<void> {
  const studio = await createStudio({
    root: o.root,
    ...(o.envName ? { envName: o.envName } : {}),
    port: o.port,
    processEnv: io.env,
  });
  io.out(`kac studio: ${studio.url}`);
  io.err(
    `${studio.env.kind === 'local' ? 'the local org' : `${studio.env.name} (read-only)`}: ${studio.env.target}. Ctrl-C to stop.`,
  );
  if (o.open) openInBrowser(studio.url);
  const signal = await new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  io.err(`${signal}: stopping`);
  await studio.close();
}
