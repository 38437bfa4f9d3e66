/**
 * Loads `kac.config.ts` (its default export) from the project root and checks its shape with zod.
 * A missing or invalid config throws ConfigError, which carries diagnostics pointing at the file.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { Diagnostic } from '../diagnostics.js';
import type { KacConfig } from '../model/config.js';
import { ConfigError } from './config-error.js';
import { ensureTypeScriptImports } from './typescript.js';

export const CONFIG_FILE = 'kac.config.ts';

/** The config is wrong or missing; `diagnostics` say where and why. */
export { ConfigError };

const SecretSchema = z.object({ kind: z.literal('secret'), envVar: z.string().regex(/^[A-Z_][A-Z0-9_]*$/) });

const LocalEnvironmentSchema = z.object({ kind: z.literal('local'), stateDir: z.string().min(1).optional() });

const KustomerEnvironmentSchema = z.object({
  kind: z.literal('kustomer'),
  baseUrl: z.string().regex(/^https?:\/\/[^\s/]+/, 'must be an http(s) URL, e.g. https://acme.api.kustomerapp.com'),
  apiKey: SecretSchema,
  iterable: z
    .object({ region: z.enum(['us', 'eu']).optional(), baseUrl: z.string().optional(), apiKey: SecretSchema })
    .optional(),
});

export const KacConfigSchema = z.object({
  namespace: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_]*$/, 'letters, digits and "_" only (names are `<namespace>-...`)'),
  environments: z.record(z.string(), z.discriminatedUnion('kind', [LocalEnvironmentSchema, KustomerEnvironmentSchema])),
  defaultEnvironment: z.string().optional(),
  daemon: z
    .object({ schedule: z.string().optional(), timezone: z.string().optional(), environment: z.string().optional() })
    .optional(),
});

/** Environment names the config refers to must exist; checked even when other fields are wrong. */
function environmentReferences(config: unknown): { path: string; message: string }[] {
  if (typeof config !== 'object' || config === null) return [];
  const { environments, defaultEnvironment, daemon } = config as {
    environments?: unknown;
    defaultEnvironment?: unknown;
    daemon?: { environment?: unknown };
  };
  if (typeof environments !== 'object' || environments === null) return [];
  const names = Object.keys(environments);
  return [
    ['defaultEnvironment', defaultEnvironment],
    ['daemon.environment', daemon?.environment],
  ]
    .filter(([, env]) => typeof env === 'string' && !names.includes(env))
    .map(([path]) => ({ path: path as string, message: `names no environment (have: ${names.join(', ')})` }));
}

export async function loadConfig(root: string): Promise<KacConfig> {
  const file = join(root, CONFIG_FILE);
  const at = { file: CONFIG_FILE, line: 1, column: 1 };
  if (!existsSync(file)) {
    throw new ConfigError([
      {
        code: 'config/missing',
        severity: 'error',
        message: `no ${CONFIG_FILE} in ${root}.`,
        hint: 'run kac from the project root, or pass --root <dir>',
      },
    ]);
  }
  let exported: unknown;
  try {
    await ensureTypeScriptImports();
    exported = ((await import(pathToFileURL(file).href)) as { default?: unknown }).default;
  } catch (error) {
    throw new ConfigError([
      {
        code: 'config/import-failed',
        severity: 'error',
        message: `${CONFIG_FILE} could not be loaded: ${firstLine(error)}`,
        location: at,
      },
    ]);
  }
  const parsed = KacConfigSchema.safeParse(exported);
  const issues = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))),
    ...environmentReferences(exported),
  ];
  if (issues.length > 0) {
    throw new ConfigError(
      issues.map((issue) => ({
        code: 'config/invalid',
        severity: 'error' as const,
        message: `${issue.path || 'the default export'}: ${issue.message}`,
        location: at,
        ...(exported === undefined ? { hint: 'export default defineConfig({ namespace, environments })' } : {}),
      })),
    );
  }
  // The original object, not zod's copy: secrets keep their behaviour (toString → placeholder).
  return exported as KacConfig;
}

export function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.trim();
}
