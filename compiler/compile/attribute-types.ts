/**
 * Kustomer attribute metadata `type` by API-name suffix. INFERRED (docs/reference/kustomer-api.md §2:
 * the suffix decides the type; the metadata `type` strings are from samples): one table, here.
 */
import { ATTRIBUTE_SUFFIX, type AttributeKind } from '../model/klass.js';

export const ATTRIBUTE_TYPE_BY_SUFFIX = {
  Str: 'string',
  Txt: 'text',
  Num: 'number',
  At: 'date',
  Bool: 'boolean',
  Url: 'url',
  Id: 'id',
} as const;

/** Dropdowns are `Str` attributes with an `enumeration`. */
export function attributeMetadataType(kind: AttributeKind): string {
  return ATTRIBUTE_TYPE_BY_SUFFIX[ATTRIBUTE_SUFFIX[kind]];
}
