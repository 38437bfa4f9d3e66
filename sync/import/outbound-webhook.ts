/**
 * Pure. A live outbound webhook → `defineOutboundWebhook(...)`. Header values are never written: each
 * becomes `secret('KAC_<NAME>_<HEADER>')`, and the env vars are listed for the user to set.
 */
import { isJsonObject, type JsonObject } from '../../compiler/json.js';
import { findSecrets } from '../../compiler/placeholders.js';
import { OUTBOUND_WEBHOOK_EVENTS } from '../../compiler/model/outbound-webhook.js';
import { arr, call, jsonExpr, obj, quote, raw, writeExpr, type Expr } from './code.js';
import type { SourcePlan } from './source-plan.js';
import { envVarName, secretTemplate } from './workflow-values.js';

const KEYS = ['name', 'url', 'events', 'headers', 'enabled'];

export function outboundWebhookPlan(body: JsonObject): SourcePlan {
  const notes: string[] = [];
  const imports = new Set(['defineOutboundWebhook']);
  const envVars = new Set<string>();
  const extra = Object.fromEntries(Object.entries(body).filter(([k]) => !KEYS.includes(k)));
  const name = String(body.name);
  const events = Array.isArray(body.events) ? body.events.filter((e): e is string => typeof e === 'string') : [];
  const unknown = events.filter((e) => !(OUTBOUND_WEBHOOK_EVENTS as readonly string[]).includes(e));
  if (unknown.length > 0) notes.push(`outbound webhook: events ${unknown.join(', ')} are not in kac's event list`);
  const fields: { key: string; value: Expr }[] = [
    { key: 'name', value: raw(quote(name)) },
    { key: 'url', value: raw(quote(String(body.url))) },
    { key: 'events', value: arr(events.map((e) => raw(quote(e)))) },
  ];
  const headers = Array.isArray(body.headers) ? body.headers.filter(isJsonObject) : [];
  if (headers.length > 0) {
    const entries: { key: string; value: Expr }[] = [];
    for (const h of headers) {
      const header = String(h.name);
      if (entries.some((e) => e.key === header)) {
        notes.push(`outbound webhook: a second "${header}" header would be lost`);
        continue;
      }
      // A compiled body already names its secret; a live value is replaced by a new env var.
      const value =
        typeof h.value === 'string' && findSecrets(h.value).length > 0
          ? h.value
          : `<secret:${envVarName(name, header)}>`;
      entries.push({ key: header, value: secretTemplate({ envVars, imports }, value) });
    }
    fields.push({ key: 'headers', value: obj(entries) });
  }
  if (body.enabled === false) fields.push({ key: 'enabled', value: raw('false') });
  if (Object.keys(extra).length > 0) fields.push({ key: 'raw', value: jsonExpr(extra) }); // kept verbatim
  return {
    imports,
    defaults: [],
    envVars,
    notes,
    write: (w) => writeExpr(w, call('defineOutboundWebhook', obj(fields))),
  };
}
