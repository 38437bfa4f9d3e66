/**
 * Stages never write to stdout; they take a Logger. The CLI's logger writes to stderr/stdout and runs
 * every line through the redactor, a backstop that replaces any known secret value with its
 * placeholder even if a value slipped into a message.
 */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  debug(message: string): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {}, debug() {} };

/** A logger that keeps lines in memory, for tests and for reports that quote the run. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const push = (level: string) => (m: string) => void lines.push(`${level}: ${redact(m)}`);
  return { lines, info: push('info'), warn: push('warn'), error: push('error'), debug: push('debug') };
}

const secretValues = new Map<string, string>();

/** Registers a secret's value (read from `envVar`) so that no output can contain it. */
export function registerSecretValue(envVar: string, value: string): void {
  if (value.length >= 4) secretValues.set(value, envVar);
}

/** Replaces every registered secret value in `text` with `<secret:NAME>`. */
export function redact(text: string): string {
  let out = text;
  for (const [value, envVar] of secretValues) {
    if (out.includes(value)) out = out.split(value).join(`<secret:${envVar}>`);
  }
  return out;
}

/**
 * Reads a secret from the environment and registers it for redaction. Returns undefined when unset;
 * the caller decides whether that is an error (apply) or "cannot compare" (plan).
 */
export function readSecret(envVar: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = env[envVar];
  if (value !== undefined && value !== '') registerSecretValue(envVar, value);
  return value === '' ? undefined : value;
}
