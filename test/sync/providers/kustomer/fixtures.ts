/** Shared test setup for the Kustomer client, provider and local org: a loopback org and bodies. */
import type { JsonObject } from '../../../../compiler/json.js';
import { createKustomerClient, type KustomerClientOptions } from '../../../../sync/providers/kustomer/client/index.js';
import { startLocalOrg, type LocalOrg, type LocalOrgOptions } from '../../../../sync/local-org/server/server.js';

/** An in-memory org; the budget window is scaled down so rate-limit tests stay fast. */
export function startTestOrg(options: LocalOrgOptions = {}): Promise<LocalOrg> {
  return startLocalOrg({ stateDir: null, rateLimitWindowMs: 400, ...options });
}

export function clientFor(org: LocalOrg, options: Partial<KustomerClientOptions> = {}) {
  return createKustomerClient({
    baseUrl: org.baseUrl,
    apiKey: org.token,
    retryMinTimeoutMs: 5,
    timeoutMs: 2_000,
    ...options,
  });
}

export function workflowBody(name: string, eventName = 'kustomer.customer.create', extra: JsonObject = {}): JsonObject {
  return {
    name,
    description: `${name} [managed by kac: regal]`,
    enabled: true,
    meta: { displayName: name },
    trigger: { id: '1', eventName, transitions: [{ target: 'check', condition: { op: 'true', values: [true] } }] },
    steps: [{ id: 'check', transitions: [], errorCases: [] }],
    ...extra,
  };
}

/** Raw HTTP against the org, for exact statuses and error bodies. */
export async function call(
  org: LocalOrg,
  method: string,
  path: string,
  body?: unknown,
  token: string | null = org.token,
) {
  const response = await fetch(`${org.baseUrl}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as any) : undefined };
}
