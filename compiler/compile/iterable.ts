/**
 * Pure. IterableWebhookDefinition → `iterable.journey-webhook`: the paste-ready configuration exactly
 * as entered in Iterable (Integrations > Journey Webhooks, and the journey it belongs to), plus
 * `sha256`, the hash a person confirms after pasting. Any field that needs re-entering in Iterable
 * changes the hash.
 */
import { createHash } from 'node:crypto';
import { renderIterableBodyText } from '../iterable/body-text.js';
import { canonicalJson, type JsonObject } from '../json.js';
import type { IterableWebhookDefinition } from '../model/iterable.js';
import type { Loaded, Model } from '../model/project.js';
import { isSecret } from '../model/secret.js';
import { secretPaths, secretPlaceholder } from '../placeholders.js';
import type { Resource } from '../resource.js';
import { iterableWebhooksOf } from '../validate/iterable.js';
import type { CompileContext } from './context.js';

/** The hash of everything a person enters in Iterable: the config without its own `sha256`. */
export function iterableConfigHash(config: JsonObject): string {
  const { sha256: _ignored, ...rest } = config;
  return createHash('sha256').update(canonicalJson(rest)).digest('hex');
}

/** The paste-ready configuration, without the hash. */
export function iterableWebhookConfig(wh: IterableWebhookDefinition): JsonObject {
  const headers: JsonObject = {};
  for (const [name, value] of Object.entries(wh.headers ?? {}))
    headers[name] = isSecret(value) ? secretPlaceholder(value.envVar) : String(value);
  const trigger: JsonObject =
    wh.trigger.kind === 'custom-event'
      ? { kind: 'custom-event', event: wh.trigger.event }
      : { kind: 'profile-field-updated', field: wh.trigger.field };
  return {
    name: wh.name,
    journey: wh.journey,
    trigger,
    method: wh.method,
    endpoint: wh.endpoint,
    headers,
    sendEmailAndWorkflowId: wh.sendEmailAndWorkflowId,
    body: renderIterableBodyText(wh.body),
  };
}

export function compileIterableWebhooks(model: Model, ctx: CompileContext): Resource[] {
  return iterableWebhooksOf(model).map((loaded) => compileIterableWebhook(loaded, ctx));
}

export function compileIterableWebhook(
  { definition: wh, file }: Loaded<IterableWebhookDefinition>,
  ctx: CompileContext,
): Resource {
  const config = iterableWebhookConfig(wh);
  const body: JsonObject = { ...config, sha256: iterableConfigHash(config) };
  return {
    kind: 'iterable.journey-webhook',
    key: wh.name,
    body,
    dependsOn: [],
    sensitive: secretPaths(body),
    source: ctx.sourceOf(wh.site, file),
  };
}
