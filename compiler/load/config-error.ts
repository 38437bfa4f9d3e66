/** A missing or invalid kac.config.ts, as diagnostics (its own module: the CLI's error boundary imports it at start-up). */
import type { Diagnostic } from '../diagnostics.js';

export class ConfigError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => d.message).join('; '));
    this.name = 'ConfigError';
  }
}
