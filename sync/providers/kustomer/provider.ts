/**
 * The Kustomer provider: the five Kustomer kinds behind the Provider interface. fetchLive reads every
 * list once (plus one metadata GET per Klass), normalised per kind; writes go one change at a time
 * through the kind's handler. A real org and the local org are the same code path.
 */
import type { Resource, ResourceKind } from '../../../compiler/resource.js';
import { isManaged } from '../../plan/ownership.js';
import type { LiveResource, Provider, ProviderContext } from '../provider.js';
import type { KustomerClient } from './client/index.js';
import type { KindHandler } from './resources/common.js';
import { hookHandler, listHooks, liveHook } from './resources/hook.js';
import { getKlassAttributes, klassAttributesHandler } from './resources/klass-attributes.js';
import { countKObjects, klassHandler, listKlasses, liveKlass } from './resources/klass.js';
import { listOutboundWebhooks, liveOutboundWebhook, outboundWebhookHandler } from './resources/outbound-webhook.js';
import { listWorkflows, liveWorkflow, workflowHandler } from './resources/workflow.js';
import { getStandardAttributes, standardAttributesHandler } from './resources/standard-attributes.js';

export const KUSTOMER_KINDS = [
  'kustomer.hook',
  'kustomer.klass',
  'kustomer.klass-attributes',
  'kustomer.standard-attributes',
  'kustomer.workflow',
  'kustomer.outbound-webhook',
] as const;

export interface KustomerProviderOptions {
  /**
   * When set, attribute metadata is read only for Klasses whose name starts with `<namespace>-` or
   * `<namespace>_` (one GET per Klass is the costly part of a read); everything else is listed fully.
   */
  namespace?: string;
  /** Read the form hooks too (`GET /v1/hooks/form`, inferred). Default true. */
  formHooks?: boolean;
  /**
   * Standard objects (`customer`, `conversation` …) whose metadata to read for kac's own attributes:
   * the ones the project defines attributes for (import: all). Needs `namespace` (ownership).
   */
  standardObjects?: readonly string[];
}

type Handlers = Record<(typeof KUSTOMER_KINDS)[number], KindHandler>;

const HANDLERS: Omit<Handlers, 'kustomer.standard-attributes'> = {
  'kustomer.hook': hookHandler,
  'kustomer.klass': klassHandler,
  'kustomer.klass-attributes': klassAttributesHandler,
  'kustomer.workflow': workflowHandler,
  'kustomer.outbound-webhook': outboundWebhookHandler,
};

function handlerIn(handlers: Handlers, kind: ResourceKind): KindHandler {
  const handler = (handlers as Partial<Record<ResourceKind, KindHandler>>)[kind];
  if (!handler) throw new Error(`the Kustomer provider does not handle ${kind}`);
  return handler;
}

export function createKustomerProvider(client: KustomerClient, options: KustomerProviderOptions = {}): Provider {
  const handlers: Handlers = {
    ...HANDLERS,
    'kustomer.standard-attributes': standardAttributesHandler(options.namespace),
  };
  const handlerFor = (kind: ResourceKind) => handlerIn(handlers, kind);
  const namespace = options.namespace;
  return {
    system: 'kustomer',
    kinds: KUSTOMER_KINDS,

    async listKind(kind, ctx) {
      const signal = ctx.signal;
      switch (kind) {
        case 'kustomer.hook': {
          const [web, form] = await Promise.all([
            listHooks(client, 'web', signal),
            options.formHooks === false ? Promise.resolve([]) : listHooks(client, 'form', signal),
          ]);
          return [...web.map((h) => liveHook('web', h)), ...form.map((h) => liveHook('form', h))];
        }
        case 'kustomer.klass':
          return (await listKlasses(client, signal)).map(liveKlass);
        case 'kustomer.workflow':
          return (await listWorkflows(client, signal)).map(liveWorkflow);
        case 'kustomer.outbound-webhook':
          return (await listOutboundWebhooks(client, signal)).map(liveOutboundWebhook);
        default:
          // Metadata is merged by PUT: a second write of the same attributes is harmless.
          return undefined;
      }
    },

    async fetchLive(ctx: ProviderContext): Promise<LiveResource[]> {
      const signal = ctx.signal;
      const listingKlasses = listKlasses(client, signal);
      // Metadata GETs need only the Klass list: they overlap the other lists' page chains.
      const readingAttributes = listingKlasses.then((klasses) =>
        Promise.all(
          klasses
            .filter((k) => options.namespace === undefined || isManaged(k.attributes.name, options.namespace))
            .map((k) => getKlassAttributes(client, k.attributes.name, signal)),
        ),
      );
      const readingStandard =
        namespace === undefined
          ? []
          : (options.standardObjects ?? []).map((object) => getStandardAttributes(client, object, namespace, signal));
      const [webHooks, formHooks, klasses, workflows, webhooks, attributes, standard] = await Promise.all([
        listHooks(client, 'web', signal),
        options.formHooks === false ? Promise.resolve([]) : listHooks(client, 'form', signal),
        listingKlasses,
        listWorkflows(client, signal),
        listOutboundWebhooks(client, signal),
        readingAttributes,
        Promise.all(readingStandard),
      ]);
      const live = [
        ...webHooks.map((h) => liveHook('web', h)),
        ...formHooks.map((h) => liveHook('form', h)),
        ...klasses.map(liveKlass),
        ...attributes,
        ...standard.filter((s): s is LiveResource => s !== undefined),
        ...workflows.map(liveWorkflow),
        ...webhooks.map(liveOutboundWebhook),
      ];
      // A name listed twice is kept twice: the planner reports duplicates (sync/plan/duplicates.ts).
      return live;
    },

    create: (resource: Resource, ctx) => handlerFor(resource.kind).create(resource, client, ctx),
    update: (resource, live, ctx) => handlerFor(resource.kind).update(resource, live, client, ctx),
    remove: (live, ctx) => handlerFor(live.kind).remove(live, client, ctx),
    async removalFacts(live, ctx): Promise<Record<string, number>> {
      if (live.kind !== 'kustomer.klass') return {};
      return { kobjectCount: await countKObjects(client, live.key, ctx.signal) };
    },
  };
}
