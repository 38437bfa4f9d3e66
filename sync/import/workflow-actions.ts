/**
 * Pure. A step's action and params as a typed builder call (`customer.findByExternalId(...)`,
 * `kobject.createWithCustomer(klass, ...)`, `conversation.update(...)`, `note.create(...)`, `restApi(...)`) when the builder produces exactly those
 * params, else as `action(name, params)` with the reason in a comment, so nothing is lost.
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../../compiler/json.js';
import { call, obj, quote, raw, type Expr } from './code.js';
import {
  CONVERSATION_SHAPE,
  CUSTOMER_SHAPE,
  NOTE_SHAPE,
  REGEX_MATCH_SHAPE,
  REST_API_SHAPE,
  kobjectShape,
  parseWholeRef,
  type Expect,
  type Shape,
} from './workflow-refs.js';
import { headersExpr, stringExpr, valueExpr, type ValueContext } from './workflow-values.js';

/** A Klass the generated file can import: its variable and its attributes by API name. */
export interface KlassInScope {
  handle: string;
  attributes: Map<string, { expect: Expect | 'dropdown'; options?: readonly string[] }>;
}

export interface ActionContext extends ValueContext {
  klasses: Map<string, KlassInScope>;
  /** Names secrets in REST headers: `KAC_<WORKFLOW>_<STEP>_<HEADER>`. */
  owner: { workflow: string; step: string };
  /** Klasses the step uses, so the file imports them. */
  usedKlasses: Set<string>;
}

export interface RenderedAction {
  expr: Expr;
  /** What later steps can reference as this step's output. */
  shape: Shape;
  /** Why the generic `action()` was used, for a comment above the step. */
  fallbackReason?: string;
  /** The step's appVersion goes in the builder's options (`action()`) rather than the step's. */
  appVersionInAction: boolean;
}

type Builder = (ctx: ActionContext, params: JsonObject) => { expr: Expr; shape: Shape } | string;

/** Returns the builder call, or why none fits. */
const BUILDERS: Record<string, Builder> = {
  'kustomer.customer.find-by-external-id': single('customer.findByExternalId', 'externalId'),
  'kustomer.customer.find-by-email': single('customer.findByEmail', 'email'),
  'kustomer.customer.find-by-phone': single('customer.findByPhone', 'phone'),
  'kustomer.customer.create': customerCreate,
  'kustomer.customer.update': customerUpdate,
  'kustomer.conversation.find-by-id': single('conversation.findById', 'id', CONVERSATION_SHAPE),
  'kustomer.conversation.update': conversationUpdate,
  'kustomer.note.create': noteCreate,
  'kustomer.kobject.create-with-customer': kobjectBuilder('createWithCustomer', ['customer', 'title'], []),
  'kustomer.kobject.create': kobjectBuilder('create', ['title'], []),
  'kustomer.kobject.update': kobjectBuilder('update', ['id'], ['title']),
  'kustomer.rest-api.json': restApi,
  'kustomer.regex-match.generic': regexMatch,
};

export function actionExpr(
  ctx: ActionContext,
  action: string | undefined,
  params: JsonObject | undefined,
  appVersion: string | undefined,
): RenderedAction {
  if (action === undefined) {
    ctx.imports.add('branch');
    return { expr: call('branch'), shape: 'unknown', appVersionInAction: false };
  }
  const builder = BUILDERS[action];
  // A builder may give up half-way: it works on copies so a failed attempt leaves no imports behind.
  const scratch: ActionContext = {
    ...ctx,
    imports: new Set(ctx.imports),
    envVars: new Set(ctx.envVars),
    usedKlasses: new Set(ctx.usedKlasses),
    scope: { ...ctx.scope, used: new Set(ctx.scope.used) },
  };
  const attempt = builder ? builder(scratch, params ?? {}) : `no typed builder for "${action}"`;
  if (typeof attempt !== 'string') {
    for (const [from, to] of [
      [scratch.imports, ctx.imports],
      [scratch.envVars, ctx.envVars],
      [scratch.usedKlasses, ctx.usedKlasses],
      [scratch.scope.used, ctx.scope.used],
    ] as const)
      for (const item of from) to.add(item);
    return { ...attempt, appVersionInAction: false };
  }
  ctx.imports.add('action');
  const args: Expr[] = [raw(quote(action)), genericParams(ctx, params ?? {})];
  if (appVersion !== undefined) args.push(obj([{ key: 'appVersion', value: raw(quote(appVersion)) }]));
  return { expr: call('action', ...args), shape: 'any', fallbackReason: attempt, appVersionInAction: true };
}

