/**
 * Pure. A Kustomer workflow body → the `defineWorkflow(...)` that compiles back to it: step ids kept
 * exactly (they are identity in Kustomer), readable handles from display names, transitions in order,
 * typed builders and references where they are exact, the raw JSON where they are not.
 */
import type { CodeBlockWriter } from 'ts-morph';
import { isJsonObject, type JsonObject, type JsonValue } from '../../compiler/json.js';
import { NameAllocator, call, camelCase, jsonExpr, obj, quote, raw, writeExpr, type Expr } from './code.js';
import { actionExpr, type KlassInScope, type RenderedAction } from './workflow-actions.js';
import { conditionExpr, isAlways } from './workflow-conditions.js';
import { OBJECT_EVENT_SHAPE, type RefScope } from './workflow-refs.js';
import { valueExpr, type ValueContext } from './workflow-values.js';
import { DEFAULT_APP_VERSIONS, defaultStepAppVersion } from '../../compiler/compile/app-versions.js';
import { AUTHORING_NAMES, descriptionFields, type SourcePlan } from './source-plan.js';

export interface HookInScope {
  handle: string;
  type: string;
  /** The module to import it from, relative to the generated file. */
  specifier: string;
}

export interface WorkflowScope {
  namespace: string;
  /** Hook definitions the workflow may import, by hook name. */
  hooks: Map<string, HookInScope>;
  /** Live hook ids → hook names (a live trigger names its hook by id). */
  hookIds: Map<string, string>;
  /** Klasses the workflow may import, by Klass name, with the module to import from. */
  klasses: Map<string, KlassInScope & { specifier: string }>;
  /** Workflows a step may call, by live id: their handle, module and live body (for the input schema). */
  workflows?: Map<string, { name: string; handle: string; specifier: string; body: JsonObject }>;
}

const ROOT_KEYS = ['name', 'description', 'enabled', 'meta', 'trigger', 'steps', 'response'];
const TRIGGER_KEYS = ['id', 'eventName', 'appVersion', 'meta', 'transitions', 'callable', 'schema'];
const STEP_KEYS = ['id', 'action', 'appVersion', 'params', 'meta', 'transitions', 'errorCases'];

/**
 * `raw: { … }`: the keys of `value` outside `known`, plus the unknown keys of its `meta` (merged into
 * the compiled meta), verbatim. Undefined when there are none.
 */
function rawEntry(
  value: JsonObject,
  known: readonly string[],
  metaKnown: readonly string[],
  extra: JsonObject = {},
): { key: string; value: Expr } | undefined {
  const out: JsonObject = { ...extra };
  for (const [k, v] of Object.entries(value)) if (!known.includes(k)) out[k] = v;
  if (isJsonObject(value.meta)) {
    const meta: JsonObject = {};
    for (const [k, v] of Object.entries(value.meta)) if (!metaKnown.includes(k)) meta[k] = v;
    if (Object.keys(meta).length > 0) out.meta = { ...(isJsonObject(out.meta) ? out.meta : {}), ...meta };
  }
  return Object.keys(out).length > 0 ? { key: 'raw', value: jsonExpr(out) } : undefined;
}
const HOOK_EVENT = /^kustomer\.hooks\.([a-z]+)\.(.+)\.receive$/;
const HOOK_REF = /^<ref:kustomer\.hook:([^:>]+):id>$/;
const OBJECT_EVENT = /^kustomer\.(customer|conversation|message|note|company|kobject\.[^.]+)\.(create|update)$/;

