/**
 * A loopback proxy in front of the local org that lets a fixed number of writes (POST, PUT, PATCH,
 * DELETE) through and holds every later one, unanswered and not forwarded, until `release()`. Tests of
 * killed and interrupted applies use it to stop an apply at an exact point, whatever the CPU load,
 * instead of racing a latency against a signal.
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WriteGate {
  url: string;
  /** Writes that reached the org. */
  forwarded(): number;
  /** Resolves once `n` writes are held (the apply is waiting at the gate). */
  held(n: number): Promise<void>;
  /** Forwards the held writes and every later one. */
  release(): void;
  close(): Promise<void>;
}

export async function startWriteGate(target: string, allowWrites: number): Promise<WriteGate> {
  let writes = 0;
  let open = false;
  const waiting: (() => void)[] = [];
  const heldWatchers: { n: number; resolve: () => void }[] = [];
  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const upstream = request(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    upstream.end(body);
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const isWrite = req.method !== 'GET' && req.method !== 'HEAD';
      if (!isWrite || open || writes < allowWrites) {
        if (isWrite) writes++;
        return forward(req, res, body);
      }
      waiting.push(() => {
        writes++;
        forward(req, res, body);
      });
      for (const w of heldWatchers.filter((w) => waiting.length >= w.n)) w.resolve();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    forwarded: () => writes,
    held: (n) => new Promise((resolve) => (waiting.length >= n ? resolve() : heldWatchers.push({ n, resolve }))),
    release() {
      open = true;
      for (const send of waiting.splice(0)) send();
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