/** Params as their JSON, except that literal credentials in `headers` become secrets. */
function genericParams(ctx: ActionContext, params: JsonObject): Expr {
  const headers = params.headers;
  if (!isJsonObject(headers) || !Object.values(headers).every((h) => typeof h === 'string'))
    return valueExpr(ctx, params);
  return obj(
    Object.entries(params).map(([key, value]) => ({
      key,
      value:
        key === 'headers'
          ? headersExpr(ctx, headers as Record<string, string>, [ctx.owner.workflow, ctx.owner.step])
          : valueExpr(ctx, value),
    })),
  );
}

function single(callee: string, key: string, shape: Shape = CUSTOMER_SHAPE): Builder {
  return (ctx, params) => {
    const value = params[key];
    if (!onlyKeys(params, [key], [key]) || typeof value !== 'string')
      return `params are not exactly { ${key}: string }`;
    use(ctx, callee);
    return { expr: call(callee, obj([{ key, value: stringExpr(ctx, value, 'string') }])), shape };
  };
}

/** `conversation.update`: `id` a string; `status`, `subStatus` strings and `priority` a number when given; other keys as JSON. */
function conversationUpdate(ctx: ActionContext, params: JsonObject): { expr: Expr; shape: Shape } | string {
  if (typeof params.id !== 'string') return 'params have no string id';
  if (params.custom !== undefined && !isJsonObject(params.custom)) return 'custom is not an object';
  const entries: { key: string; value: Expr }[] = [];
  for (const [key, value] of Object.entries(params)) {
    const expect =
      key === 'id' || key === 'status' || key === 'subStatus' ? 'string' : key === 'priority' ? 'number' : undefined;
    if (expect === undefined) entries.push({ key, value: valueExpr(ctx, value) });
    else if (typeof value === 'string' && (expect === 'string' || parseWholeRef(value)))
      entries.push({ key, value: stringExpr(ctx, value, expect) });
    else if (expect === 'number' && typeof value === 'number') entries.push({ key, value: raw(String(value)) });
    else return `${key} is not a ${expect}`;
  }
  use(ctx, 'conversation.update');
  return { expr: call('conversation.update', obj(entries)), shape: CONVERSATION_SHAPE };
}

/** `note.create`: exactly `{ conversation, body }` strings and optional `userMentions: [{ user }]`. */
function noteCreate(ctx: ActionContext, params: JsonObject): { expr: Expr; shape: Shape } | string {
  if (!onlyKeys(params, ['conversation', 'body', 'userMentions'], ['conversation', 'body']))
    return 'params are not { conversation, body, userMentions }';
  if (typeof params.conversation !== 'string' || typeof params.body !== 'string')
    return 'conversation or body is not a string';
  const mentions = params.userMentions;
  const mentionsFit =
    mentions === undefined ||
    (typeof mentions === 'string' && parseWholeRef(mentions) !== undefined) ||
    (Array.isArray(mentions) &&
      mentions.every((m) => isJsonObject(m) && onlyKeys(m, ['user'], ['user']) && typeof m.user === 'string'));
  if (!mentionsFit) return 'userMentions is not a list of { user }';
  const entries = [
    { key: 'conversation', value: stringExpr(ctx, params.conversation, 'string') },
    { key: 'body', value: stringExpr(ctx, params.body, 'string') },
    ...(mentions === undefined ? [] : [{ key: 'userMentions', value: valueExpr(ctx, mentions) }]),
  ];
  use(ctx, 'note.create');
  return { expr: call('note.create', obj(entries)), shape: NOTE_SHAPE };
}

