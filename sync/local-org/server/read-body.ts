/** Reads a request body up to a byte limit and parses it: JSON, form-encoded, or (hooks) raw text. */
import type { IncomingMessage } from 'node:http';
import type { JsonValue } from '../../../compiler/json.js';

export type BodyResult =
  { kind: 'ok'; value: JsonValue | undefined } | { kind: 'too-large' } | { kind: 'invalid'; message: string };

export async function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) tooLarge = true;
    // Keep draining so the client gets the 413 instead of a reset connection.
    if (!tooLarge) chunks.push(chunk as Buffer);
  }
  if (tooLarge) return { kind: 'too-large' };
  if (size === 0) return { kind: 'ok', value: undefined };
  const text = Buffer.concat(chunks).toString('utf8');
  const type = String(req.headers['content-type'] ?? 'application/json');
  if (type.includes('application/x-www-form-urlencoded'))
    return { kind: 'ok', value: Object.fromEntries(new URLSearchParams(text)) };
  if (type.includes('json')) {
    try {
      return { kind: 'ok', value: JSON.parse(text) as JsonValue };
    } catch {
      return { kind: 'invalid', message: 'the body is not valid JSON' };
    }
  }
  return { kind: 'ok', value: text };
}
