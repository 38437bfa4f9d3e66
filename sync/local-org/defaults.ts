/** The local org's defaults, in a module of their own so the CLI can show them without loading the org. */
export const DEFAULT_STATE_DIR = '.kac/local';
/** Enterprise plan's budget (docs: rate limits). */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 1000;
