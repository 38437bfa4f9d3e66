/**
 * The studio's JSON API: one handler per view. Handlers return data; the server serialises it
 * (through the secret redactor) and maps thrown errors to statuses. Nothing here knows about HTTP.
 */
import type { Diagnostic } from '../../compiler/diagnostics.js';
import type { Resource } from '../../compiler/resource.js';
import { ExitError } from '../errors.js';
import { hookDefinitions, klassViews, workflowViews } from './definitions.js';
import type { StoredRun } from '../local-org/store/state.js';
import { listSamples, readSample, type OrgData } from './org-data.js';

export interface StudioContext {
  root: string;
  env: { name: string; kind: 'local' | 'kustomer'; target: string };
  namespace: string;
  /** Compiled definitions (empty when they have errors). */
  resources: readonly Resource[];
  diagnostics: readonly Diagnostic[];
  org: OrgData;
  /** The current plan against the environment, rendered as text, with its counts. */
  plan(): Promise<{ text: string; counts: Record<string, number>; workflows: { name: string; mermaid: string }[] }>;
}

export interface ApiRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: string;
}

export class NotFound extends Error {}

/** The customer a run found or created (the last customer step's output id). */
export function customerOfRun(run: StoredRun): string | undefined {
  const step = run.log.steps
    .filter(
      (s) =>
        s.action?.startsWith('kustomer.customer.') &&
        typeof (s.output as { id?: unknown } | undefined)?.id === 'string',
    )
    .pop();
  return step ? (step.output as { id: string }).id : undefined;
}

type Handler = (ctx: StudioContext, params: string[], req: ApiRequest) => Promise<unknown>;

const routes: { method: string; pattern: RegExp; handler: Handler }[] = [
  {
    method: 'GET',
    pattern: /^\/api\/overview$/,
    handler: async (ctx) => ({
      env: { ...ctx.env, readOnly: ctx.org.readOnly },
      namespace: ctx.namespace,
      errors: ctx.diagnostics
        .filter((d) => d.severity === 'error')
        .map((d) => `${d.location ? `${d.location.file}:${d.location.line} ` : ''}${d.message}`),
    }),
  },
  { method: 'GET', pattern: /^\/api\/workflows$/, handler: async (ctx) => workflowViews(ctx.resources) },
  { method: 'GET', pattern: /^\/api\/klasses$/, handler: async (ctx) => klassViews(ctx.resources) },
  {
    method: 'GET',
    pattern: /^\/api\/hooks$/,
    handler: async (ctx) => {
      const live = await ctx.org.hooks();
      const defs = hookDefinitions(ctx.resources);
      const names = [...new Set([...defs.map((d) => d.name), ...live.map((h) => h.name)])].sort();
      return names.map((name) => ({
        name,
        definition: defs.find((d) => d.name === name) ?? null,
        live: live.find((h) => h.name === name) ?? null,
      }));
    },
  },
  { method: 'GET', pattern: /^\/api\/samples$/, handler: async (ctx) => listSamples(ctx.root) },
  {
    method: 'GET',
    pattern: /^\/api\/samples\/([\w.-]+\.json)$/,
    handler: async (ctx, [file]) => {
      const text = await readSample(ctx.root, file!);
      if (text === undefined) throw new NotFound(`no sample ${file}`);
      return { file, text };
    },
  },
  {
    method: 'POST',
    pattern: /^\/api\/hooks\/([\w.-]+)\/events$/,
    handler: async (ctx, [name], req) => {
      const { status, runs } = await ctx.org.postEvent(name!, req.body);
      return {
        status,
        runs: runs.map((r) => ({
          id: r.log.id,
          workflowName: r.log.workflowName,
          status: r.log.status,
          error: r.log.error ?? null,
          customerId: customerOfRun(r) ?? null,
        })),
      };
    },
  },
  {
    method: 'GET',
    pattern: /^\/api\/customers$/,
    handler: async (ctx, _p, req) => ctx.org.searchCustomers(req.query.get('q') ?? ''),
  },
  {
    method: 'GET',
    pattern: /^\/api\/customers\/([0-9a-f]{24})\/timeline$/,
    handler: async (ctx, [id]) => ctx.org.timeline(id!),
  },
  {
    method: 'GET',
    pattern: /^\/api\/runs$/,
    handler: async (ctx) =>
      (await ctx.org.runs())
        .slice()
        .reverse()
        .map((r) => ({
          id: r.log.id,
          workflowName: r.log.workflowName,
          status: r.log.status,
          startedAt: r.log.startedAt,
          steps: r.log.steps.length,
          eventName: r.eventName,
        })),
  },
  {
    method: 'GET',
    pattern: /^\/api\/runs\/([0-9a-f]{24})$/,
    handler: async (ctx, [id]) => {
      const run = (await ctx.org.runs()).find((r) => r.log.id === id);
      if (!run) throw new NotFound(`no run ${id}`);
      return run;
    },
  },
  { method: 'GET', pattern: /^\/api\/plan$/, handler: async (ctx) => ctx.plan() },
];

/** Runs the handler for a request; throws NotFound for an unknown path, ExitError for a refusal. */
export async function handleApi(ctx: StudioContext, req: ApiRequest): Promise<unknown> {
  const candidates = routes.filter((r) => r.pattern.test(req.path));
  const route = candidates.find((r) => r.method === req.method);
  if (!route)
    throw candidates.length
      ? new ExitError(`${req.method} is not allowed on ${req.path}`)
      : new NotFound(`${req.path} is not an endpoint`);
  const params = (route.pattern.exec(req.path) ?? []).slice(1).map((p) => decodeURIComponent(p));
  return route.handler(ctx, params, req);
}
