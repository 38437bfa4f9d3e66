/**
 * Opens an environment for reading (hooks, timelines, the studio): only `kac.config.ts` is loaded,
 * not the definitions, so these commands start fast. The environment is closed whatever happens.
 */
import { loadConfig } from '../../compiler/load/config.js';
import type { KacConfig } from '../../compiler/model/config.js';
import { resolveEnvironment, type Environment } from '../env/resolve-environment.js';
import type { Logger } from '../logger.js';

export interface OrgAccess {
  env: Environment;
  config: KacConfig;
  /** The variable holding the API key a web hook post needs; its value is never printed. */
  keyVar: string;
  /** Set when the org is an in-process local org that stops with this command. */
  ephemeralBaseUrl?: string;
}

export interface OpenOrgOptions {
  root: string;
  envName?: string;
  env: NodeJS.ProcessEnv;
  logger: Logger;
}

export async function openOrg(o: OpenOrgOptions): Promise<OrgAccess> {
  const config = await loadConfig(o.root);
  const env = await resolveEnvironment({
    config,
    ...(o.envName ? { name: o.envName } : {}),
    root: o.root,
    env: o.env,
    logger: o.logger,
    desired: [],
  });
  const declared = config.environments[env.name];
  const keyVar = declared?.kind === 'kustomer' ? declared.apiKey.envVar : 'KUSTOMER_API_KEY';
  return { env, config, keyVar, ...(env.localOrg ? { ephemeralBaseUrl: env.baseUrl } : {}) };
}

export async function withOrg<T>(o: OpenOrgOptions, fn: (org: OrgAccess) => Promise<T>): Promise<T> {
  const org = await openOrg(o);
  try {
    return await fn(org);
  } finally {
    await org.env.close();
  }
}

/** Where the key for a web hook post comes from, in words (never its value). */
export function keyHint(org: Pick<OrgAccess, 'env' | 'keyVar'>): string {
  return org.env.kind === 'local'
    ? `The hook needs the local org's token: export the KUSTOMER_API_KEY line \`kac emulator\` printed.`
    : `A web hook post needs \`Authorization: Bearer <key>\` (a key with the org.hooks role): the curl lines read it from $${org.keyVar}.`;
}
