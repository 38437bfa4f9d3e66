/**
 * `GET /v1/auth/tokens/current` (confirmed path; the response shape is inferred) and the emulator-only
 * `GET /__kac/runs`: the workflow run logs, newest last, which Kustomer shows only in its UI.
 */
import type { JsonObject } from '../../../compiler/json.js';
import { EMULATOR_PREFIX, EMULATOR_TOKEN_ROLES, RESOURCE_TYPES } from '../inferred-api.js';
import { resourceObject, single, type Route } from '../server/http.js';

export const authRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/v1\/auth\/tokens\/current$/,
    handler: (req) =>
      single(
        200,
        resourceObject(
          RESOURCE_TYPES.token,
          req.store.state.userId,
          { roles: EMULATOR_TOKEN_ROLES, name: 'kac local org' },
          '/v1/auth/tokens/current',
          { org: { data: { type: 'org', id: req.store.state.orgId } } },
        ),
      ),
  },
];

export const emulatorRoutes: Route[] = [
  {
    method: 'GET',
    pattern: new RegExp(`^${EMULATOR_PREFIX}/runs$`),
    budget: 'none',
    faults: false,
    handler: (req) => {
      const workflow = req.query.get('workflow');
      const limit = Number.parseInt(req.query.get('limit') ?? '', 10);
      let runs = req.store.state.runs.filter(
        (r) => workflow === null || r.log.workflowName === workflow || r.log.workflowId === workflow,
      );
      if (Number.isFinite(limit) && limit > 0) runs = runs.slice(-limit);
      return { status: 200, body: { data: runs as unknown as JsonObject[] } };
    },
  },
];
