/** A real plan (through the planner) with one resource in every drift bucket, for the drift tests. */
import type { Resource } from '../../../compiler/resource.js';
import { planChanges } from '../../../sync/plan/plan-changes.js';
import type { Plan } from '../../../sync/plan/types.js';
import type { LiveResource } from '../../../sync/providers/provider.js';

const hook = (key: string, description: string): Resource => ({
  kind: 'kustomer.hook',
  key,
  body: { name: key, description, type: 'web' },
  dependsOn: [],
  sensitive: [],
  source: { file: `workflows/regal/${key}.ts`, line: 3, column: 1 },
});

const live = (r: Resource, id: string, body = r.body): LiveResource => ({
  ...r,
  body,
  id,
  outputs: { id },
  fingerprint: `fp-${id}`,
  source: undefined,
});

export function driftPlan(over: { clean?: boolean } = {}): Plan {
  const edited = hook('regal-call-events', 'Regal call events');
  const deleted = hook('regal-sms-events', 'Regal SMS events');
  const unchanged = hook('regal-conversation-events', 'Regal conversation events');
  const desired = [edited, deleted, unchanged];
  const liveObjects: LiveResource[] = over.clean
    ? desired.map((r, i) => live(r, `h${i}`))
    : [
        live(edited, 'h1', { ...edited.body, description: 'edited in the UI' }),
        live(unchanged, 'h3'),
        live(hook('regal-test-hook', 'made by hand'), 'h4'),
        live(hook('zendesk-events', 'someone else'), 'h5'),
      ];
  return planChanges({
    namespace: 'regal',
    environment: { name: 'production', target: 'https://acme.api.kustomerapp.com' },
    desired,
    live: liveObjects,
    providedKinds: new Set(['kustomer.hook']),
    secret: () => undefined,
    now: new Date('2025-03-04T05:06:07Z'),
  });
}