export function workflowPlan(body: JsonObject, scope: WorkflowScope): SourcePlan {
  const notes: string[] = [];
  const imports = new Set<string>(['defineWorkflow']);
  const defaults: { name: string; specifier: string }[] = [];
  const envVars = new Set<string>();
  const lose = (where: string, keys: string[]) =>
    keys.length > 0 && notes.push(`${where}: ${keys.join(', ')} cannot be written in TypeScript and would be lost`);
  const meta = isJsonObject(body.meta) ? body.meta : {};

  const trigger = isJsonObject(body.trigger) ? body.trigger : {};
  const triggerMeta = isJsonObject(trigger.meta) ? trigger.meta : {};
  const eventName = typeof trigger.eventName === 'string' ? trigger.eventName : '';
  const callable = trigger.callable === true && typedSchema(trigger.schema);
  const hook = callable ? undefined : hookOf(eventName, scope);
  // A callable trigger's eventName is the server's (normalize.ts drops it); other odd values stay raw.
  const triggerOdd: JsonObject = {};
  if (trigger.callable !== undefined && !callable) triggerOdd.callable = trigger.callable;
  if (trigger.schema !== undefined && !callable) triggerOdd.schema = trigger.schema;
  const triggerRaw = rawEntry(
    callable ? Object.fromEntries(Object.entries(trigger).filter(([k]) => k !== 'eventName')) : trigger,
    TRIGGER_KEYS,
    ['displayName'],
    triggerOdd,
  );
  const names = new NameAllocator([
    ...AUTHORING_NAMES,
    ...[...scope.hooks.values()].map((h) => h.handle),
    ...[...scope.klasses.values()].map((k) => k.handle),
  ]);

  // A hook trigger's appVersion defaults to kac's; `null` says the live trigger has none.
  const triggerAppVersion = hook
    ? differsFrom(trigger.appVersion, DEFAULT_APP_VERSIONS.hookTrigger)
    : optionalString(trigger.appVersion);
  const triggerOptions = obj([
    ...(typeof triggerMeta.displayName === 'string'
      ? [{ key: 'displayName', value: raw(quote(triggerMeta.displayName)) }]
      : []),
    ...(triggerAppVersion === undefined ? [] : [{ key: 'appVersion', value: triggerAppVersion }]),
    ...(triggerRaw ? [triggerRaw] : []),
  ]);
  if (trigger.meta !== undefined && Object.keys(triggerMeta).length === 0) lose('trigger meta', ['(empty meta)']);
  const triggerArgs = (...first: Expr[]) =>
    triggerOptions.t === 'obj' && triggerOptions.entries.length > 0 ? [...first, triggerOptions] : first;
  let triggerExpr: Expr;
  const refScope: RefScope = { steps: new Map(), used: new Set(), trigger: { kind: 'event', shape: 'unknown' } };
  if (callable) {
    imports.add('onCall');
    triggerExpr = call('onCall', ...triggerArgs(jsonExpr(trigger.schema as JsonObject)));
    refScope.trigger = { kind: 'event', shape: 'unknown' };
  } else if (hook) {
    imports.add('onHook');
    defaults.push({ name: hook.handle, specifier: hook.specifier });
    triggerExpr = call('onHook', ...triggerArgs(raw(hook.handle)));
    refScope.trigger = { kind: 'hook', payload: 'unknown' };
  } else {
    const [callee, ...args] = eventTrigger(eventName);
    imports.add(callee!);
    triggerExpr = call(callee!, ...triggerArgs(...args.map((a) => raw(quote(a)))));
    refScope.trigger = { kind: 'event', shape: OBJECT_EVENT.test(eventName) ? OBJECT_EVENT_SHAPE : 'unknown' };
  }

  const steps = (Array.isArray(body.steps) ? body.steps : []).filter(isJsonObject);
  steps.forEach((s, index) => {
    const stepMeta = isJsonObject(s.meta) ? s.meta : {};
    const label =
      typeof stepMeta.displayName === 'string' && stepMeta.displayName.trim() !== ''
        ? stepMeta.displayName
        : `step ${String(s.id)}`;
    refScope.steps.set(String(s.id), { handle: names.take(camelCase(label, 'step')), index, shape: 'unknown' });
  });

  const usedKlasses = new Set<string>();
  const statements: ((w: CodeBlockWriter) => void)[] = [];
  steps.forEach((s, index) => {
    const id = String(s.id);
    const stepMeta = isJsonObject(s.meta) ? s.meta : {};
    const ctx = {
      scope: refScope,
      at: index,
      envVars,
      imports,
      klasses: scope.klasses,
      owner: { workflow: String(body.name), step: id },
      usedKlasses,
    };
    const action = typeof s.action === 'string' ? s.action : undefined;
    // Written only where it differs from what the compiler would put there (`null`: none at all).
    const appVersion =
      action === undefined ? optionalString(s.appVersion) : differsFrom(s.appVersion, defaultStepAppVersion(action));
    const params = isJsonObject(s.params) ? s.params : undefined;
    // A branch step's appVersion is written as given; its params, if any, are kept raw.
    const stepOdd: JsonObject = {};
    if (action === undefined && s.params !== undefined) stepOdd.params = s.params;
    if (action !== undefined && s.params !== undefined && !isJsonObject(s.params)) stepOdd.params = s.params;
    if (s.appVersion !== undefined && typeof s.appVersion !== 'string') stepOdd.appVersion = s.appVersion;
    if (action !== undefined && s.params === undefined) lose(`step ${id}`, ['(no params: kac writes {})']);
    const stepRaw = rawEntry(s, STEP_KEYS, ['displayName', 'description'], stepOdd);
    const actionAppVersion =
      appVersion?.t === 'raw' && appVersion.text !== 'null' ? (s.appVersion as string) : undefined;
    const rendered =
      callExpr(ctx, action, params, scope, defaults) ?? actionExpr(ctx, action, params, actionAppVersion);
    refScope.steps.get(id)!.shape = rendered.shape;
    const options = [
      ...(['displayName', 'description'] as const)
        .filter((k) => typeof stepMeta[k] === 'string')
        .map((k) => ({ key: k, value: raw(quote(stepMeta[k] as string)) })),
      ...(appVersion !== undefined && !(rendered.appVersionInAction && actionAppVersion !== undefined)
        ? [{ key: 'appVersion', value: appVersion }]
        : []),
      ...(Array.isArray(s.errorCases) && s.errorCases.length > 0
        ? [{ key: 'errorCases', value: valueExpr(ctx, s.errorCases) }]
        : []),
      ...(stepRaw ? [stepRaw] : []),
    ];
    const stepCall = call('step', raw(quote(id)), rendered.expr, ...(options.length > 0 ? [obj(options)] : []));
    statements.push((w) => {
      if (rendered.fallbackReason) w.writeLine(`// Kept as Kustomer's JSON: ${rendered.fallbackReason}.`);
      const handle = refScope.steps.get(id)!.handle;
      if (refScope.used.has(handle)) w.write(`const ${handle} = `);
      writeExpr(w, stepCall);
      w.write(';').newLine();
    });
  });

  const transitionLines: ((w: CodeBlockWriter) => void)[] = [];
  const valueCtx: ValueContext = { scope: refScope, at: Infinity, envVars, imports };
  const addTransitions = (source: string, transitions: JsonValue | undefined, where: string) => {
    for (const t of Array.isArray(transitions) ? transitions.filter(isJsonObject) : []) {
      const tMeta = isJsonObject(t.meta) ? t.meta : undefined;
      const label = typeof tMeta?.name === 'string' ? tMeta.name : undefined;
      // Unknown keys, meta keys beside the label, an odd meta or label: kept verbatim.
      const tOdd: JsonObject =
        t.meta !== undefined && !tMeta
          ? { meta: t.meta }
          : tMeta && tMeta.name !== undefined && label === undefined
            ? { meta: { name: tMeta.name } }
            : {};
      const tRaw = rawEntry(t, ['target', 'condition', 'meta'], ['name'], tOdd);
      if (tMeta && Object.keys(tMeta).length === 0)
        lose(`${where} transition to ${String(t.target)}`, ['(empty meta)']);
      const args: Expr[] = [raw(quote(String(t.target)))];
      if (!isAlways(t.condition) || label !== undefined || tRaw) {
        imports.add('when');
        const cond = isJsonObject(t.condition)
          ? conditionExpr(valueCtx, t.condition)
          : { expr: call('when.always'), lost: [] };
        lose(`${where} condition`, cond.lost);
        args.push(cond.expr);
      }
      if (label !== undefined || tRaw) args.push(label === undefined ? raw('undefined') : raw(quote(label)));
      if (tRaw) args.push(obj([tRaw]));
      refScope.used.add(source);
      transitionLines.push((w) => {
        writeExpr(w, call(`${source}.to`, ...args));
        w.write(';').newLine();
      });
    }
  };
  addTransitions('trigger', trigger.transitions, 'trigger');
  for (const s of steps)
    addTransitions(refScope.steps.get(String(s.id))!.handle, s.transitions, `step ${String(s.id)}`);

  for (const name of usedKlasses) {
    const klass = scope.klasses.get(name)!;
    defaults.push({ name: klass.handle, specifier: klass.specifier });
  }

  const ctxNames = ['trigger', 'event', 'step'].filter((n) => n === 'step' || refScope.used.has(n));
  const fields: { key: string; value: Expr }[] = [{ key: 'name', value: raw(quote(String(body.name))) }];
  // The compiler writes `meta: { displayName: <name> }` unless told otherwise.
  if (body.meta === undefined) fields.push({ key: 'displayName', value: raw('null') });
  else if (typeof meta.displayName === 'string' && meta.displayName !== body.name)
    fields.push({ key: 'displayName', value: raw(quote(meta.displayName)) });
  else if (typeof meta.displayName !== 'string' && Object.keys(meta).length === 0)
    lose('workflow meta', ['(empty meta)']);
  fields.push(...descriptionFields(body.description, scope.namespace));
  if (body.enabled === false) fields.push({ key: 'enabled', value: raw('false') });
  else if (body.enabled !== true) lose('workflow', ['enabled (absent)']);
  fields.push({ key: 'trigger', value: triggerExpr });
  if (isJsonObject(body.response) && isJsonObject(body.response.schema))
    fields.push({ key: 'response', value: jsonExpr(body.response) });
  const rootOdd: JsonObject =
    body.response !== undefined && !(isJsonObject(body.response) && isJsonObject(body.response.schema))
      ? { response: body.response }
      : {};
  // A meta with no displayName (and the name as default) is carried raw, so compile writes it back.
  if (
    body.meta !== undefined &&
    typeof meta.displayName !== 'string' &&
    Object.keys(meta).length > 0 &&
    !fields.some((f) => f.key === 'displayName')
  )
    fields.push({ key: 'displayName', value: raw('null') });
  const rootRaw = rawEntry(body, ROOT_KEYS, ['displayName'], rootOdd);
  if (rootRaw) fields.push(rootRaw);

  return {
    imports,
    defaults,
    envVars,
    notes,
    write(w) {
      w.write('defineWorkflow({').newLine();
      w.indent(() => {
        for (const f of fields) {
          w.write(`${f.key}: `);
          writeExpr(w, f.value);
          w.write(',').newLine();
        }
        w.write(`steps({ ${ctxNames.join(', ')} }) {`).newLine();
        w.indent(() => {
          for (const s of statements) s(w);
          if (transitionLines.length > 0 && statements.length > 0) w.blankLine();
          for (const t of transitionLines) t(w);
        });
        w.write('},').newLine();
      });
      w.write('})');
    },
  };
}

