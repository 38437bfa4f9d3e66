/**
 * Pure. Kustomer workflow JSON values (params, condition operands) as TypeScript expressions: typed
 * references and template literals where their types are known and fit, the JSON itself otherwise.
 * Every expression compiles back to exactly the JSON it came from.
 */
import { isJsonObject, type JsonValue } from '../../compiler/json.js';
import { findSecrets } from '../../compiler/placeholders.js';
import { isLiteralCredential } from '../../compiler/validate/credentials.js';
import { arr, jsonExpr, obj, quote, raw, templateText, type Expr } from './code.js';
import { parseWholeRef, typedRef, typedTemplate, type Expect, type RefScope } from './workflow-refs.js';

export interface ValueContext {
  scope: RefScope;
  /** Index of the step the value belongs to; transitions use Infinity (all steps are declared). */
  at: number;
  /** Env vars of secrets the generated code reads (to tell the user to set them). */
  envVars: Set<string>;
  /** Names `secret` when a value needs it. */
  imports: Set<string>;
}

/** Any JSON, with typed references and templates wherever they fit (positions typed `unknown`). */
export function valueExpr(ctx: ValueContext, value: JsonValue): Expr {
  if (typeof value === 'string') return stringExpr(ctx, value, 'unknown');
  if (Array.isArray(value)) return arr(value.map((v) => valueExpr(ctx, v)));
  if (isJsonObject(value)) return obj(Object.entries(value).map(([key, v]) => ({ key, value: valueExpr(ctx, v) })));
  return jsonExpr(value);
}

/**
 * A string where a value of type `expect` goes: a whole-value reference typed if it fits (else the
 * `'/#steps...'` path, which every position accepts), a template with typed parts, or the literal.
 * Secret placeholders from compiled input become `secret(...)` again.
 */
export function stringExpr(ctx: ValueContext, value: string, expect: Expect | 'string'): Expr {
  const whole = parseWholeRef(value);
  if (whole) {
    const typed = typedRef(ctx.scope, whole, ctx.at, expect);
    return raw(typed ? typed.code : quote(value));
  }
  if (findSecrets(value).length > 0) return secretTemplate(ctx, value);
  if (expect === 'unknown' || expect === 'string') {
    const template = typedTemplate(ctx.scope, value, ctx.at);
    if (template) return raw(template);
  }
  return raw(quote(value));
}

/** `<secret:X>` → `secret('X')`; `Bearer <secret:X>` → `` `Bearer ${secret('X')}` ``. */
export function secretTemplate(ctx: Pick<ValueContext, 'envVars' | 'imports'>, value: string): Expr {
  ctx.imports.add('secret');
  const whole = /^<secret:([A-Z_][A-Z0-9_]*)>$/.exec(value);
  if (whole) {
    ctx.envVars.add(whole[1]!);
    return raw(`secret(${quote(whole[1]!)})`);
  }
  const text = value.replace(/<secret:([A-Z_][A-Z0-9_]*)>|[^<]+|</g, (part, envVar: string | undefined) => {
    if (!envVar) return templateText(part);
    ctx.envVars.add(envVar);
    return `\${secret(${quote(envVar)})}`;
  });
  return raw(`\`${text}\``);
}

/**
 * Headers whose values hold a credential literally (validation's rule, so the generated file passes
 * it) become `secret('KAC_<WORKFLOW>_<STEP>_<HEADER>')`, keeping an auth scheme in front: a
 * credential is never written into the repo. Other values are ordinary strings.
 */
export function headersExpr(ctx: ValueContext, headers: Record<string, string>, owner: string[]): Expr {
  return obj(
    Object.entries(headers).map(([name, value]) => {
      if (!isLiteralCredential(name, value)) return { key: name, value: stringExpr(ctx, value, 'string') };
      const envVar = envVarName(...owner, name);
      const scheme = /^\s*(Bearer|Basic|Token|Bot|Digest)\s+/i.exec(value)?.[0] ?? '';
      return { key: name, value: secretTemplate(ctx, `${scheme}<secret:${envVar}>`) };
    }),
  );
}

/** `KAC_<OWNER>_<PART>...` from names: upper snake case, only what an env var may hold. */
export function envVarName(...parts: string[]): string {
  const snake = parts
    .map((p) =>
      p
        .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
        .replace(/[^A-Za-z0-9]+/g, '_')
        .replace(/^_+|_+$/g, ''),
    )
    .filter(Boolean)
    .join('_')
    .toUpperCase();
  return `KAC_${snake}`;
}
