/** Secrets are references to environment variables, never literal values in the repo. */
import { secretPlaceholder } from '../placeholders.js';

export interface Secret {
  readonly kind: 'secret';
  readonly envVar: string;
  /** A secret interpolated into a string renders as its placeholder, never a value. */
  toString(): string;
}

/**
 * A secret read from an environment variable when kac talks to the system. Compiled JSON, plans and
 * comments only ever hold its placeholder `<secret:NAME>`.
 *
 * @example
 * headers: { Authorization: secret('REGAL_API_KEY') }
 * headers: { Authorization: `Bearer ${secret('ORDERS_TOKEN')}` }
 */
export function secret<const Name extends string>(envVar: Name): Secret {
  return Object.freeze({
    kind: 'secret' as const,
    envVar,
    toString: () => secretPlaceholder(envVar),
  });
}

export function isSecret(value: unknown): value is Secret {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Secret).kind === 'secret' &&
    typeof (value as Secret).envVar === 'string'
  );
}
