/**
 * One desired resource against the live object it maps to (by key, or by an explicit `renamedFrom`)
 * → a create, update or noop change, with its semantic summary and masked diff. Pure.
 */
import type { Diagnostic } from '../../compiler/diagnostics.js';
import { canonicalJson, getAtPath, isJsonObject, type JsonObject, type JsonPath } from '../../compiler/json.js';
import { secretPaths } from '../../compiler/placeholders.js';
import type { Resource } from '../../compiler/resource.js';
import type { LiveResource } from '../providers/provider.js';
import { unifiedDiff } from './diff-text.js';
import { hashJson } from './hash.js';
import {
  displayDesired,
  maskSensitive,
  resolveRefs,
  resolveSecretsForCompare,
  SENSITIVE,
  type OutputsByResource,
} from './resolve.js';
import { summarizeUpdate } from './semantic/index.js';
import { workflowNodes } from './semantic/workflow.js';
import type { Change, Refusal, SemanticNote } from './types.js';

export interface CompareContext {
  outputs: OutputsByResource;
  secret: (envVar: string) => string | undefined;
}

export interface Compared {
  change: Change;
  diagnostics: Diagnostic[];
}

/** Attribute metadata (a Klass's, a standard object's): compared per attribute; kac never removes one. */
const isAttributes = (kind: Resource['kind']) =>
  kind === 'kustomer.klass-attributes' || kind === 'kustomer.standard-attributes';

/**
 * Every live key is compared: the provider already dropped the server-populated fields (one list per
 * kind, normalize.ts), so a key added in the UI is drift and a key removed from git is a change.
 * The one exception is attribute metadata (a Klass's, a standard object's): Kustomer merges it per
 * attribute and kac never removes one, so attributes git does not declare are left out (the plan says
 * they are kept).
 */
function comparableLive(kind: Resource['kind'], live: JsonObject, desired: JsonObject): JsonObject {
  if (!isAttributes(kind) || !isJsonObject(live.properties) || !isJsonObject(desired.properties)) return live;
  const props: JsonObject = {};
  for (const name of Object.keys(desired.properties)) if (name in live.properties) props[name] = live.properties[name]!;
  return { ...live, properties: props };
}

function createSummary(resource: Resource, body: JsonObject, pending: string[]): SemanticNote[] {
  const notes: SemanticNote[] = [];
  if (resource.kind === 'kustomer.workflow') {
    const steps = workflowNodes(body).filter((n) => n.id !== '1');
    const shown = displayDesired(body);
    const trigger = isJsonObject(shown.trigger) ? String(shown.trigger.eventName ?? '') : '';
    notes.push({
      code: 'step-added',
      message: `new workflow with ${steps.length} step(s), triggered by ${trigger || '?'}`,
    });
  } else if (isAttributes(resource.kind)) {
    notes.push(...summarizeUpdate(resource.kind, undefined, body));
  } else {
    notes.push({ code: 'field-changed', message: `new ${resource.kind.replace(/^\w+\./, '')}` });
  }
  if (resource.kind !== 'kustomer.workflow')
    for (const ref of pending) notes.push({ code: 'reference-pending', message: `${ref} is known after apply` });
  return notes;
}

function attributeTypeProblems(
  resource: Resource,
  live: JsonObject,
): { refusal: Refusal; diagnostics: Diagnostic[] } | undefined {
  const before = isJsonObject(live.properties) ? live.properties : {};
  const after = isJsonObject(resource.body.properties) ? resource.body.properties : {};
  const diagnostics: Diagnostic[] = [];
  for (const [name, d] of Object.entries(after)) {
    const l = before[name];
    if (!isJsonObject(d) || !isJsonObject(l) || l.type === undefined || l.type === d.type) continue;
    diagnostics.push({
      code: 'plan/attribute-type-changed',
      severity: 'error',
      message: `attribute "${name}" of ${resource.kind === 'kustomer.klass-attributes' ? 'Klass ' : ''}"${resource.key}" is "${String(l.type)}" in Kustomer but "${String(d.type)}" in git; an attribute's type cannot change.`,
      location: resource.source,
      hint: `give it a new name with the right suffix (a new attribute) and stop writing "${name}"; the old values stay in Kustomer.`,
    });
  }
  if (diagnostics.length === 0) return undefined;
  return { refusal: { reason: 'attribute-type', message: diagnostics.map((d) => d.message).join(' ') }, diagnostics };
}

/**
 * Kustomer's workflow PUT is partial (kustomer-api.md §3.1: root keys not sent stay), so a root key
 * live has and git does not cannot be removed by apply: say so, and how to clear it.
 */
