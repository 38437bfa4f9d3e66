/**
 * Pure. Live (or compiled) resources → TypeScript definition files, one per object:
 * `klasses/<name>.ts`, `workflows/hooks/<name>.ts`, `workflows/<name>.ts`,
 * `workflows/outbound/<name>.ts`. Compiling the files gives back the same bodies (the round trip).
 */
import { dirname, posix, relative } from 'node:path';
import type { JsonObject } from '../../compiler/json.js';
import { resourceId, type Resource, type ResourceKind } from '../../compiler/resource.js';
import type { LiveResource } from '../providers/provider.js';
import { NameAllocator, camelCase } from './code.js';
import { hookPlan } from './hook.js';
import { klassPlan } from './klass.js';
import { outboundWebhookPlan } from './outbound-webhook.js';
import { STANDARD_ATTRIBUTES_DIR, standardAttributesPlan } from './standard-attributes.js';
import { AUTHORING_NAMES, renderSource, type SourcePlan } from './source-plan.js';
import type { KlassInScope } from './workflow-actions.js';
import { workflowPlan, type HookInScope, type WorkflowScope } from './workflow.js';

export interface GenerateOptions {
  /** The config's namespace: its description marker is left out of authored text. */
  namespace: string;
  /** Live hook ids → hook names, for hooks that are neither generated nor in `context`. */
  hookNames?: Record<string, string>;
  /**
   * Resources that get no file but inform the ones that do: live hooks (their ids name a workflow's
   * trigger) and Klass attributes (they type KObject steps).
   */
  context?: readonly (LiveResource | Resource)[];
  /**
   * Definitions the project already has, `resourceId` (`kustomer.hook:regal-events`) → repo-relative
   * file. Generated workflows import them rather than writing raw event names.
   */
  existingFiles?: Readonly<Record<string, string>>;
  /** The module generated files import the authoring API from. Default: `compiler/index.js` under the out root. */
  authoringSpecifier?: (file: string) => string;
  /** Where a generated definition goes; default `definitionPath` (e.g. the file the project already has). */
  paths?: (kind: ResourceKind, key: string) => string | undefined;
}

export interface GeneratedFile {
  /** Repo-relative, `/`-separated. */
  path: string;
  content: string;
  /** The resources the file defines (a Klass file defines both of its resources). */
  resources: { kind: ResourceKind; key: string }[];
  /** Env vars its secrets read: the user sets them before plan/apply. */
  envVars: string[];
  /** What the live objects hold that the file cannot express. */
  notes: string[];
}

const DIRS = {
  hook: 'workflows/hooks',
  klass: 'klasses',
  workflow: 'workflows',
  outbound: 'workflows/outbound',
} as const;

/** A file name for a system name: kept when it is already safe, else kebab-cased. */
export function fileStem(name: string): string {
  if (/^[A-Za-z0-9_-]+$/.test(name)) return name;
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9_]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'unnamed'
  );
}

export function definitionPath(kind: ResourceKind, key: string): string | undefined {
  const dir =
    kind === 'kustomer.hook'
      ? DIRS.hook
      : kind === 'kustomer.klass' || kind === 'kustomer.klass-attributes'
        ? DIRS.klass
        : kind === 'kustomer.workflow'
          ? DIRS.workflow
          : kind === 'kustomer.outbound-webhook'
            ? DIRS.outbound
            : kind === 'kustomer.standard-attributes'
              ? STANDARD_ATTRIBUTES_DIR
              : undefined;
  return dir && `${dir}/${fileStem(key)}.ts`;
}