function customerCreate(ctx: ActionContext, params: JsonObject): { expr: Expr; shape: Shape } | string {
  if (!onlyKeys(params, ['externalId', 'name', 'emails', 'phones', 'custom'], []))
    return 'params have keys customer.create does not take';
  const entries: { key: string; value: Expr }[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (key === 'emails' || key === 'phones') {
      const field = key === 'emails' ? 'email' : 'phone';
      const only = Array.isArray(value) && value.length === 1 && isJsonObject(value[0]) ? value[0] : undefined;
      if (!only || !onlyKeys(only, [field], [field]) || typeof only[field] !== 'string')
        return `${key} is not a single { ${field} }`;
      entries.push({ key: field, value: stringExpr(ctx, only[field] as string, 'string') });
    } else if (key === 'custom') {
      if (!isJsonObject(value)) return 'custom is not an object';
      entries.push({ key, value: valueExpr(ctx, value) });
    } else {
      if (typeof value !== 'string') return `${key} is not a string`;
      entries.push({ key, value: stringExpr(ctx, value, 'string') });
    }
  }
  use(ctx, 'customer.create');
  return { expr: call('customer.create', obj(entries)), shape: CUSTOMER_SHAPE };
}

function customerUpdate(ctx: ActionContext, params: JsonObject): { expr: Expr; shape: Shape } | string {
  if (typeof params.id !== 'string') return 'params have no string id';
  if (params.custom !== undefined && !isJsonObject(params.custom)) return 'custom is not an object';
  const entries = Object.entries(params).map(([key, value]) => ({
    key,
    value: key === 'id' ? stringExpr(ctx, value as string, 'string') : valueExpr(ctx, value),
  }));
  use(ctx, 'customer.update');
  return { expr: call('customer.update', obj(entries)), shape: CUSTOMER_SHAPE };
}

const KOBJECT_FIELDS = ['customer', 'id', 'title', 'externalId', 'description', 'data', 'custom', 'tags'];

function kobjectBuilder(
  method: 'createWithCustomer' | 'create' | 'update',
  required: string[],
  optionalStrings: string[],
): Builder {
  return (ctx, params) => {
    const klassName = params.klassName;
    if (typeof klassName !== 'string') return 'params have no klassName';
    const klass = ctx.klasses.get(klassName);
    if (!klass) return `Klass "${klassName}" is not defined in this project`;
    const allowed = KOBJECT_FIELDS.filter(
      (k) => (k !== 'customer' || method === 'createWithCustomer') && (k !== 'id' || method === 'update'),
    );
    if (!onlyKeys(params, ['klassName', ...allowed], ['klassName', ...required]))
      return `params have keys kobject.${method} does not take`;
    const entries: { key: string; value: Expr }[] = [];
    for (const [key, value] of Object.entries(params)) {
      if (key === 'klassName') continue;
      if (['customer', 'id', 'title', 'externalId', 'description', ...optionalStrings].includes(key)) {
        if (typeof value !== 'string') return `${key} is not a string`;
        entries.push({ key, value: stringExpr(ctx, value, 'string') });
      } else if (key === 'custom') {
        const custom = customMapping(ctx, klass, klassName, value);
        if (typeof custom === 'string') return custom;
        entries.push({ key, value: custom });
      } else if (key === 'tags') {
        if (
          !(typeof value === 'string' && parseWholeRef(value)) &&
          !(Array.isArray(value) && value.every((t) => typeof t === 'string'))
        )
          return 'tags are not a list of strings';
        entries.push({ key, value: valueExpr(ctx, value) });
      } else {
        entries.push({ key, value: valueExpr(ctx, value) });
      }
    }
    ctx.usedKlasses.add(klassName);
    use(ctx, `kobject.${method}`);
    const custom = Object.fromEntries(
      [...klass.attributes].map(([name, a]) => [name, a.expect === 'dropdown' ? ('opaque' as const) : a.expect]),
    );
    return {
      expr: call(`kobject.${method}`, raw(klass.handle), obj(entries)),
      shape: kobjectShape(custom as Record<string, Shape>),
    };
  };
}

