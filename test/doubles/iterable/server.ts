/**
 * A local Iterable API double on 127.0.0.1: `GET /api/journeys` paged as Iterable pages it
 * (page from 1, pageSize ≤ 50, `totalJourneysCount`, `nextPageUrl`), the `Api-Key` header checked,
 * requests recorded, and queued faults (429/5xx) so the client's retries run for real.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DoubleJourney {
  id: number;
  name: string;
  enabled: boolean;
  isArchived?: boolean;
  journeyType?: string;
  triggerEventNames?: string[];
}

export interface RecordedRequest {
  method: string;
  path: string;
  apiKey: string | undefined;
  status: number;
}

export interface IterableDouble {
  /** `http://127.0.0.1:<port>`: pass as the client's baseUrl. */
  readonly url: string;
  journeys: DoubleJourney[];
  readonly requests: RecordedRequest[];
  /** The next request answers with this status (queue several to fail several in a row). */
  injectFault(status: number): void;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown): number {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
  return status;
}

export async function startIterableDouble(options: {
  apiKey: string;
  journeys?: DoubleJourney[];
}): Promise<IterableDouble> {
  const requests: RecordedRequest[] = [];
  const faults: number[] = [];
  const state = { journeys: options.journeys ?? [] };

  const handle = (req: IncomingMessage, res: ServerResponse): number => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const fault = faults.shift();
    if (fault !== undefined) return send(res, fault, { msg: 'injected fault', code: 'GenericError', params: null });
    if (req.headers['api-key'] !== options.apiKey)
      return send(res, 401, { msg: 'Invalid API key', code: 'BadApiKey', params: null });
    if (req.method !== 'GET' || url.pathname !== '/api/journeys')
      return send(res, 404, { msg: 'Not found', code: 'NotFound', params: null });
    const page = Number(url.searchParams.get('page') ?? '1');
    const pageSize = Number(url.searchParams.get('pageSize') ?? '10');
    if (!Number.isInteger(page) || page < 1 || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > 50) {
      return send(res, 400, {
        msg: 'page must be ≥ 1 and pageSize between 1 and 50',
        code: 'InvalidJsonBody',
        params: null,
      });
    }
    const listed = state.journeys.filter((j) => !j.isArchived);
    const slice = listed.slice((page - 1) * pageSize, page * pageSize).map((j) => ({
      journeyType: 'Published',
      createdAt: 1_700_000_000_000,
      updatedAt: 1_700_000_000_000,
      triggerEventNames: [],
      isArchived: false,
      ...j,
    }));
    const more = page * pageSize < listed.length;
    return send(res, 200, {
      journeys: slice,
      totalJourneysCount: listed.length,
      ...(more ? { nextPageUrl: `/api/journeys?page=${page + 1}&pageSize=${pageSize}` } : {}),
      ...(page > 1 ? { previousPageUrl: `/api/journeys?page=${page - 1}&pageSize=${pageSize}` } : {}),
    });
  };

  const server = createServer((req, res) => {
    const status = handle(req, res);
    const apiKey = req.headers['api-key'];
    requests.push({
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      apiKey: typeof apiKey === 'string' ? apiKey : undefined,
      status,
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get journeys() {
      return state.journeys;
    },
    set journeys(value: DoubleJourney[]) {
      state.journeys = value;
    },
    requests,
    injectFault: (status) => void faults.push(status),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
