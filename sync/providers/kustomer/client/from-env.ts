/**
 * A client for a real org from the environment: `KUSTOMER_BASE_URL` and `KUSTOMER_API_KEY` (or the
 * variables an environment in kac.config.ts names). The key is registered for redaction on read.
 */
import { ExitError } from '../../../errors.js';
import { readSecret, type Logger } from '../../../logger.js';
import { createKustomerClient, type KustomerClient, type KustomerClientOptions } from './index.js';

export function kustomerClientFromEnv(
  env: NodeJS.ProcessEnv,
  options: Partial<KustomerClientOptions> & { logger?: Logger; baseUrlVar?: string; apiKeyVar?: string } = {},
): KustomerClient {
  const baseUrlVar = options.baseUrlVar ?? 'KUSTOMER_BASE_URL';
  const apiKeyVar = options.apiKeyVar ?? 'KUSTOMER_API_KEY';
  const baseUrl = env[baseUrlVar];
  if (!baseUrl)
    throw new ExitError(
      `${baseUrlVar} is not set`,
      1,
      "set it to https://<org>.api.kustomerapp.com (or your region's API host)",
    );
  const apiKey = readSecret(apiKeyVar, env);
  if (!apiKey)
    throw new ExitError(`${apiKeyVar} is not set`, 1, 'create an API key in Kustomer: Settings › Security › API Keys');
  return createKustomerClient({ ...options, baseUrl, apiKey });
}
