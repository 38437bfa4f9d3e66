/** Recognises define* values among a module's exports by their `kind` discriminator. */
import type { Model } from '../model/project.js';
import { refData } from '../model/ref.js';

export const DEFINITION_KINDS = [
  'klass',
  'hook',
  'workflow',
  'outbound-webhook',
  'iterable-webhook',
  'standard-attributes',
] as const;
export type DefinitionKind = (typeof DEFINITION_KINDS)[number];

/** Which Model list holds each kind. */
export const MODEL_LIST: Record<DefinitionKind, keyof Omit<Model, 'root' | 'namespace'>> = {
  klass: 'klasses',
  hook: 'hooks',
  workflow: 'workflows',
  'outbound-webhook': 'outboundWebhooks',
  'iterable-webhook': 'iterableWebhooks',
  'standard-attributes': 'standardAttributes',
};

export interface DefinitionLike {
  kind: DefinitionKind;
  site?: { resolve(root: string): { file: string } | undefined };
}

export function isDefinition(value: unknown): value is DefinitionLike {
  if (typeof value !== 'object' || value === null) return false;
  // A Ref proxy answers every property with another Ref: never a definition.
  if (refData(value)) return false;
  const kind = (value as { kind?: unknown }).kind;
  return typeof kind === 'string' && (DEFINITION_KINDS as readonly string[]).includes(kind);
}

/** The module's definitions, default export first, then named exports by name. */
export function definitionsOf(moduleExports: Record<string, unknown>): DefinitionLike[] {
  const names = Object.keys(moduleExports).sort((a, b) =>
    a === 'default' ? -1 : b === 'default' ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );
  return names.map((name) => moduleExports[name]).filter(isDefinition);
}
