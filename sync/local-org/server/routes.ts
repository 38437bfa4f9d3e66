/**
 * Every route of the local org in one list, finding the route for a request, and answering it:
 * shared by the HTTP server and the in-memory org (memory-org.ts), so both speak the same API.
 */
import { HostError } from '../runtime/host.js';
import { authRoutes, emulatorRoutes } from '../routes/auth.js';
import { conversationRoutes } from '../routes/conversations.js';
import { customerRoutes } from '../routes/customers.js';
import { hookRoutes } from '../routes/hooks.js';
import { klassRoutes } from '../routes/klasses.js';
import { metadataRoutes } from '../routes/metadata.js';
import { outboundWebhookRoutes } from '../routes/outbound-webhooks.js';
import { workflowRoutes } from '../routes/workflows.js';
import { HostValidationError } from '../store/store.js';
import { errorBody, HttpError, type ApiRequest, type ApiResponse, type Route } from './http.js';

export function allRoutes(): Route[] {
  return [
    ...authRoutes,
    ...klassRoutes,
    ...metadataRoutes,
    ...workflowRoutes,
    ...hookRoutes(),
    ...outboundWebhookRoutes,
    ...customerRoutes,
    ...conversationRoutes,
    ...emulatorRoutes,
  ];
}

/** The route for method + path; `status` 404 (no such path) or 405 (path, not this method) when none. */
export function findRoute(
  routes: readonly Route[],
  method: string,
  pathname: string,
): { route: Route } | { status: 404 | 405 } {
  const candidates = routes.filter((r) => r.pattern.test(pathname));
  const route = candidates.find((r) => r.method === method);
  return route ? { route } : { status: candidates.length > 0 ? 405 : 404 };
}

export function routeParams(route: Route, pathname: string): string[] {
  return (route.pattern.exec(pathname) ?? []).slice(1).map((p) => decodeURIComponent(p));
}

/** The handler's answer, refusals turned into `{ errors }`; then the standard events it raised are run. */
export async function respond(route: Route, req: ApiRequest): Promise<ApiResponse> {
  let response: ApiResponse;
  try {
    response = await route.handler(req);
  } catch (error) {
    if (error instanceof HttpError) response = { status: error.status, body: { errors: error.errors } };
    else if (error instanceof HostValidationError) response = { status: error.status, body: { errors: error.errors } };
    else if (error instanceof HostError)
      response = { status: error.status, body: errorBody(error.status, error.message) };
    else throw error;
  }
  // Kustomer runs triggered workflows after answering; the local org answers after they ran, so a
  // client (or test) sees their effects at once (inferred-api.ts HOOK_RUNS_BEFORE_RESPONSE).
  await req.engine.settle();
  return response;
}
