/**
 * Iterable journey-webhook rules about the webhook itself: name, journey trigger against the
 * declared fields, https endpoint, the Regal key as a secret, Regal's "uncheck send email and
 * workflowId". Payload rules are in iterable-body.ts. Pure; every problem, not the first.
 */
import { closest, type Diagnostic } from '../diagnostics.js';
import { isIterableWebhookDefinition, type IterableWebhookDefinition } from '../model/iterable.js';
import type { Loaded, Model } from '../model/project.js';
import { isSecret } from '../model/secret.js';
import { diagnostic, didYouMean, type ValidationContext } from './context.js';
import { isLiteralCredential } from './credentials.js';
import { FIELDS_SCHEMA_FILE, validateIterableBody } from './iterable-body.js';
const NAME = /^[a-z0-9][a-z0-9_-]*$/;

/** The loaded Iterable webhook definitions (the model list is untyped for kinds it does not know). */
export function iterableWebhooksOf(model: Model): Loaded<IterableWebhookDefinition>[] {
  return (model.iterableWebhooks ?? []).filter((l): l is Loaded<IterableWebhookDefinition> =>
    isIterableWebhookDefinition(l.definition),
  );
}

export function validateIterableWebhooks(model: Model, ctx: ValidationContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<string, string>();
  for (const loaded of iterableWebhooksOf(model)) {
    const { definition: wh, file } = loaded;
    const site = ctx.at(wh.site, file);
    const first = seen.get(wh.name);
    if (first !== undefined) {
      out.push(
        diagnostic(
          'iterable/duplicate-name',
          'error',
          `Iterable webhook name "${wh.name}" is already defined at ${first}.`,
          ctx.atText(wh.site, file, wh.name),
          'names identify templates in confirmations.json and dist/; rename one of them',
        ),
      );
    } else seen.set(wh.name, `${site.file}:${site.line}:${site.column}`);
    if (!NAME.test(wh.name)) {
      out.push(
        diagnostic(
          'iterable/invalid-name',
          'error',
          `Iterable webhook name "${wh.name}" must be lowercase letters, digits, "-" and "_": it names dist/iterable/<name>.json and its sample file.`,
          ctx.atText(wh.site, file, wh.name),
        ),
      );
    }
    if (typeof wh.journey !== 'string' || wh.journey.trim() === '') {
      out.push(
        diagnostic(
          'iterable/missing-journey',
          'error',
          `Iterable webhook "${wh.name}" names no journey: the journeys check needs the journey that calls it.`,
          site,
        ),
      );
    }
    out.push(...validateTrigger(loaded, ctx), ...validateTransport(loaded, ctx));
    if (wh.buildError) {
      out.push(
        diagnostic(
          'iterable/body-error',
          'error',
          `the body of Iterable webhook "${wh.name}" threw: ${wh.buildError.message}`,
          site,
        ),
      );
    } else {
      out.push(...validateIterableBody(loaded, ctx));
    }
  }
  return out;
}

function validateTrigger(
  { definition: wh, file }: Loaded<IterableWebhookDefinition>,
  ctx: ValidationContext,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const problem of wh.fields?.problems ?? []) {
    out.push(
      diagnostic(
        'iterable/fields-schema',
        'error',
        `the fields of Iterable webhook "${wh.name}" cannot be read: ${problem}.`,
        ctx.at(wh.site, file),
        `fields: iterableFields<IterableFields>(schema), schema imported from ${FIELDS_SCHEMA_FILE}`,
      ),
    );
  }
  const trigger = wh.trigger;
  if (trigger?.kind === 'profile-field-updated') {
    const declared = wh.fields?.profile ?? [];
    if (!declared.includes(trigger.field)) {
      out.push(
        diagnostic(
          'iterable/undeclared-field',
          'error',
          `trigger field "${trigger.field}" of "${wh.name}" is not a declared Iterable profile field.`,
          ctx.atText(wh.site, file, trigger.field),
          didYouMean(closest(trigger.field, declared)) ?? `declare it in ${FIELDS_SCHEMA_FILE}`,
        ),
      );
    }
  } else if (trigger?.kind === 'custom-event') {
    const declared = Object.keys(wh.fields?.events ?? {});
    if (!declared.includes(trigger.event)) {
      out.push(
        diagnostic(
          'iterable/undeclared-event',
          'error',
          `trigger event "${trigger.event}" of "${wh.name}" is not a declared Iterable custom event.`,
          ctx.atText(wh.site, file, trigger.event),
          didYouMean(closest(trigger.event, declared)) ??
            `declare it and its dataFields under "events" in ${FIELDS_SCHEMA_FILE}`,
        ),
      );
    }
  } else {
    out.push(
      diagnostic(
        'iterable/invalid-trigger',
        'error',
        `Iterable webhook "${wh.name}" has trigger ${JSON.stringify(trigger)}; kac knows "profile-field-updated" and "custom-event".`,
        ctx.at(wh.site, file),
      ),
    );
  }
  return out;
}

function validateTransport(
  { definition: wh, file }: Loaded<IterableWebhookDefinition>,
  ctx: ValidationContext,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  let https = false;
  try {
    https = new URL(wh.endpoint).protocol === 'https:';
  } catch {
    https = false;
  }
  if (!https) {
    out.push(
      diagnostic(
        'iterable/insecure-endpoint',
        'error',
        `endpoint "${wh.endpoint}" of "${wh.name}" is not an https URL: Iterable only calls https webhook endpoints.`,
        ctx.atText(wh.site, file, wh.endpoint),
        "leave endpoint out for Regal's https://events.regalvoice.com/events",
      ),
    );
  }
  const headers = wh.headers ?? {};
  if (!('Authorization' in headers)) {
    out.push(
      diagnostic(
        'iterable/missing-authorization',
        'error',
        `Iterable webhook "${wh.name}" has no Authorization header: Regal's events API needs its API key there.`,
        ctx.atText(wh.site, file, 'headers'),
        "headers: { Authorization: secret('REGAL_API_KEY') }",
      ),
    );
  }
  for (const [name, value] of Object.entries(headers)) {
    if (isSecret(value)) continue;
    if (name === 'Authorization' || isLiteralCredential(name, value)) {
      out.push(
        diagnostic(
          'iterable/literal-secret',
          'error',
          `header "${name}" of "${wh.name}" is a literal value: the Regal API key would be committed to the repo.`,
          ctx.atText(wh.site, file, name),
          "write secret('REGAL_API_KEY') and set REGAL_API_KEY in the environment",
        ),
      );
    }
  }
  if (wh.sendEmailAndWorkflowId) {
    out.push(
      diagnostic(
        'iterable/send-email-and-workflow-id',
        'warning',
        `"${wh.name}" has sendEmailAndWorkflowId: true; Regal asks for "send email and workflowId" unchecked.`,
        ctx.atText(wh.site, file, 'sendEmailAndWorkflowId'),
        'remove sendEmailAndWorkflowId (default false)',
      ),
    );
  }
  return out;
}