function partialUpdateNotes(kind: Resource['kind'], live: JsonObject, desired: JsonObject): SemanticNote[] {
  if (kind !== 'kustomer.workflow') return [];
  return Object.keys(live)
    .filter((key) => !(key in desired))
    .sort()
    .map((key) => ({
      code: 'kept-by-partial-update' as const,
      message:
        `"${key}" is live but not in git, and Kustomer's workflow update keeps keys it is not sent, so apply cannot remove it: ` +
        `clear it in Kustomer's UI, or keep it in git as \`raw: { ${key}: … }\` (what kac import writes)`,
    }));
}

export function compareResource(resource: Resource, live: LiveResource | undefined, ctx: CompareContext): Compared {
  const { body: resolved, pending } = resolveRefs(resource.body, ctx.outputs);
  const desiredHash = hashJson(resource.body);
  const sensitive: JsonPath[] = [...resource.sensitive, ...secretPaths(resource.body)];
  const desiredDisplay = maskSensitive(displayDesired(resolved), sensitive);
  const ref = { kind: resource.kind, key: resource.key };
  const base = { resource: ref, ...(resource.source ? { source: resource.source } : {}) };

  if (!live) {
    return {
      change: {
        kind: 'create',
        ...base,
        body: resolved,
        desiredHash,
        pendingRefs: pending,
        summary: createSummary(resource, resolved, pending),
        diff: unifiedDiff(ref, undefined, desiredDisplay),
      },
      diagnostics: [],
    };
  }

  const liveRef = { key: live.key, id: live.id, fingerprint: live.fingerprint };
  const liveBody = comparableLive(resource.kind, live.body, resolved);
  const { body: comparable, unknown } = resolveSecretsForCompare(resolved, liveBody, ctx.secret);
  const notes: SemanticNote[] = unknown.map((u) => ({
    code: 'secret-unknown',
    message: `${u.envVar} is not set here, so the value at ${u.path.join('.')} could not be compared`,
  }));
  const kept = isAttributes(resource.kind)
    ? summarizeUpdate(resource.kind, live.body, resolved).filter((n) => n.code === 'attribute-kept')
    : [];

  const renamed = live.key !== resource.key;
  if (!renamed && canonicalJson(comparable) === canonicalJson(liveBody)) {
    return {
      change: {
        kind: 'noop',
        ...base,
        live: liveRef,
        summary: [...kept, ...notes],
        diff: '',
        notes: [...kept, ...notes].map((n) => n.message),
      },
      diagnostics: [],
    };
  }

  const differs = (path: JsonPath) => getAtPath(comparable, path) !== getAtPath(liveBody, path);
  const liveDisplay = maskSensitive(liveBody, sensitive, (path) =>
    differs(path) ? `${SENSITIVE} (live value differs)` : SENSITIVE,
  );
  const summary: SemanticNote[] = [
    ...(renamed ? [{ code: 'renamed' as const, message: `renamed: ${live.key} → ${resource.key}` }] : []),
    ...summarizeUpdate(resource.kind, liveBody, comparable).filter((n) => !(renamed && n.message === 'name changed')),
    ...pending.map((p) => ({ code: 'reference-pending' as const, message: `${p} is known after apply` })),
    ...kept,
    ...partialUpdateNotes(resource.kind, liveBody, comparable),
    ...notes,
  ];

  let refusal: Refusal | undefined;
  const diagnostics: Diagnostic[] = [];
  if (resource.kind === 'kustomer.klass' && renamed) {
    refusal = {
      reason: 'klass-rename',
      message: `Klass "${live.key}" cannot become "${resource.key}": Klass names are immutable in Kustomer.`,
      hint: `keep the name "${live.key}", or create "${resource.key}" as a new Klass (drop renamedFrom) and migrate its KObjects yourself.`,
    };
    diagnostics.push({
      code: 'plan/klass-rename',
      severity: 'error',
      message: refusal.message,
      location: resource.source,
      hint: refusal.hint,
    });
  } else if (isAttributes(resource.kind)) {
    const problems = attributeTypeProblems(resource, live.body);
    if (problems) {
      refusal = problems.refusal;
      diagnostics.push(...problems.diagnostics);
    }
  }

  return {
    change: {
      kind: 'update',
      ...base,
      body: resolved,
      desiredHash,
      pendingRefs: pending,
      live: liveRef,
      ...(renamed ? { renamedFrom: live.key } : {}),
      ...(refusal ? { refusal } : {}),
      summary,
      diff: unifiedDiff(ref, liveDisplay, desiredDisplay),
    },
    diagnostics,
  };
}
