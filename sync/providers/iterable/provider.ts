/**
 * The Iterable provider: manual, because Iterable has no API for journey webhooks. Its live state is
 * the committed confirmations file; a confirmed template's live body is the desired configuration
 * with the CONFIRMED sha256, so it equals desired exactly when what was pasted is what git holds.
 * `inspect` runs the read-only journeys check when the environment has an Iterable key.
 */
import type { JsonObject } from '../../../compiler/json.js';
import type { Resource, ResourceKind } from '../../../compiler/resource.js';
import type { Finding, LiveResource, Provider } from '../provider.js';
import type { IterableClient } from './client.js';
import { readConfirmations, type Confirmations } from './confirmations.js';
import { checkJourneys } from './journeys.js';

export const ITERABLE_KIND = 'iterable.journey-webhook' satisfies ResourceKind;

export interface IterableProviderOptions {
  /** Project root: where workflows/iterable/confirmations.json lives. */
  root: string;
  /** The compiled templates; the live body of a confirmed one is built from it. */
  desired: readonly Resource[];
  /** Absent when the environment has no Iterable key: inspect then reports the check as skipped. */
  client?: IterableClient;
  /** Default: read the committed file under `root`. */
  confirmations?: () => Promise<Confirmations>;
}

/** Pure: live resources from the confirmations. */
export function confirmedLive(desired: readonly Resource[], confirmations: Confirmations): LiveResource[] {
  const byKey = new Map(desired.filter((r) => r.kind === ITERABLE_KIND).map((r) => [r.key, r]));
  return Object.entries(confirmations)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, c]) => {
      const d = byKey.get(key);
      const body: JsonObject = d ? { ...d.body, sha256: c.sha256 } : { name: key, sha256: c.sha256 };
      return {
        kind: ITERABLE_KIND,
        key,
        id: key,
        body,
        dependsOn: [],
        sensitive: d?.sensitive ?? [],
        outputs: {},
        fingerprint: `${c.sha256}@${c.confirmedAt}`,
        facts: { confirmedAt: c.confirmedAt, ...(c.by ? { confirmedBy: c.by } : {}) },
      };
    });
}

function manualOnly(action: string): never {
  throw new Error(
    `Iterable journey webhooks have no API: kac never ${action}s them (plan shows the steps; confirm with "kac iterable confirm")`,
  );
}

export function createIterableProvider(options: IterableProviderOptions): Provider {
  const read = options.confirmations ?? (() => readConfirmations(options.root));
  return {
    system: 'iterable',
    kinds: [ITERABLE_KIND],
    manual: true,
    async fetchLive() {
      return confirmedLive(options.desired, await read());
    },
    async inspect(desired, ctx): Promise<Finding[]> {
      const templates = desired.filter((r) => r.kind === ITERABLE_KIND);
      if (templates.length === 0) return [];
      if (!options.client) {
        return templates.map((r) => ({
          severity: 'info' as const,
          resource: { kind: r.kind, key: r.key },
          message: 'journeys not checked: this environment has no Iterable API key',
        }));
      }
      ctx.logger.debug(`iterable: listing journeys at ${options.client.baseUrl}`);
      return checkJourneys(templates, await options.client.listJourneys(ctx.signal));
    },
    create: () => manualOnly('create'),
    update: () => manualOnly('update'),
    remove: () => manualOnly('remove'),
  };
}
