/**
 * `--env E` → the providers that talk to that environment, and a close(). `local` talks to the local
 * Kustomer org already serving its state (`kac emulator`: found through the state's lock, over HTTP),
 * or else starts one in-process (state under `.kac/local`, a random loopback port) and stops it on
 * close, so one process only ever writes a state directory;
 * a `kustomer` environment names a base URL and the variable holding its API key. With no `--env`,
 * `KUSTOMER_BASE_URL` + `KUSTOMER_API_KEY` in the environment target that org directly.
 */
import { isAbsolute, join } from 'node:path';
import { z } from 'zod';
import type { KacConfig } from '../../compiler/model/config.js';
import type { Resource, ResourceKind } from '../../compiler/resource.js';
import { ExitError } from '../errors.js';
import { readSecret, type Logger } from '../logger.js';
import { DEFAULT_MAX_BODY_BYTES, httpLimitsFromEnv } from '../providers/bounded-fetch.js';
import { readOrgIdentity, type OrgIdentity } from '../state/org-identity.js';
import { createIterableClient } from '../providers/iterable/client.js';
import { renderIterableInstructions } from '../providers/iterable/instructions.js';
import { createIterableProvider, ITERABLE_KIND } from '../providers/iterable/provider.js';
import { createKustomerClient, type ClientStats, type KustomerClient } from '../providers/kustomer/client/index.js';
import { startLocalOrg, type LocalOrg } from '../local-org/server/server.js';
import { findRunningLocalOrg } from '../local-org/server/find-running.js';
import { StateLockedError } from '../local-org/server/state-lock.js';
import type { StoredRun } from '../local-org/store/state.js';
import { createKustomerProvider } from '../providers/kustomer/provider.js';
import type { Provider } from '../providers/provider.js';

export interface Environment {
  name: string;
  kind: 'local' | 'kustomer';
  /** Where it points, for humans: never a key. */
  target: string;
  baseUrl: string;
  providers: Provider[];
  /** Provider per resource kind. */
  byKind: ReadonlyMap<ResourceKind, Provider>;
  /** Paste-ready instructions for manual kinds. */
  manualInstructions: (resource: Resource) => string;
  /**
   * A secret's value for comparing and sending. In the local org an unset secret gets a stand-in
   * value (the local org is on this machine; nothing real is authenticated with it).
   */
  secret(envVar: string): string | undefined;
  /** Requests the Kustomer client has made so far. */
  stats(): ClientStats;
  /** The in-process local org, when this environment is `local` and no emulator served its state. */
  localOrg?: LocalOrg;
  /** The local org's API token and its run logs, in-process or from the running emulator (`local` only). */
  local?: { token: string; stateDir: string; runs(): Promise<StoredRun[]> };
  /** The Kustomer client (for the demo's reads: customers, KObjects). */
  client: KustomerClient;
  /** Which org this is (org id + base URL), read once: what journals, saved plans and locks are keyed by. */
  identity(): Promise<OrgIdentity>;
  close(): Promise<void>;
}

export interface ResolveEnvironmentOptions {
  config: KacConfig;
  /** `--env`; undefined means the default (or the KUSTOMER_* variables when set). */
  name?: string;
  root: string;
  env: NodeJS.ProcessEnv;
  logger: Logger;
  /** Desired resources (the Iterable provider builds confirmed live bodies from them). */
  desired: readonly Resource[];
  /** Client requests in flight; default 4 (the client's own default). */
  concurrency?: number;
  /** Standard objects whose metadata to read; default: those `desired` defines attributes for. */
  standardObjects?: readonly string[];
}

export async function resolveEnvironment(options: ResolveEnvironmentOptions): Promise<Environment> {
  const { config, env, logger } = options;
  const direct = options.name === undefined ? directTarget(env) : undefined;
  const name = options.name ?? (direct ? 'direct' : (config.defaultEnvironment ?? 'local'));
  const envConfig = direct ? undefined : config.environments[name];
  if (!direct && !envConfig) {
    if (name === 'local') return open({ kind: 'local' }, name, options);
    throw new ExitError(
      `unknown environment "${name}"`,
      1,
      `kac.config.ts declares: ${Object.keys(config.environments).join(', ') || '(none)'}`,
    );
  }
  if (direct) {
    logger.info(`Targeting ${direct.baseUrl} (from KUSTOMER_BASE_URL and KUSTOMER_API_KEY).`);
    return open({ kind: 'kustomer', baseUrl: direct.baseUrl, apiKey: direct.apiKey }, name, options);
  }
  return open(envConfig!, name, options);
}

function directTarget(env: NodeJS.ProcessEnv): { baseUrl: string; apiKey: string } | undefined {
  const baseUrl = env.KUSTOMER_BASE_URL;
  const apiKey = readSecret('KUSTOMER_API_KEY', env);
  return baseUrl && apiKey ? { baseUrl, apiKey } : undefined;
}

type Target =
  | { kind: 'local'; stateDir?: string }
  | {
      kind: 'kustomer';
      baseUrl: string;
      apiKey: string | { envVar: string };
      iterable?: { region?: 'us' | 'eu'; baseUrl?: string; apiKey: { envVar: string } };
    };

