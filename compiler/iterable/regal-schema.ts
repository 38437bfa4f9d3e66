/**
 * Checks a rendered body against Regal's events API schema (regal-events-api.schema.json) with ajv.
 * Pure; the validator is compiled once per process. Messages name the JSON path, like `traits.phone`.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import schema from './regal-events-api.schema.json' with { type: 'json' };

let validator: ValidateFunction | undefined;

function compiled(): ValidateFunction {
  validator ??= new Ajv({ allErrors: true, strict: true, strictRequired: false }).compile(schema);
  return validator;
}

function where(error: ErrorObject): string {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const text = path
    .map((k) => (/^\d+$/.test(k) ? `[${k}]` : /^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`))
    .join('');
  return text.replace(/^\./, '') || '(body)';
}

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `${where(error)} has "${String(params.additionalProperty)}", which Regal's events API does not take`;
    case 'required':
      return `${where(error)} needs "${String(params.missingProperty)}"`;
    case 'anyOf':
      return error.instancePath === '/traits'
        ? 'traits has no phone or email: Regal needs at least one to identify or create the contact'
        : `${where(error)} ${error.message ?? 'is invalid'}`;
    case 'propertyNames':
      return `${where(error)} has an invalid key "${String(params.propertyName)}"`;
    default:
      return `${where(error)} ${error.message ?? 'is invalid'}`;
  }
}

/** Every way `payload` differs from Regal's schema, as sentences; empty when it is valid. */
export function checkRegalPayload(payload: unknown): string[] {
  const validate = compiled();
  if (validate(payload)) return [];
  const messages: string[] = [];
  for (const error of validate.errors ?? []) {
    // Branch failures under an anyOf are summarised by the anyOf's own error.
    if (/\/anyOf\/\d+\//.test(error.schemaPath)) continue;
    // A bad key is reported once, by propertyNames, not again by the key's own schema.
    if (error.schemaPath.includes('/propertyNames/')) continue;
    if (error.keyword === 'anyOf' && error.schemaPath.includes('/definitions/subscribed/')) {
      messages.push(`${where(error)} must be true or false`);
      continue;
    }
    messages.push(describe(error));
  }
  return [...new Set(messages)];
}