function specifierFrom(file: string, target: string): string {
  const rel = posix.relative(posix.dirname(file), target).replace(/\.ts$/, '.js');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

const defaultAuthoring = (file: string) => specifierFrom(file, 'compiler/index.ts');

export function generateSources(
  resources: readonly (LiveResource | Resource)[],
  options: GenerateOptions,
): GeneratedFile[] {
  const context = options.context ?? [];
  const existing = options.existingFiles ?? {};
  const authoring = options.authoringSpecifier ?? defaultAuthoring;
  const pathOf = (kind: ResourceKind, key: string) => options.paths?.(kind, key) ?? definitionPath(kind, key)!;
  const byKind = (list: readonly (LiveResource | Resource)[], kind: ResourceKind) =>
    list.filter((r) => r.kind === kind);
  const bodyOf = (list: readonly (LiveResource | Resource)[], kind: ResourceKind, key: string) =>
    list.find((r) => r.kind === kind && r.key === key)?.body;

  // Handles are shared by every file, so a hook and a Klass of the same name never collide.
  const handles = new NameAllocator(AUTHORING_NAMES);
  const hookIds = new Map(Object.entries(options.hookNames ?? {}));
  const hooks = new Map<string, { handle: string; type: string; file: string }>();
  for (const r of [...byKind(resources, 'kustomer.hook'), ...byKind(context, 'kustomer.hook')]) {
    for (const id of liveIds(r)) hookIds.set(id, r.key);
    const file = resources.includes(r) ? pathOf(r.kind, r.key) : existing[resourceId(r)];
    if (file && !hooks.has(r.key))
      hooks.set(r.key, { handle: handles.take(camelCase(r.key, 'hook')), type: String(r.body.type ?? 'web'), file });
  }

  // Workflows a step may call (`kustomer.workflow.<id>.call`), by live id.
  const workflowsById = new Map<string, { name: string; handle: string; file: string; body: JsonObject }>();
  for (const r of [...byKind(resources, 'kustomer.workflow'), ...byKind(context, 'kustomer.workflow')]) {
    const file = resources.includes(r) ? pathOf(r.kind, r.key) : existing[resourceId(r)];
    const id = 'id' in r && typeof r.id === 'string' ? r.id : undefined;
    if (file && id && !workflowsById.has(id))
      workflowsById.set(id, {
        name: r.key,
        handle: handles.take(camelCase(r.key, 'workflow')),
        file,
        body: r.body as JsonObject,
      });
  }

  const files: GeneratedFile[] = [];
  const klasses = new Map<string, KlassInScope & { file: string }>();
  const klassNames = new Set(
    [...resources, ...context]
      .filter((r) => r.kind === 'kustomer.klass' || r.kind === 'kustomer.klass-attributes')
      .map((r) => r.key),
  );
  for (const name of [...klassNames].sort()) {
    const generated = resources.some(
      (r) => (r.kind === 'kustomer.klass' || r.kind === 'kustomer.klass-attributes') && r.key === name,
    );
    const klass = bodyOf(resources, 'kustomer.klass', name) ?? bodyOf(context, 'kustomer.klass', name);
    const attributes =
      bodyOf(resources, 'kustomer.klass-attributes', name) ?? bodyOf(context, 'kustomer.klass-attributes', name);
    const result = klassPlan(name, klass, attributes);
    const file = generated
      ? pathOf('kustomer.klass', name)
      : (existing[`kustomer.klass:${name}`] ?? existing[`kustomer.klass-attributes:${name}`]);
    if (file)
      klasses.set(name, { handle: handles.take(camelCase(name, 'klass')), attributes: result.attributes, file });
    if (generated) {
      const kinds = resources.filter(
        (r) => r.key === name && (r.kind === 'kustomer.klass' || r.kind === 'kustomer.klass-attributes'),
      );
      files.push(emit(file!, result.plan, kinds, authoring));
    }
  }

  for (const r of byKind(resources, 'kustomer.hook'))
    files.push(emit(pathOf(r.kind, r.key), hookPlan(r.body, options.namespace), [r], authoring));
  for (const r of byKind(resources, 'kustomer.standard-attributes'))
    files.push(emit(pathOf(r.kind, r.key), standardAttributesPlan(r.key, r.body), [r], authoring));
  for (const r of byKind(resources, 'kustomer.outbound-webhook'))
    files.push(emit(pathOf(r.kind, r.key), outboundWebhookPlan(r.body), [r], authoring));
  for (const r of byKind(resources, 'kustomer.workflow')) {
    const path = pathOf(r.kind, r.key);
    const scope: WorkflowScope = {
      namespace: options.namespace,
      hookIds,
      hooks: new Map(
        [...hooks].map(([name, h]): [string, HookInScope] => [
          name,
          { handle: h.handle, type: h.type, specifier: specifierFrom(path, h.file) },
        ]),
      ),
      klasses: new Map([...klasses].map(([name, k]) => [name, { ...k, specifier: specifierFrom(path, k.file) }])),
      workflows: new Map(
        [...workflowsById]
          .filter(([, w]) => w.name !== r.key)
          .map(([id, w]) => [id, { ...w, specifier: specifierFrom(path, w.file) }]),
      ),
    };
    files.push(emit(path, workflowPlan(r.body as JsonObject, scope), [r], authoring));
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function emit(
  path: string,
  plan: SourcePlan,
  resources: readonly (LiveResource | Resource)[],
  authoring: (file: string) => string,
): GeneratedFile {
  return {
    path,
    content: renderSource(plan, authoring(path)),
    resources: resources.map((r) => ({ kind: r.kind, key: r.key })),
    envVars: [...plan.envVars].sort(),
    notes: plan.notes,
  };
}

/** A live hook's ids as workflow triggers name it: its id, and the one inside its eventName. */
function liveIds(r: LiveResource | Resource): string[] {
  const ids: string[] = [];
  if ('id' in r && typeof r.id === 'string') ids.push(r.id);
  if ('outputs' in r) {
    if (r.outputs.id) ids.push(r.outputs.id);
    const m = /^kustomer\.hooks\.[a-z]+\.(.+)\.receive$/.exec(r.outputs.eventName ?? '');
    if (m) ids.push(m[1]!);
  }
  return ids;
}

/** The authoring entry as seen from `file` under `outDir`, for a kac checkout at `kacRoot`. */
export function authoringSpecifierFor(outDir: string, kacRoot: string): (file: string) => string {
  return (file) => {
    const rel = relative(dirname(posix.join(outDir, file)), posix.join(kacRoot, 'compiler/index.js'))
      .split('\\')
      .join('/');
    return rel.startsWith('.') ? rel : `./${rel}`;
  };
}
