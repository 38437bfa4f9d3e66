/**
 * The webhook body as pasted into Iterable: the payload as JSON text, 2-space indented, keys in the
 * author's order (it is read by people in Iterable's editor), merge fields as their Handlebars
 * source inside JSON strings. Pure and deterministic.
 */
import { isMergeValue } from '../model/iterable-merge.js';

export function renderIterableBodyText(body: unknown): string {
  return JSON.stringify(body, (_key, value: unknown) => (isMergeValue(value) ? value.template : value), 2);
}
