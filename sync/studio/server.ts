/**
 * The studio's HTTP server on 127.0.0.1: the page and its assets from `static/` (no CDN, no build
 * step), and the JSON API. Every response passes through the secret redactor; the page is served
 * with a strict Content-Security-Policy; requests must name this server as their Host (no DNS
 * rebinding) and a POST must carry the studio's own header (no cross-site posts).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError, ExitError } from '../errors.js';
import { redact } from '../logger.js';
import { handleApi, NotFound, type StudioContext } from './api.js';

export const STATIC_DIR = new URL('./static/', import.meta.url).pathname;
const ASSETS: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'style.css': 'text/css; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'dom.js': 'text/javascript; charset=utf-8',
  'graph.js': 'text/javascript; charset=utf-8',
  'graph-panel.js': 'text/javascript; charset=utf-8',
  'views-git.js': 'text/javascript; charset=utf-8',
  'views-org.js': 'text/javascript; charset=utf-8',
};
const MAX_BODY = 400 * 1024;
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
export const POST_HEADER = 'x-kac-studio';

export interface StudioServer {
  url: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'content-security-policy': CSP,
  });
  res.end(body);
}

const json = (res: ServerResponse, status: number, value: unknown) =>
  send(res, status, 'application/json; charset=utf-8', redact(JSON.stringify(value)));

async function readText(req: IncomingMessage): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new ExitError(`the event is larger than ${MAX_BODY} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startStudioServer(ctx: StudioContext, port = 0): Promise<StudioServer> {
  let allowedHosts = new Set<string>();
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        json(res, 500, { error: `studio bug: ${error instanceof Error ? error.message : String(error)}` });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? ''))
      return json(res, 421, { error: 'this server answers only on 127.0.0.1' });
    const url = new URL(req.url ?? '/', 'http://studio');
    if (!url.pathname.startsWith('/api/')) {
      const name = url.pathname === '/' ? 'index.html' : url.pathname.slice(1);
      const type = ASSETS[name];
      if (req.method !== 'GET' || !type) return send(res, 404, 'text/plain; charset=utf-8', 'not found');
      return send(res, 200, type, await readFile(join(STATIC_DIR, name), 'utf8'));
    }
    if (req.method === 'POST' && req.headers[POST_HEADER] !== '1')
      return json(res, 403, { error: `a POST needs the ${POST_HEADER} header (sent by the studio page)` });
    try {
      const body = req.method === 'POST' ? await readText(req) : '';
      const data = await handleApi(ctx, {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        body,
      });
      json(res, 200, data);
    } catch (error) {
      if (error instanceof NotFound) return json(res, 404, { error: error.message });
      if (error instanceof ExitError)
        return json(res, 400, { error: error.message, ...(error.hint ? { hint: error.hint } : {}) });
      if (error instanceof ApiError) return json(res, 502, { error: error.message });
      throw error;
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new ExitError(`port ${port} on 127.0.0.1 is in use`, 1, 'choose another with --port N (0: any free port)')
          : error,
      ),
    );
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${actual}`, `localhost:${actual}`]);
  return {
    url: `http://127.0.0.1:${actual}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
