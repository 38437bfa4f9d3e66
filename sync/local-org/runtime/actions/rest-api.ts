/**
 * `kustomer.rest-api.json`: one HTTP call through the injected fetch, with a timeout. Output
 * `{ body, response: { statusCode, headers } }`. A non-2xx status is NOT a failure (exports branch on
 * `response.statusCode` and `body.code`); only a call that gets no response fails the step.
 */
import { WorkflowRunError } from '../types.js';
import { asParams, optionalRecord, optionalString, requireString, type ActionHandler } from './params.js';

const ACTION = 'kustomer.rest-api.json';
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

export interface RestApiOutput {
  body: unknown;
  response: { statusCode: number; headers: Record<string, string> };
}

export const restApiActions: Record<string, ActionHandler> = {
  [ACTION]: async (raw, ctx): Promise<RestApiOutput> => {
    const params = asParams(raw, ACTION);
    const url = parseUri(requireString(params, 'uri', ACTION));
    const method = (optionalString(params, 'method', ACTION) ?? 'GET').toUpperCase();
    if (!METHODS.includes(method))
      throw new WorkflowRunError(`${ACTION}: method "${method}" is not one of ${METHODS.join(', ')}`);
    // `json` defaults to true: the action's name says JSON, and every export sets it.
    const json = params.json !== false && params.json !== 'false';

    for (const [key, value] of Object.entries(optionalRecord(params, 'qs', ACTION) ?? {})) {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item !== undefined && item !== null) url.searchParams.append(key, String(item));
      }
    }
    const headers = new Headers();
    for (const [key, value] of Object.entries(optionalRecord(params, 'headers', ACTION) ?? {})) {
      if (value !== undefined && value !== null) headers.set(key, String(value));
    }
    let body: string | undefined;
    if (params.data !== undefined && method !== 'GET' && method !== 'HEAD') {
      body = typeof params.data === 'string' && !json ? params.data : JSON.stringify(params.data);
      if (json && !headers.has('content-type')) headers.set('content-type', 'application/json');
    }
    if (json && !headers.has('accept')) headers.set('accept', 'application/json');

    // Named without the query string: it may carry a key.
    const target = `${method} ${url.origin}${url.pathname}`;
    let response: Response;
    let text: string;
    try {
      response = await ctx.fetch(url, {
        method,
        headers,
        body,
        signal: AbortSignal.timeout(ctx.httpTimeoutMs),
        redirect: 'follow',
      });
      text = await response.text();
    } catch (error) {
      const reason =
        (error as Error).name === 'TimeoutError' ? `timed out after ${ctx.httpTimeoutMs} ms` : causeOf(error);
      throw new WorkflowRunError(`${ACTION}: ${target} failed: ${reason}`);
    }
    return {
      body: json ? parseJsonOrText(text) : text,
      response: { statusCode: response.status, headers: Object.fromEntries(response.headers.entries()) },
    };
  },
};

function parseUri(uri: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(uri);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new WorkflowRunError(
      `${ACTION}: uri ${JSON.stringify(uri)} is not an absolute http(s) URL (is a {{{variables.<id>}}} missing?)`,
    );
  }
  return url;
}

/** As the `request` library's `json: true` did: parse when the text is JSON, keep the text otherwise. */
function parseJsonOrText(text: string): unknown {
  if (text.trim() === '') return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function causeOf(error: unknown): string {
  const err = error as Error & { cause?: { code?: string; message?: string } };
  return err.cause?.code ?? err.cause?.message ?? err.message;
}