/** The trigger builder for an event name and its arguments: `onConversation('update')`, `onKObject('order', 'create')` … `onEvent(name)`. */
function eventTrigger(eventName: string): string[] {
  const standard = /^kustomer\.(conversation|customer)\.(create|update)$/.exec(eventName);
  if (standard) return [standard[1] === 'conversation' ? 'onConversation' : 'onCustomer', standard[2]!];
  const kobject = /^kustomer\.kobject\.([^.]+)\.(create|update)$/.exec(eventName);
  if (kobject) return ['onKObject', kobject[1]!, kobject[2]!];
  const app = /^kustomer\.app\.([^.]+)\.([^.]+)$/.exec(eventName);
  if (app) return ['onAppEvent', app[1]!, app[2]!];
  return ['onEvent', eventName];
}

const CALL_ACTION = /^kustomer\.workflow\.([^.]+)\.call$/;

/**
 * `callWorkflow(callee, input)` for a step calling a workflow kac imports too, when the input fits the
 * callee's schema (so the generated file type-checks); else undefined and the step stays `action()`.
 */
function callExpr(
  ctx: ValueContext,
  action: string | undefined,
  params: JsonObject | undefined,
  scope: WorkflowScope,
  defaults: { name: string; specifier: string }[],
): RenderedAction | undefined {
  const id = action === undefined ? undefined : CALL_ACTION.exec(action)?.[1];
  const callee = id === undefined ? undefined : scope.workflows?.get(id);
  const trigger = callee && isJsonObject(callee.body.trigger) ? callee.body.trigger : undefined;
  if (!callee || !trigger || trigger.callable !== true || !typedSchema(trigger.schema) || !isJsonObject(params))
    return undefined;
  const schema = trigger.schema as { properties: Record<string, { type: string }>; required?: string[] };
  const fits =
    Object.entries(params).every(([k, v]) => {
      const type = schema.properties[k]?.type;
      if (type === undefined) return false;
      if (typeof v === 'string' && v.startsWith('/#steps.')) return true;
      return type === 'array' ? Array.isArray(v) : type === 'object' ? isJsonObject(v) : typeof v === type;
    }) && (schema.required ?? []).every((r) => r in params);
  if (!fits) return undefined;
  ctx.imports.add('callWorkflow');
  if (!defaults.some((d) => d.name === callee.handle))
    defaults.push({ name: callee.handle, specifier: callee.specifier });
  return {
    expr: call('callWorkflow', raw(callee.handle), valueExpr(ctx, params)),
    shape: 'any',
    appVersionInAction: false,
  };
}

