/**
 * Workflows: listed from `/v1/workflows`, created with POST (looked up by name before any retry),
 * updated with PUT, and "removed" by disabling them: Kustomer has no workflow delete.
 */
import type { JsonObject } from '../../../../compiler/json.js';
import type { LiveResource } from '../../provider.js';
import type { KustomerClient, KustomerObject } from '../client/index.js';
import { signalOf, toLive, type KindHandler } from './common.js';
import { WorkflowAttributesSchema } from './schemas.js';

type WorkflowObject = KustomerObject<{ name: string; enabled?: boolean }>;

export function liveWorkflow(object: WorkflowObject): LiveResource {
  return toLive('kustomer.workflow', object.attributes.name, object, {
    facts: { enabled: object.attributes.enabled === true },
  });
}

export async function listWorkflows(client: KustomerClient, signal?: AbortSignal): Promise<WorkflowObject[]> {
  return client.list('/v1/workflows', WorkflowAttributesSchema, signal ? { signal } : {});
}

export const workflowHandler: KindHandler = {
  kind: 'kustomer.workflow',
  async create(resource, client, ctx) {
    const lookup = async () =>
      (await listWorkflows(client, ctx.signal)).find((w) => w.attributes.name === resource.key);
    return liveWorkflow(
      await client.post('/v1/workflows', resource.body, WorkflowAttributesSchema, { lookup, ...signalOf(ctx) }),
    );
  },
  async update(resource, live, client, ctx) {
    return liveWorkflow(
      await client.put(`/v1/workflows/${live.id}`, resource.body, WorkflowAttributesSchema, signalOf(ctx)),
    );
  },
  async remove(live, client, ctx) {
    const body: JsonObject = { enabled: false };
    await client.put(`/v1/workflows/${live.id}`, body, WorkflowAttributesSchema, signalOf(ctx));
  },
};
