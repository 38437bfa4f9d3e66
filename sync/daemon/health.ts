/**
 * The daemon's health endpoint, on loopback only: `GET /health` (and `/`) answers the status as JSON,
 * 200 while the last run did not fail, 503 when it did, so a supervisor can alert on it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DaemonStatus } from './status.js';

export interface HealthServer {
  url: string;
  close(): Promise<void>;
}

export async function startHealthServer(port: number, getStatus: () => DaemonStatus): Promise<HealthServer> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (req.method !== 'GET' || (path !== '/health' && path !== '/')) {
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: 'not found; try GET /health' }));
      return;
    }
    const status = getStatus();
    const healthy = status.lastRun?.result !== 'error';
    res.writeHead(healthy ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ healthy, ...status }, null, 2));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}/health`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
