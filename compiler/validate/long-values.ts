/**
 * Regal payload fields that can hold long free text. Kustomer's Str and Txt attributes hold at most
 * 1,024 characters, so mapping one of these into them is worth a warning. One list, here.
 */
import type { JsonValue } from '../json.js';
import { mapStrings } from '../placeholders.js';

/** Last path segments of possibly long values; `data` is the whole posted payload. */
export const LONG_VALUE_FIELDS = ['content', 'notes', 'transcript', 'call_summary', 'data'] as const;

export const STRING_ATTRIBUTE_MAX_LENGTH = 1024;

const WHOLE = /^\/#(steps(?:\.[A-Za-z0-9_@-]+)+)$/;
const TEMPLATE_PATH = /\{\{\{?\s*(steps(?:\.[A-Za-z0-9_@-]+)+)\s*\}?\}\}/g;

/** The referenced paths inside a compiled value that end in a long-value field, e.g. `steps.1.attributes.data.properties.notes`. */
export function longValueSources(value: JsonValue): string[] {
  const found = new Set<string>();
  const consider = (path: string) => {
    const last = path.split('.').at(-1)!;
    if ((LONG_VALUE_FIELDS as readonly string[]).includes(last)) found.add(path);
  };
  mapStrings(value, (s) => {
    const whole = WHOLE.exec(s);
    if (whole) consider(whole[1]!);
    for (const m of s.matchAll(TEMPLATE_PATH)) consider(m[1]!);
    return s;
  });
  return [...found];
}
