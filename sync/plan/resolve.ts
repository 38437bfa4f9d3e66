/**
 * Placeholders in desired bodies. References resolve from live outputs (`<ref:kustomer.hook:x:id>` →
 * the hook's id); secrets resolve from the environment only when a value must be compared or sent.
 * Display copies never hold a value: sensitive paths show `(sensitive)`.
 */
import { getAtPath, isJsonObject, type JsonObject, type JsonPath, type JsonValue } from '../../compiler/json.js';
import {
  findRefs,
  findSecrets,
  mapStrings,
  replaceRefs,
  replaceSecrets,
  type ReferencePlaceholder,
} from '../../compiler/placeholders.js';
import { resourceId } from '../../compiler/resource.js';

export const KNOWN_AFTER_APPLY = '(known after apply)';
export const SENSITIVE = '(sensitive)';

/** `kind:key` → outputs of the live object that resource maps to (`{ id, url, eventName }`). */
export type OutputsByResource = Map<string, Record<string, string>>;

export function refLabel(ref: ReferencePlaceholder): string {
  return `${ref.kind}:${ref.key}.${ref.field}`;
}

/** Resolves what it can; returns the body and the references still pending. */
export function resolveRefs(body: JsonObject, outputs: OutputsByResource): { body: JsonObject; pending: string[] } {
  const pending = new Set<string>();
  const resolved = mapStrings(body, (s) =>
    replaceRefs(s, (ref) => {
      const value = outputs.get(resourceId(ref))?.[ref.field];
      if (value === undefined) pending.add(refLabel(ref));
      return value;
    }),
  ) as JsonObject;
  return { body: resolved, pending: [...pending].sort() };
}

export function hasPlaceholderRefs(body: JsonValue): boolean {
  let found = false;
  mapStrings(body, (s) => {
    if (findRefs(s).length > 0) found = true;
    return s;
  });
  return found;
}

export function secretNames(body: JsonValue): string[] {
  const names = new Set<string>();
  mapStrings(body, (s) => {
    for (const n of findSecrets(s)) names.add(n);
    return s;
  });
  return [...names].sort();
}

/**
 * Substitutes secret values for comparison with live. Where a secret is unset, the live value at that
 * path is taken instead (the comparison cannot be made there) and the path is reported.
 */
export function resolveSecretsForCompare(
  body: JsonObject,
  live: JsonObject | undefined,
  secret: (envVar: string) => string | undefined,
): { body: JsonObject; unknown: { envVar: string; path: JsonPath }[] } {
  const unknown: { envVar: string; path: JsonPath }[] = [];
  const out = mapStrings(body, (s, path) => {
    const names = findSecrets(s);
    if (names.length === 0) return s;
    const missing = names.filter((n) => secret(n) === undefined);
    if (missing.length > 0) {
      for (const envVar of missing) unknown.push({ envVar, path });
      const liveValue = live ? getAtPath(live, path) : undefined;
      return typeof liveValue === 'string' ? liveValue : s;
    }
    return replaceSecrets(s, secret);
  }) as JsonObject;
  return { body: out, unknown };
}

/** Substitutes every secret for sending; lists the unset ones (the caller refuses to send). */
export function resolveSecretsForSend(
  body: JsonObject,
  secret: (envVar: string) => string | undefined,
): { body: JsonObject; missing: string[] } {
  const missing = new Set<string>();
  const out = mapStrings(body, (s) =>
    replaceSecrets(s, (n) => {
      const v = secret(n);
      if (v === undefined) missing.add(n);
      return v;
    }),
  ) as JsonObject;
  return { body: out, missing: [...missing].sort() };
}

const SENSITIVE_KEY = /(authori[sz]ation|token|secret|password|api[-_ ]?key|signature|cookie)/i;

/**
 * A copy safe to print: values at `paths` become `label`, and so does any header value or field whose
 * name looks like a credential (a live object may carry secrets git does not describe).
 */
export function maskSensitive(
  body: JsonObject,
  paths: readonly JsonPath[],
  label: (path: JsonPath) => string = () => SENSITIVE,
): JsonObject {
  const keys = new Set(paths.map((p) => JSON.stringify(p)));
  const walk = (value: JsonValue, path: JsonPath, parent?: JsonObject): JsonValue => {
    if (typeof value === 'string') {
      if (keys.size > 0 && keys.has(JSON.stringify(path))) return label(path);
      const last = path[path.length - 1];
      if (typeof last === 'string' && SENSITIVE_KEY.test(last)) return label(path);
      if (last === 'value' && parent && typeof parent.name === 'string' && SENSITIVE_KEY.test(parent.name))
        return label(path);
      return value;
    }
    if (Array.isArray(value)) return value.map((v, i) => walk(v, [...path, i]));
    if (isJsonObject(value)) {
      const out: JsonObject = {};
      for (const [k, v] of Object.entries(value)) out[k] = walk(v, [...path, k], value);
      return out;
    }
    return value;
  };
  return walk(body, []) as JsonObject;
}

/** Display copy of a desired body: secret placeholders stay visible, pending refs read "(known after apply)". */
export function displayDesired(body: JsonObject): JsonObject {
  return mapStrings(body, (s) => replaceRefs(s, () => KNOWN_AFTER_APPLY)) as JsonObject;
}