/** A KObject's `custom` as the Klass types it; any value the type would refuse means no builder. */
function customMapping(ctx: ActionContext, klass: KlassInScope, klassName: string, value: JsonValue): Expr | string {
  if (!isJsonObject(value)) return 'custom is not an object';
  const entries: { key: string; value: Expr }[] = [];
  for (const [name, v] of Object.entries(value)) {
    const attr = klass.attributes.get(name);
    if (!attr) return `"${name}" is not an attribute of Klass "${klassName}"`;
    const isPath = typeof v === 'string' && parseWholeRef(v) !== undefined;
    if (v === null) entries.push({ key: name, value: raw('null') });
    else if (attr.expect === 'dropdown') {
      if (typeof v !== 'string' || !(isPath || attr.options?.includes(v)))
        return `"${name}" holds a value that is not one of its options`;
      entries.push({ key: name, value: raw(quote(v)) });
    } else if (typeof v === 'string' && (attr.expect === 'string' || isPath)) {
      entries.push({ key: name, value: stringExpr(ctx, v, attr.expect) });
    } else if (typeof v === attr.expect) {
      entries.push({ key: name, value: raw(String(v)) });
    } else {
      return `"${name}" holds a value that does not fit its type (${attr.expect})`;
    }
  }
  return obj(entries);
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function restApi(ctx: ActionContext, params: JsonObject): { expr: Expr; shape: Shape } | string {
  if (params.json !== true) return 'params do not set json: true';
  if (typeof params.method !== 'string' || !METHODS.includes(params.method)) return 'method is not one restApi takes';
  if (typeof params.uri !== 'string') return 'uri is not a string';
  if (!onlyKeys(params, ['json', 'method', 'uri', 'headers', 'qs', 'data'], ['json', 'method', 'uri']))
    return 'params have keys restApi does not take';
  for (const key of ['headers', 'qs'] as const) {
    const v = params[key];
    if (v !== undefined && !(isJsonObject(v) && Object.values(v).every((h) => typeof h === 'string')))
      return `${key} are not strings`;
  }
  const entries: { key: string; value: Expr }[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (key === 'json') continue;
    if (key === 'method') entries.push({ key, value: raw(quote(value as string)) });
    else if (key === 'uri') entries.push({ key, value: stringExpr(ctx, value as string, 'string') });
    else if (key === 'headers')
      entries.push({
        key,
        value: headersExpr(ctx, value as Record<string, string>, [ctx.owner.workflow, ctx.owner.step]),
      });
    else if (key === 'qs')
      entries.push({
        key,
        value: obj(
          Object.entries(value as Record<string, string>).map(([k, v]) => ({
            key: k,
            value: stringExpr(ctx, v, 'string'),
          })),
        ),
      });
    else entries.push({ key, value: valueExpr(ctx, value) });
  }
  use(ctx, 'restApi');
  return { expr: call('restApi', obj(entries)), shape: REST_API_SHAPE };
}

function regexMatch(ctx: ActionContext, params: JsonObject): { expr: Expr; shape: Shape } | string {
  if (!onlyKeys(params, ['testString', 'regex'], ['testString', 'regex']))
    return 'params are not exactly { testString, regex }';
  if (typeof params.testString !== 'string' || typeof params.regex !== 'string')
    return 'testString or regex is not a string';
  use(ctx, 'regexMatch');
  const entries = [
    { key: 'testString', value: stringExpr(ctx, params.testString, 'string') },
    { key: 'regex', value: raw(quote(params.regex)) },
  ];
  return { expr: call('regexMatch', obj(entries)), shape: REGEX_MATCH_SHAPE };
}

function onlyKeys(params: JsonObject, allowed: string[], required: string[]): boolean {
  return Object.keys(params).every((k) => allowed.includes(k)) && required.every((k) => params[k] !== undefined);
}

function use(ctx: ActionContext, callee: string): void {
  ctx.imports.add(callee.split('.')[0]!);
}
