/**
 * What every operation takes from its caller instead of reaching for it: a logger, the process
 * environment (secret values), a clock and an abort signal. The CLI, the daemon, the demo, GitHub
 * mode and the bench each build one; tests pass fixed ones.
 */
import type { Resource } from '../../compiler/resource.js';
import type { Logger } from '../logger.js';
import type { Provider } from '../providers/provider.js';

export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export interface OperationContext {
  logger: Logger;
  /** Where secret values are read from (default comparison and sending). */
  env: NodeJS.ProcessEnv;
  /** Default: the system clock. */
  now?: Clock;
  signal?: AbortSignal;
}

/** The org an operation talks to: an opened environment, or anything with providers (the bench). */
export interface Target {
  name: string;
  /** Where it points, for humans: never a key. */
  target: string;
  providers: readonly Provider[];
  manualInstructions?: (resource: Resource) => string;
  /** Secret values for comparing and sending; default: `OperationContext.env`. */
  secret?: (envVar: string) => string | undefined;
}

/** The compiled project an operation plans: the namespace and the desired resources. */
export interface DesiredState {
  namespace: string;
  desired: readonly Resource[];
}

/** `{ signal }` when the context has one, for the many options objects that take it. */
export function signalOf(ctx: Pick<OperationContext, 'signal'>): { signal?: AbortSignal } {
  return ctx.signal ? { signal: ctx.signal } : {};
}
