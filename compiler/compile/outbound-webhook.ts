/** Pure. OutboundWebhookDefinition → `kustomer.outbound-webhook`: the body of POST /v1/outbound-webhooks. */
import type { OutboundWebhookDefinition } from '../model/outbound-webhook.js';
import type { Loaded, Model } from '../model/project.js';
import { secretPaths } from '../placeholders.js';
import type { Resource } from '../resource.js';
import type { CompileContext } from './context.js';
import { mergeRaw } from './raw.js';
import { compileValue } from './value.js';

export function compileOutboundWebhooks(model: Model, ctx: CompileContext): Resource[] {
  return model.outboundWebhooks.map((loaded) => compileOutboundWebhook(loaded, ctx));
}

export function compileOutboundWebhook(
  { definition: hook, file }: Loaded<OutboundWebhookDefinition>,
  ctx: CompileContext,
): Resource {
  // Header order is the author's: Kustomer stores the list as given.
  const headers = Object.entries(hook.headers ?? {}).map(([name, value]) => ({
    name,
    value: compileValue(value) ?? null,
  }));
  const body = mergeRaw(
    { name: hook.name, url: hook.url, events: [...(hook.events ?? [])], headers, enabled: hook.enabled ?? true },
    hook.raw,
  );
  return {
    kind: 'kustomer.outbound-webhook',
    key: hook.name,
    body,
    dependsOn: [],
    sensitive: secretPaths(body),
    source: ctx.sourceOf(hook.site, file),
    ...(hook.renamedFrom ? { renamedFrom: hook.renamedFrom } : {}),
  };
}