/** The hook an eventName names (by placeholder or live id), when its definition is in scope and compiles back to the same name. */
function hookOf(eventName: string, scope: WorkflowScope): HookInScope | undefined {
  const m = HOOK_EVENT.exec(eventName);
  if (!m) return undefined;
  const name = HOOK_REF.exec(m[2]!)?.[1] ?? scope.hookIds.get(m[2]!);
  const hook = name === undefined ? undefined : scope.hooks.get(name);
  return hook && hook.type === m[1] ? hook : undefined;
}

/** The option that compiles to `value` given the compiler's default: undefined when they agree. */
function differsFrom(value: JsonValue | undefined, fallback: string | undefined): Expr | undefined {
  if (value === fallback) return undefined;
  if (value === undefined) return raw('null');
  return typeof value === 'string' ? raw(quote(value)) : undefined;
}

const SCHEMA_TYPES = ['string', 'number', 'boolean', 'object', 'array'];

/** A callable input schema `onCall` can type: `{ properties: { x: { type } }, required?: string[] }`. */
function typedSchema(schema: JsonValue | undefined): boolean {
  if (!isJsonObject(schema) || !isJsonObject(schema.properties)) return false;
  if (
    schema.required !== undefined &&
    !(Array.isArray(schema.required) && schema.required.every((r) => typeof r === 'string'))
  )
    return false;
  return Object.values(schema.properties).every(
    (p) => isJsonObject(p) && typeof p.type === 'string' && SCHEMA_TYPES.includes(p.type),
  );
}

function optionalString(value: JsonValue | undefined): Expr | undefined {
  return typeof value === 'string' ? raw(quote(value)) : undefined;
}

function unknownKeys(value: JsonObject, known: string[]): string[] {
  return Object.keys(value).filter((k) => !known.includes(k));
}