async function open(target: Target, name: string, options: ResolveEnvironmentOptions): Promise<Environment> {
  const { env, logger } = options;
  let localOrg: LocalOrg | undefined;
  let baseUrl: string;
  let apiKey: string;
  let stateDir = '';
  if (target.kind === 'local') {
    stateDir = target.stateDir ?? '.kac/local';
    stateDir = isAbsolute(stateDir) ? stateDir : join(options.root, stateDir);
    const running = await findRunning(stateDir);
    if (running) {
      logger.info(
        `Using the local org already running at ${running.baseUrl} (process ${running.lock.pid}), which serves ${stateDir}.`,
      );
      baseUrl = running.baseUrl;
      apiKey = running.token;
    } else {
      localOrg = await startLocalOrg({ stateDir, onNotice: (m) => logger.info(m) }).catch((error: unknown) => {
        // Lost a race with an emulator starting on the same state: say who holds it.
        if (error instanceof StateLockedError) throw lockedExit(error);
        throw error;
      });
      baseUrl = localOrg.baseUrl;
      apiKey = localOrg.token;
    }
  } else {
    baseUrl = target.baseUrl;
    if (typeof target.apiKey === 'string') apiKey = target.apiKey;
    else {
      const value = readSecret(target.apiKey.envVar, env);
      if (!value)
        throw new ExitError(
          `environment "${name}" needs its API key in ${target.apiKey.envVar}, which is not set`,
          1,
          `export ${target.apiKey.envVar}=... (a Kustomer API key with the roles in the README)`,
        );
      apiKey = value;
    }
  }
  const limits = httpLimitsFromEnv(env, { timeoutMs: 30_000, maxBodyBytes: DEFAULT_MAX_BODY_BYTES });
  const retries = Number(env.KAC_HTTP_RETRIES);
  const client = createKustomerClient({
    baseUrl,
    apiKey,
    logger,
    ...limits,
    ...(Number.isInteger(retries) && retries >= 0 && env.KAC_HTTP_RETRIES?.trim() ? { maxRetries: retries } : {}),
    ...(Number(env.KAC_HTTP_DEADLINE_MS) > 0 ? { callDeadlineMs: Number(env.KAC_HTTP_DEADLINE_MS) } : {}),
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
  });
  let identity: Promise<OrgIdentity> | undefined;
  const standardObjects =
    options.standardObjects ??
    options.desired.filter((r) => r.kind === 'kustomer.standard-attributes').map((r) => r.key);
  const kustomer = createKustomerProvider(client, { namespace: options.config.namespace, standardObjects });
  const iterableKey =
    target.kind === 'kustomer' && target.iterable ? readSecret(target.iterable.apiKey.envVar, env) : undefined;
  const iterableOptions = target.kind === 'kustomer' ? target.iterable : undefined;
  const iterable = createIterableProvider({
    root: options.root,
    desired: options.desired,
    ...(iterableKey && iterableOptions
      ? {
          client: createIterableClient({
            apiKey: iterableKey,
            ...limits,
            ...(iterableOptions.region ? { region: iterableOptions.region } : {}),
            ...(iterableOptions.baseUrl ? { baseUrl: iterableOptions.baseUrl } : {}),
          }),
        }
      : {}),
  });
  const providers = [kustomer, iterable];
  const byKind = new Map<ResourceKind, Provider>();
  for (const p of providers) for (const k of p.kinds) byKind.set(k, p);
  return {
    name,
    kind: target.kind,
    target: target.kind === 'local' ? `local org at ${baseUrl}` : baseUrl,
    baseUrl,
    providers,
    byKind,
    manualInstructions: (r) =>
      r.kind === ITERABLE_KIND ? renderIterableInstructions(r) : JSON.stringify(r.body, null, 2),
    secret: target.kind === 'local' ? localSecret(env, logger) : (name) => readSecret(name, env),
    stats: () => client.stats(),
    ...(localOrg ? { localOrg } : {}),
    ...(target.kind === 'local'
      ? {
          local: {
            token: apiKey,
            stateDir,
            runs: async () =>
              localOrg
                ? localOrg.runs()
                : ((await client.request('GET', '/__kac/runs', { schema: RunsSchema })).data as unknown as StoredRun[]),
          },
        }
      : {}),
    client,
    identity: () => (identity ??= readOrgIdentity(client)),
    close: async () => {
      await localOrg?.close();
    },
  };
}

/** `GET /__kac/runs` (emulator only): the run logs, oldest first. */
const RunsSchema = z.object({
  data: z.array(z.looseObject({ eventName: z.string(), log: z.looseObject({ workflowName: z.string() }) })),
});

async function findRunning(stateDir: string) {
  try {
    return await findRunningLocalOrg(stateDir);
  } catch (error) {
    if (error instanceof StateLockedError) throw lockedExit(error);
    throw error;
  }
}

function lockedExit(error: StateLockedError): ExitError {
  return new ExitError(
    `${error.message}, which does not answer`,
    1,
    `stop that process (kill ${error.lock.pid}) or wait until it is up; kac never opens a state another live process serves`,
  );
}

function localSecret(env: NodeJS.ProcessEnv, logger: Logger): (name: string) => string {
  const told = new Set<string>();
  return (name) => {
    const value = readSecret(name, env);
    if (value !== undefined) return value;
    if (!told.has(name)) {
      told.add(name);
      logger.info(`${name} is not set: the local org gets the stand-in value "local-${name}".`);
    }
    return `local-${name}`;
  };
}
