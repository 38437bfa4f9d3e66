/**
 * Outbound webhook rules, from Kustomer's API limits: name ≤ 255, https url ≤ 255, 1–12 known events;
 * header credentials must be secrets.
 */
import { closest, type Diagnostic } from '../diagnostics.js';
import { OUTBOUND_WEBHOOK_EVENTS, type OutboundWebhookDefinition } from '../model/outbound-webhook.js';
import type { Loaded, Model } from '../model/project.js';
import { isSecret } from '../model/secret.js';
import { diagnostic, didYouMean, type ValidationContext } from './context.js';
import { isLiteralCredential, secretHint } from './credentials.js';

export const OUTBOUND_WEBHOOK_LIMITS = { nameLength: 255, urlLength: 255, events: 12 } as const;

export function validateOutboundWebhooks(model: Model, ctx: ValidationContext): Diagnostic[] {
  return model.outboundWebhooks.flatMap((loaded) => validateOutboundWebhook(loaded, ctx));
}

function validateOutboundWebhook(
  { definition: hook, file }: Loaded<OutboundWebhookDefinition>,
  ctx: ValidationContext,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  // Locations are computed only for a diagnostic: resolving a call site and reading the file cost.
  const at = () => ctx.at(hook.site, file);
  const name = String(hook.name);
  if (name.length > OUTBOUND_WEBHOOK_LIMITS.nameLength) {
    out.push(
      diagnostic(
        'outbound-webhook/name-too-long',
        'error',
        `outbound webhook name is ${name.length} characters; Kustomer takes at most 255.`,
        ctx.refine(at(), name),
      ),
    );
  }

  const url = hook.url;
  const urlAt = () => (typeof url === 'string' ? ctx.refine(at(), url) : at());
  if (typeof url !== 'string' || !/^https:\/\/[^\s/]+/.test(url)) {
    out.push(
      diagnostic(
        'outbound-webhook/url-not-https',
        'error',
        `outbound webhook "${name}" posts to ${JSON.stringify(url)}; Kustomer requires an https:// URL.`,
        urlAt(),
      ),
    );
  } else if (url.length > OUTBOUND_WEBHOOK_LIMITS.urlLength) {
    out.push(
      diagnostic(
        'outbound-webhook/url-too-long',
        'error',
        `outbound webhook "${name}" has a URL of ${url.length} characters; Kustomer takes at most 255.`,
        urlAt(),
      ),
    );
  }

  const events = Array.isArray(hook.events) ? hook.events : [];
  if (events.length === 0) {
    out.push(
      diagnostic(
        'outbound-webhook/no-events',
        'error',
        `outbound webhook "${name}" subscribes to no events.`,
        at(),
        "list at least one, e.g. events: ['kustomer.conversation.create']",
      ),
    );
  } else if (events.length > OUTBOUND_WEBHOOK_LIMITS.events) {
    out.push(
      diagnostic(
        'outbound-webhook/too-many-events',
        'error',
        `outbound webhook "${name}" subscribes to ${events.length} events; Kustomer takes at most 12.`,
        at(),
        'split it into two webhooks',
      ),
    );
  }
  const seen = new Set<string>();
  for (const event of events) {
    const eventAt = () => ctx.refine(at(), String(event));
    if (!(OUTBOUND_WEBHOOK_EVENTS as readonly string[]).includes(event)) {
      out.push(
        diagnostic(
          'outbound-webhook/unknown-event',
          'error',
          `outbound webhook "${name}" subscribes to "${event}", which is not an event Kustomer sends.`,
          eventAt(),
          didYouMean(closest(String(event), OUTBOUND_WEBHOOK_EVENTS)),
        ),
      );
    } else if (seen.has(event)) {
      out.push(
        diagnostic(
          'outbound-webhook/duplicate-event',
          'warning',
          `outbound webhook "${name}" lists "${event}" twice.`,
          ctx.refine({ ...eventAt(), column: eventAt().column + 1 }, event),
        ),
      );
    }
    seen.add(event);
  }

  for (const [header, value] of Object.entries(hook.headers ?? {})) {
    if (typeof value !== 'string' && !isSecret(value)) {
      out.push(
        diagnostic(
          'outbound-webhook/invalid-header',
          'error',
          `header "${header}" of outbound webhook "${name}" is neither a string nor a secret().`,
          ctx.refine(at(), header),
        ),
      );
    } else if (isLiteralCredential(header, value)) {
      out.push(
        diagnostic(
          'outbound-webhook/literal-credential',
          'error',
          `header "${header}" of outbound webhook "${name}" holds a credential written in the repo.`,
          ctx.refine(at(), header),
          secretHint(value as string, name),
        ),
      );
    }
  }
  return out;
}
