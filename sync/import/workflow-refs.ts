/**
 * Pure. Turns Kustomer's `/#steps.<id>.<path>` references back into typed references (`event.a.b`,
 * `find.out.id`) when the referenced value's TypeScript type is known and fits where it is used;
 * otherwise the caller keeps the plain path string, which compiles back to itself.
 */
import { isIdentifier, templateText } from './code.js';

/** What kac's authoring types say a step's output looks like, as far as paths go. */
export type Shape =
  | 'any'
  | 'unknown'
  | 'string'
  | 'number'
  | 'boolean'
  /** A value of a literal union (a dropdown): fits only where anything goes. */
  | 'opaque'
  | { fields: Record<string, Shape>; rest?: Shape }
  | { items: Shape };

/** The type a position accepts: `unknown` takes any reference, the others need a matching leaf. */
export type Expect = 'unknown' | 'string' | 'number' | 'boolean';

const str = 'string' as const;
export const CUSTOMER_SHAPE: Shape = {
  fields: {
    id: str,
    externalId: str,
    name: str,
    displayName: str,
    emails: { items: { fields: { email: str, type: str } } },
    phones: { items: { fields: { phone: str, type: str } } },
    custom: { fields: {}, rest: 'unknown' },
    tags: { items: str },
    createdAt: str,
    updatedAt: str,
  },
};

/** `KustomerConversation`: `custom` untyped (`Record<string, any>`) as `conversation.findById` without attributes. */
export const CONVERSATION_SHAPE: Shape = {
  fields: {
    id: str,
    customer: str,
    name: str,
    externalId: str,
    status: str,
    subStatus: str,
    priority: 'number',
    custom: { fields: {}, rest: 'any' },
    tags: { items: str },
    createdAt: str,
    updatedAt: str,
  },
};

/** `KustomerNote`. */
export const NOTE_SHAPE: Shape = {
  fields: { id: str, conversation: str, customer: str, body: str, createdAt: str, updatedAt: str },
};

export function kobjectShape(custom: Record<string, Shape> | undefined): Shape {
  return {
    fields: {
      id: str,
      externalId: str,
      title: str,
      description: str,
      data: 'unknown',
      custom: custom ? { fields: custom } : 'unknown',
      tags: { items: str },
      createdAt: str,
      updatedAt: str,
    },
  };
}

export const REST_API_SHAPE: Shape = {
  fields: { body: 'any', response: { fields: { statusCode: 'number', headers: { fields: {}, rest: str } } } },
};
export const REGEX_MATCH_SHAPE: Shape = { fields: { match: str } };
/** `KustomerObjectEvent`: a few typed fields, everything else `any`. */
export const OBJECT_EVENT_SHAPE: Shape = {
  fields: {
    id: str,
    customer: str,
    custom: { fields: {}, rest: 'any' },
    changes: { fields: { attributes: { fields: {}, rest: { fields: { before: 'any', after: 'any' } } } } },
  },
  rest: 'any',
};
/** `HookTransaction<unknown>`: the posted body (`event`) has no known type. */
export const HOOK_TRANSACTION_SHAPE: Shape = {
  fields: { id: str, type: str, attributes: { fields: { createdAt: str, data: 'unknown' } }, relationships: 'unknown' },
};

function navigate(shape: Shape, segment: string): Shape | undefined {
  if (shape === 'any') return 'any';
  if (typeof shape === 'string') return undefined;
  if ('items' in shape) return /^\d+$/.test(segment) ? shape.items : undefined;
  return Object.hasOwn(shape.fields, segment) ? shape.fields[segment] : shape.rest;
}

function fits(leaf: Shape, expect: Expect): boolean {
  if (leaf === 'any' || expect === 'unknown') return true;
  return leaf === expect;
}

export interface StepHandle {
  /** The variable holding the step's node, e.g. `find`. */
  handle: string;
  /** Position in the steps array: a reference is typed only to a step declared before its use. */
  index: number;
  shape: Shape;
}

export interface RefScope {
  steps: Map<string, StepHandle>;
  /** How step `1` is written: `event` is the hook body for hook triggers, the trigger output otherwise. */
  trigger: { kind: 'hook'; payload: Shape } | { kind: 'event'; shape: Shape };
  /** Handles the generated code uses (`event`, `trigger`, step handles), so they get declared. */
  used: Set<string>;
}

export interface WholeRef {
  step: string;
  path: string[];
}

const WHOLE_REF = /^\/#steps\.([^.\s]+)((?:\.[^.\s]+)*)$/;

export function parseWholeRef(value: string): WholeRef | undefined {
  const m = WHOLE_REF.exec(value);
  if (!m) return undefined;
  return { step: m[1]!, path: m[2] ? m[2].slice(1).split('.') : [] };
}

function access(base: string, path: readonly string[]): string {
  return path.reduce(
    (code, seg) => (isIdentifier(seg) ? `${code}.${seg}` : /^\d+$/.test(seg) ? `${code}[${seg}]` : `${code}['${seg}']`),
    base,
  );
}

/**
 * The typed reference for `ref` used at step index `at` where a value of type `expect` goes, or
 * undefined when its type is unknown or does not fit.
 */
export function typedRef(
  scope: RefScope,
  ref: WholeRef,
  at: number,
  expect: Expect,
): { code: string; leaf: Shape } | undefined {
  let base: string;
  let shape: Shape;
  let path = ref.path;
  if (ref.step === '1') {
    if (scope.trigger.kind === 'hook' && path[0] === 'attributes' && path[1] === 'data') {
      base = 'event';
      shape = scope.trigger.payload;
      path = path.slice(2);
    } else if (scope.trigger.kind === 'hook') {
      base = 'trigger.out';
      shape = HOOK_TRANSACTION_SHAPE;
    } else {
      base = 'event';
      shape = scope.trigger.shape;
    }
  } else {
    const step = scope.steps.get(ref.step);
    if (!step || step.index >= at) return undefined;
    base = `${step.handle}.out`;
    shape = step.shape;
  }
  let leaf: Shape | undefined = shape;
  for (const seg of path) {
    leaf = navigate(leaf, seg);
    if (leaf === undefined) return undefined;
  }
  if (!fits(leaf, expect)) return undefined;
  scope.used.add(base.split('.')[0]!);
  return { code: access(base, path), leaf };
}

const TEMPLATE_REF = /\{\{\{steps\.([A-Za-z0-9_-]+)((?:\.[A-Za-z0-9_@$-]+)*)\}\}\}/g;

/**
 * A string with `{{{steps...}}}` parts as a template literal of typed references, when at least one
 * part can be typed; parts that cannot stay as text (they render to the same characters).
 */
export function typedTemplate(scope: RefScope, text: string, at: number): string | undefined {
  let typedAny = false;
  let out = '';
  let last = 0;
  for (const m of text.matchAll(TEMPLATE_REF)) {
    const ref = { step: m[1]!, path: m[2] ? m[2].slice(1).split('.') : [] };
    // A typed reference renders other segments as Handlebars `[segment]`: not the same text.
    const plain = ref.path.every((seg) => /^[A-Za-z_$][\w$]*$/.test(seg));
    const typed = plain ? typedRef(scope, ref, at, 'unknown') : undefined;
    out += templateText(text.slice(last, m.index));
    out += typed ? `\${${typed.code}}` : templateText(m[0]);
    typedAny ||= typed !== undefined;
    last = m.index + m[0].length;
  }
  if (!typedAny) return undefined;
  return `\`${out}${templateText(text.slice(last))}\``;
}
