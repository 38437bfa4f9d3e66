/** The semantic summary of an update, by resource kind. */
import type { JsonObject } from '../../../compiler/json.js';
import type { ResourceKind } from '../../../compiler/resource.js';
import { assertNever, type SemanticNote } from '../types.js';
import { summarizeFields, summarizeKlassAttributes, summarizeOutboundWebhook } from './resource.js';
import { summarizeWorkflow } from './workflow.js';

export function summarizeUpdate(kind: ResourceKind, live: JsonObject | undefined, desired: JsonObject): SemanticNote[] {
  switch (kind) {
    case 'kustomer.workflow':
      return summarizeWorkflow(live ?? {}, desired);
    case 'kustomer.klass-attributes':
    case 'kustomer.standard-attributes':
      return summarizeKlassAttributes(live, desired);
    case 'kustomer.outbound-webhook':
      return summarizeOutboundWebhook(live ?? {}, desired);
    case 'kustomer.hook':
    case 'kustomer.klass':
    case 'iterable.journey-webhook':
      return summarizeFields(live ?? {}, desired);
    default:
      return assertNever(kind);
  }
}
