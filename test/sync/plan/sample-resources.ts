/**
 * Test helpers: compiled resources as the compiler emits them (resources.md), and a seeded generator
 * of random desired sets for property tests (mulberry32: same seed, same project).
 */
import type { JsonObject } from '../../../compiler/json.js';
import type { Resource } from '../../../compiler/resource.js';
import { seededRandom } from '../../../sync/local-org/server/faults.js';

export const hook = (key: string): Resource => ({
  kind: 'kustomer.hook',
  key,
  body: { name: key, description: `Events [managed by kac: regal]`, type: 'web' },
  dependsOn: [],
  sensitive: [],
});

export const klass = (key: string, extra: JsonObject = {}): Resource => ({
  kind: 'kustomer.klass',
  key,
  body: { name: key, displayName: key, status: 'enabled', ...extra },
  dependsOn: [],
  sensitive: [],
});

export const attributes = (key: string, properties: JsonObject): Resource => ({
  kind: 'kustomer.klass-attributes',
  key,
  body: { properties },
  dependsOn: [{ kind: 'kustomer.klass', key }],
  sensitive: [],
});

export interface StepSpec {
  id: string;
  action?: string;
  params?: JsonObject;
  to?: { target: string; op?: string; values?: unknown[] }[];
}

export const workflow = (
  key: string,
  hookKey: string,
  steps: StepSpec[],
  options: { enabled?: boolean; klasses?: string[]; first?: string } = {},
): Resource => ({
  kind: 'kustomer.workflow',
  key,
  body: {
    name: key,
    description: 'test [managed by kac: regal]',
    enabled: options.enabled ?? true,
    meta: { displayName: key },
    trigger: {
      id: '1',
      eventName: `kustomer.hooks.web.<ref:kustomer.hook:${hookKey}:id>.receive`,
      transitions: steps.length
        ? [{ target: options.first ?? steps[0]!.id, condition: { op: 'true', values: [true] } }]
        : [],
    },
    steps: steps.map((s) => ({
      id: s.id,
      action: s.action ?? 'kustomer.kobject.create-with-customer',
      params: s.params ?? { title: `{{{steps.1.attributes.data.event}}}` },
      transitions: (s.to ?? []).map((t) => ({
        target: t.target,
        condition: { op: t.op ?? 'true', values: (t.values ?? [true]) as JsonObject[] },
      })),
      errorCases: [],
    })),
  },
  dependsOn: [
    { kind: 'kustomer.hook', key: hookKey },
    ...(options.klasses ?? []).map((k) => ({ kind: 'kustomer.klass' as const, key: k })),
  ],
  sensitive: [],
});

export const webhook = (key: string, envVar = 'E2E_TOKEN'): Resource => ({
  kind: 'kustomer.outbound-webhook',
  key,
  body: {
    name: key,
    url: 'https://example.test/hook',
    events: ['kustomer.customer.create'],
    headers: [
      { name: 'Authorization', value: `Bearer <secret:${envVar}>` },
      { name: 'X-Source', value: 'kustomer' },
    ],
    enabled: true,
  },
  dependsOn: [],
  sensitive: [['headers', 0, 'value']],
});

export const seeded = seededRandom;

/** A random but valid desired set: hooks, Klasses with attributes, workflows wired to them, webhooks. */
export function randomProject(seed: number): Resource[] {
  const rnd = seeded(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const out: Resource[] = [];
  const hooks = Array.from({ length: 1 + int(3) }, (_, i) => `regal-hook-${seed}-${i}`);
  hooks.forEach((h) => out.push(hook(h)));
  const klasses = Array.from({ length: int(4) }, (_, i) => `regal-klass-${i}`);
  const types = ['string', 'number', 'date', 'boolean', 'url', 'text'];
  const suffix: Record<string, string> = {
    string: 'Str',
    number: 'Num',
    date: 'At',
    boolean: 'Bool',
    url: 'Url',
    text: 'Txt',
  };
  for (const k of klasses) {
    out.push(klass(k, rnd() < 0.5 ? { icon: 'phone', color: '#123456' } : {}));
    const props: JsonObject = {};
    for (let a = 0; a < 1 + int(5); a++) {
      const type = types[int(types.length)]!;
      props[`attr${a}${suffix[type]}`] = { type, displayName: `Attr ${a}` };
    }
    out.push(attributes(k, props));
  }
  for (let w = 0; w < int(6); w++) {
    const ids = Array.from({ length: 1 + int(4) }, (_, i) => `step-${i}`);
    const steps: StepSpec[] = ids.map((id, i) => ({
      id,
      params: { title: `t${int(100)}` },
      to:
        i + 1 < ids.length
          ? [{ target: ids[i + 1]!, op: rnd() < 0.5 ? 'true' : 'eq', values: ['/#steps.1.attributes.data.event', 'x'] }]
          : [],
    }));
    out.push(
      workflow(`regal-wf-${w}`, hooks[int(hooks.length)]!, steps, {
        enabled: rnd() < 0.8,
        klasses: klasses.length ? [klasses[int(klasses.length)]!] : [],
      }),
    );
  }
  if (rnd() < 0.5) out.push(webhook('regal-outbound'));
  return out;
}
