/**
 * Which org kac is talking to: the org id from `GET /v1/auth/tokens/current` plus the base URL. Every
 * piece of state kac keeps (apply journal, saved plans, the apply lock) is keyed by it, never by an
 * environment's name: two names for one org share state, two orgs behind one name never do.
 * A loopback base URL (the local org, on a new port each run) counts as "loopback": the org id alone
 * tells local orgs apart.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { KustomerClient } from '../providers/kustomer/client/index.js';

export interface OrgIdentity {
  /** The org id Kustomer reports for the API key; undefined when the response did not carry one. */
  orgId: string | undefined;
  baseUrl: string;
  /** Stable and file-name safe: `<org id>-<8 hex of the base URL>`. */
  key: string;
  /** For people: `org 5f3… at https://acme.api.kustomerapp.com`. */
  label: string;
}

/**
 * The response shape is inferred (kustomer-api.md confirms the path only): the org id is looked for in
 * JSON:API `relationships.org.data.id`, then `attributes.org` / `attributes.orgId`.
 */
const TokenSchema = z.looseObject({
  data: z.looseObject({
    attributes: z.looseObject({ org: z.unknown().optional(), orgId: z.unknown().optional() }).optional(),
    relationships: z
      .looseObject({ org: z.looseObject({ data: z.looseObject({ id: z.string() }).nullable().optional() }).optional() })
      .optional(),
  }),
});

export async function readOrgIdentity(client: KustomerClient, signal?: AbortSignal): Promise<OrgIdentity> {
  const token = await client.request('GET', '/v1/auth/tokens/current', {
    schema: TokenSchema,
    ...(signal ? { signal } : {}),
  });
  const fromAttributes = [token.data.attributes?.orgId, token.data.attributes?.org].find(
    (v): v is string => typeof v === 'string' && v !== '',
  );
  return orgIdentity(token.data.relationships?.org?.data?.id ?? fromAttributes, client.baseUrl);
}

export function orgIdentity(orgId: string | undefined, baseUrl: string): OrgIdentity {
  const url = new URL(baseUrl);
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  const where = loopback ? 'loopback' : `${url.origin}${url.pathname}`.replace(/\/+$/, '');
  const safeId = (orgId ?? 'unknown-org').replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64);
  return {
    orgId,
    baseUrl,
    key: `${safeId}-${createHash('sha256').update(where).digest('hex').slice(0, 8)}`,
    label: `org ${orgId ?? '(id not reported)'} at ${loopback ? `${url.origin} (loopback)` : where}`,
  };
}

/** True when both name the same org (same id, same base URL; any loopback port is the same place). */
export function sameOrg(a: Pick<OrgIdentity, 'key'>, b: Pick<OrgIdentity, 'key'>): boolean {
  return a.key === b.key;
}

/** `.kac/orgs/<key>/`: where the state kac keeps about one org lives. */
export function orgStateDir(root: string, identity: Pick<OrgIdentity, 'key'>): string {
  return resolve(root, '.kac', 'orgs', identity.key);
}
