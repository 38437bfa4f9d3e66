/**
 * Test double: an in-memory Kustomer-like provider with the same contract as the real one (hook
 * outputs, workflows disable instead of delete, fingerprints change on every write), plus faults:
 * `failNext` makes the next calls fail, optionally after the write happened (a lost response).
 */
import { canonicalJson, type JsonObject } from '../../../compiler/json.js';
import { RESOURCE_KINDS, type Resource, type ResourceKind } from '../../../compiler/resource.js';
import { ApiError } from '../../../sync/errors.js';
import type { LiveResource, Provider } from '../../../sync/providers/provider.js';

interface Stored {
  kind: ResourceKind;
  key: string;
  id: string;
  body: JsonObject;
  rev: number;
  facts?: Record<string, number>;
}

export interface FakeProvider extends Provider {
  store: Map<string, Stored>;
  calls: { op: string; kind: ResourceKind; key: string; body?: JsonObject }[];
  /** The next `count` writes fail; `afterWrite` fails them after the store changed (response lost). */
  failNext(
    count: number,
    options?: { status?: number; afterWrite?: boolean; op?: 'create' | 'update' | 'remove' },
  ): void;
  put(kind: ResourceKind, key: string, body: JsonObject, facts?: Record<string, number>): Stored;
}

export function createFakeProvider(
  kinds: readonly ResourceKind[] = RESOURCE_KINDS.filter((k) => k !== 'iterable.journey-webhook'),
): FakeProvider {
  const store = new Map<string, Stored>();
  const calls: FakeProvider['calls'] = [];
  let nextId = 1;
  let faults: { count: number; status?: number; afterWrite?: boolean; op?: string } = { count: 0 };
  const sid = (kind: ResourceKind, key: string) => `${kind}:${key}`;
  const outputsOf = (s: Stored): Record<string, string> =>
    s.kind === 'kustomer.hook'
      ? { id: s.id, url: `http://hooks.test/${s.id}`, eventName: `kustomer.hooks.web.${s.id}.receive` }
      : { id: s.id };
  const toLive = (s: Stored): LiveResource => ({
    kind: s.kind,
    key: s.key,
    id: s.id,
    body: structuredClone(s.body),
    dependsOn: [],
    sensitive: [],
    outputs: outputsOf(s),
    fingerprint: `${s.id}@${s.rev}`,
    ...(s.facts ? { facts: s.facts } : {}),
  });
  const maybeFail = (op: string, write: () => void) => {
    if (faults.count > 0 && (!faults.op || faults.op === op)) {
      faults.count--;
      if (faults.afterWrite) write();
      throw new ApiError({
        system: 'kustomer',
        method: 'POST',
        path: '/fake',
        ...(faults.status ? { status: faults.status } : {}),
      });
    }
    write();
  };
  const put = (kind: ResourceKind, key: string, body: JsonObject, facts?: Record<string, number>): Stored => {
    const s: Stored = {
      kind,
      key,
      id: `id${nextId++}`,
      body: structuredClone(body),
      rev: 1,
      ...(facts ? { facts } : {}),
    };
    store.set(sid(kind, key), s);
    return s;
  };
  return {
    system: 'kustomer',
    kinds,
    store,
    calls,
    put,
    failNext(count, options = {}) {
      faults = { count, ...options };
    },
    async fetchLive() {
      return [...store.values()].filter((s) => kinds.includes(s.kind)).map(toLive);
    },
    async create(resource: Resource) {
      calls.push({ op: 'create', kind: resource.kind, key: resource.key, body: resource.body });
      let created: Stored | undefined;
      maybeFail('create', () => {
        created = put(resource.kind, resource.key, resource.body);
      });
      return toLive(created!);
    },
    async update(resource: Resource, live: LiveResource) {
      calls.push({ op: 'update', kind: resource.kind, key: resource.key, body: resource.body });
      const s = store.get(sid(live.kind, live.key));
      if (!s) throw new ApiError({ system: 'kustomer', method: 'PUT', path: '/fake', status: 404 });
      maybeFail('update', () => {
        store.delete(sid(live.kind, live.key));
        const merged =
          resource.kind === 'kustomer.klass-attributes'
            ? { properties: { ...(s.body.properties as JsonObject), ...(resource.body.properties as JsonObject) } }
            : resource.body;
        if (canonicalJson(merged) !== canonicalJson(s.body) || resource.key !== s.key) s.rev++;
        Object.assign(s, { key: resource.key, body: structuredClone(merged) });
        store.set(sid(resource.kind, resource.key), s);
      });
      return toLive(s);
    },
    async remove(live: LiveResource) {
      calls.push({ op: 'remove', kind: live.kind, key: live.key });
      const s = store.get(sid(live.kind, live.key));
      if (!s) throw new ApiError({ system: 'kustomer', method: 'DELETE', path: '/fake', status: 404 });
      maybeFail('remove', () => {
        if (s.kind === 'kustomer.workflow') {
          s.body = { ...s.body, enabled: false };
          s.rev++;
        } else store.delete(sid(live.kind, live.key));
      });
    },
  };
}
