/** `kac.config.ts`: the namespace kac owns and the environments it can sync. */
import type { Secret } from './secret.js';

/** The embedded local Kustomer org, started in-process. State lives under `stateDir`. */
export interface LocalEnvironment {
  kind: 'local';
  /** Default `.kac/local`. */
  stateDir?: string;
}

/** A real Kustomer org. */
export interface KustomerEnvironment {
  kind: 'kustomer';
  /** `https://<org>.api.kustomerapp.com` (preferred) or a regional host. */
  baseUrl: string;
  /** The API key, from an environment variable: `secret('KUSTOMER_API_KEY_PRODUCTION')`. */
  apiKey: Secret;
  /** Iterable project for the read-only journey checks. */
  iterable?: { region?: 'us' | 'eu'; baseUrl?: string; apiKey: Secret };
}

export type EnvironmentConfig = LocalEnvironment | KustomerEnvironment;

export interface KacConfig {
  /** Managed resources' names start with `<namespace>-`; nothing outside it is ever changed. */
  namespace: string;
  environments: Record<string, EnvironmentConfig>;
  /** Used when `--env` is not given. Default `local`. */
  defaultEnvironment?: string;
  daemon?: {
    /** node-cron expression; default hourly (`0 * * * *`). */
    schedule?: string;
    timezone?: string;
    environment?: string;
  };
}

/**
 * The project's configuration.
 *
 * @example
 * export default defineConfig({
 *   namespace: 'regal',
 *   environments: {
 *     local: { kind: 'local' },
 *     production: { kind: 'kustomer', baseUrl: 'https://acme.api.kustomerapp.com', apiKey: secret('KUSTOMER_API_KEY') },
 *   },
 * });
 */
export function defineConfig(config: KacConfig): KacConfig {
  return config;
}
