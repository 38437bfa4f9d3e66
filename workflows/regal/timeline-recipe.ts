// The one workflow shape every Regal event uses (seed guide steps 9-11): check the event name, find the
// customer, create them when not found, and put a KObject on their timeline. Each event's file only says
// which Klass, and how the event's fields map onto it.
import {
  customer,
  defineWorkflow,
  kobject,
  onHook,
  payloadOf,
  when,
  type AttributeDefinition,
  type Condition,
  type CustomMapping,
  type HookTransaction,
  type KlassDefinition,
  type KustomerCustomer,
  type Node,
  type Ref,
  type Value,
  type WorkflowDefinition,
} from '../../compiler/index.js';
import regalEvents from './hook.js';
import { regalEventSchemas, type RegalEvent, type RegalEventName, type RegalEventPayloads } from './payloads/index.js';

/**
 * The mapping `M` with every key the Klass does not have typed `never`. An object literal returned from a
 * callback escapes TypeScript's excess-property check; this puts it back, so a misspelt attribute is an
 * error on its own line.
 */
type KnownKeysOnly<M, Allowed> = M & { [K in Exclude<keyof M, keyof Allowed>]: never };

export interface TimelineRecipe<
  Name extends string,
  E extends RegalEventName,
  A extends Record<string, AttributeDefinition>,
  M extends CustomMapping<A> = CustomMapping<A>,
> {
  /** The workflow's system name, e.g. `regal-call-completed`. */
  name: Name;
  displayName: string;
  description: string;
  /** The Regal event this workflow handles; a name Regal does not send is a compile error. */
  event: E;
  /** The Klass of the KObject put on the timeline. */
  klass: KlassDefinition<string, A>;
  /** The card's headline. */
  title: (event: Ref<RegalEventPayloads[E]>) => Value<string>;
  /**
   * The KObject's externalId: a value that is the same when Regal re-sends the event, so a re-post can
   * be recognised (Kustomer looks KObjects up by externalId: `GET /v1/klasses/{name}/externalId=...`).
   */
  externalId: (event: Ref<RegalEventPayloads[E]>) => Ref<string | null | undefined> | string;
  /** Every attribute of the Klass, from the event's fields. An unknown attribute or a wrong kind fails to compile. */
  custom: (event: Ref<RegalEventPayloads[E]>) => KnownKeysOnly<M, CustomMapping<A>>;
  /**
   * The card's text under the title (the KObject's description): for free text that may not fit the
   * 1,024 characters of a Str/Txt attribute, e.g. an SMS or the agent's notes.
   */
  summary?: (event: Ref<RegalEventPayloads[E]>) => Value<string>;
  tags?: (event: Ref<RegalEventPayloads[E]>) => Value<string[]>;
  /** The name given to a customer this workflow creates. */
  customerName?: (event: Ref<RegalEventPayloads[E]>) => Value<string>;
  /**
   * The event fields `customerName` is made of. When the event carries every one of them, a customer
   * this workflow FINDS is renamed to `customerName` (`kustomer.customer.update`) before the card is
   * added, as Regal's guide keeps the customer's contact details current; when any is missing or
   * empty the found customer keeps its name, so a name is never overwritten with an empty one.
   */
  customerNameFields?: (event: Ref<RegalEventPayloads[E]>) => Ref<unknown>[];
}

/**
 * A Regal event → timeline workflow. Regal's envelope varies (regal-iterable.md §1.3), so the event name
 * is `event` or `name`, and the contact's External ID is `externalId` or `userId`. Lookup order:
 * external id (either field), then phone, then email; a customer is created when none matches. A re-sent
 * event (same KObject externalId) is recognised and ends the run. An event
 * carrying none of the four identifiers is ignored (there is no one to put it on).
 *
 * Kustomer only lets a step use the output of steps that ran on every path to it, so, as Kustomer's own
 * guide does, there is one KObject step per way the customer was obtained (found by external id, by
 * user id, by phone, by email, or created). A customer is created with only the identifiers the event
 * carries (its External ID or userId, phone, email), so there is one create step per combination the
 * lookup order can reach: 11. Step ids are stable: keep them.
 *
 * @example
 * export default regalTimelineWorkflow({
 *   name: 'regal-call-completed', displayName: 'Regal: call completed', description: '...',
 *   event: 'call.completed', klass: regalCall,
 *   title: (e) => `Call: ${e.properties.disposition}`,
 *   externalId: (e) => e.properties.call_id,
 *   custom: (e) => ({ callIdStr: e.properties.call_id, talkTimeNum: e.properties.talk_time }),
 * });
 */
export function regalTimelineWorkflow<
  const Name extends string,
  E extends RegalEventName,
  A extends Record<string, AttributeDefinition>,
  M extends CustomMapping<A>,
>(recipe: TimelineRecipe<Name, E, A, M>): WorkflowDefinition<Name, HookTransaction<RegalEventPayloads[E]>> {
  return defineWorkflow({
    name: recipe.name,
    displayName: recipe.displayName,
    description: recipe.description,
    trigger: onHook(regalEvents, {
      payload: payloadOf<RegalEventPayloads[E]>(regalEventSchemas[recipe.event]),
      displayName: 'Regal event received',
    }),
    steps({ trigger, event, step }) {
      // The context types `event` from the trigger's payload; inside this generic function that type is
      // still open, so name it: the event's own type for the mapping, the shared envelope for the rest.
      const payload = event as unknown as Ref<RegalEventPayloads[E]>;
      const envelope = event as unknown as Ref<RegalEvent>;
      const name = recipe.event;

      const isEvent = when.or(when.eq(envelope.event, name), when.eq(envelope.name, name));
      const has = {
        externalId: when.exists(envelope.externalId),
        userId: when.exists(envelope.userId),
        phone: when.exists(envelope.traits.phone),
        email: when.exists(envelope.traits.email),
      };
      const customerName = recipe.customerName ? { name: recipe.customerName(payload) } : {};

      const byExternalId = step('find-by-external-id', customer.findByExternalId({ externalId: envelope.externalId }), {
        displayName: 'Find customer by externalId',
      });
      const byUserId = step('find-by-user-id', customer.findByExternalId({ externalId: envelope.userId }), {
        displayName: 'Find customer by userId',
      });
      const byPhone = step('find-by-phone', customer.findByPhone({ phone: envelope.traits.phone }), {
        displayName: 'Find customer by phone',
      });
      const byEmail = step('find-by-email', customer.findByEmail({ email: envelope.traits.email }), {
        displayName: 'Find customer by email',
      });

      const fields = {
        title: recipe.title(payload),
        externalId: recipe.externalId(payload),
        ...(recipe.summary ? { description: recipe.summary(payload) } : {}),
        data: payload,
        custom: recipe.custom(payload),
        ...(recipe.tags ? { tags: recipe.tags(payload) } : {}),
      };
      const createKObject = (id: string, how: string, from: Node<KustomerCustomer>) =>
        // The cast only closes the Klass generic; `custom` was checked against the Klass in the recipe's signature.
        step(
          id,
          kobject.createWithCustomer(recipe.klass as KlassDefinition<string, any>, {
            customer: from.out.id,
            ...fields,
          }),
          {
            displayName: `Create ${recipe.klass.displayName ?? recipe.klass.name} (${how})`,
          },
        );

      // A re-sent event (Regal has no delivery dedup key) must not put a second card on the timeline:
      // when the event has a KObject externalId, look it up first and stop if it is already recorded.
      const key = fields.externalId;
      const hasKey = typeof key === 'string' ? when.always() : when.exists(key);
      const recorded = step(
        'find-recorded-event',
        kobject.findByExternalId(recipe.klass as KlassDefinition<string, any>, { externalId: key }),
        {
          displayName: 'Already on the timeline?',
        },
      );
      const hasContact = when.or(has.externalId, has.userId, has.phone, has.email);
      trigger.to(recorded, when.and(isEvent, hasKey, hasContact), `${name}: check for a re-sent event`);
      recorded
        .to(byExternalId, when.and(when.dne(recorded.out.id), has.externalId), 'new event with externalId')
        .to(byUserId, when.and(when.dne(recorded.out.id), has.userId), 'new event with userId')
        .to(byPhone, when.and(when.dne(recorded.out.id), has.phone), 'new event with phone only')
        .to(byEmail, when.and(when.dne(recorded.out.id), has.email), 'new event with email only');

      trigger
        .to(byExternalId, when.and(isEvent, has.externalId), `${name} with externalId`)
        .to(byUserId, when.and(isEvent, has.userId), `${name} with userId`)
        .to(byPhone, when.and(isEvent, has.phone), `${name} with phone only`)
        .to(byEmail, when.and(isEvent, has.email), `${name} with email only`);

      // A found customer gets the event's name when the event carries all of it (customerNameFields).
      const nameFields = recipe.customerName && recipe.customerNameFields ? recipe.customerNameFields(payload) : [];
      const nameGiven = nameFields.length > 0 ? when.and(...nameFields.map((f) => when.exists(f))) : undefined;
      const onFound = (finder: Node<KustomerCustomer>, how: string, suffix: string) => {
        const card = createKObject(`create-kobject-found-by-${suffix}`, `found by ${how}`, finder);
        if (nameGiven && recipe.customerName) {
          const rename = step(
            `update-customer-found-by-${suffix}`,
            customer.update({ id: finder.out.id, name: recipe.customerName(payload) }),
            {
              displayName: `Update the customer's name (found by ${how})`,
            },
          );
          finder.to(rename, when.and(when.exists(finder.out.id), nameGiven), 'found, event has the name');
          rename.to(card, when.always(), 'updated');
        }
        finder.to(card, when.exists(finder.out.id), 'found');
      };

      // Not found anywhere: create the customer with exactly the identifiers the event carries. A step's
      // params are a fixed template, so an entry for a missing phone or email would be sent without its
      // value (the local org refuses `emails: [{}]`; Kustomer very likely does too, and its guide and Regal's
      // create a customer with only what they know); each combination that can be reached is its own
      // create step, with its own KObject step. Which ones can be reached follows from the lookup order: the id finders
      // hand over to phone, then email, so a create after them means the event has neither; a create after
      // find-by-phone means it has the phone and no email; after find-by-email, the email and maybe the phone.
      const creates = new Map<string, Node<KustomerCustomer>>();
      const create = (id: IdKind, carried: Contact) => {
        const key = `${id}:${carried}`;
        const existing = creates.get(key);
        if (existing) return existing;
        const { suffix, how, idRef } = ID_KINDS[id];
        const stepId = `create-customer${suffix}${CONTACTS[carried].suffix}`;
        const what = [how, ...CONTACTS[carried].parts].filter(Boolean).join(', ');
        const made = step(
          stepId,
          customer.create({
            ...(idRef ? { externalId: envelope[idRef] } : {}),
            ...customerName,
            ...(carried === 'phone' || carried === 'both' ? { phone: envelope.traits.phone } : {}),
            ...(carried === 'email' || carried === 'both' ? { email: envelope.traits.email } : {}),
          }),
          { displayName: `Create customer (${what})` },
        );
        made.to(
          createKObject(stepId.replace('create-customer', 'create-kobject-created'), `created with ${what}`, made),
          when.always(),
          'created',
        );
        creates.set(key, made);
        return made;
      };
      const idKinds: [IdKind, Condition | undefined][] = [
        ['external-id', has.externalId],
        ['user-id', has.userId],
        ['none', undefined],
      ];
      /** To the create step for the first id kind the event carries, with the given contact details. */
      const toCreate = (from: Node<KustomerCustomer>, carried: Contact, extra?: Condition) => {
        for (const [id, hasId] of idKinds) {
          if (id === 'none' && carried === 'none') continue; // an event with no identifier never gets this far
          const condition = hasId && extra ? when.and(hasId, extra) : (hasId ?? extra ?? when.always());
          from.to(
            create(id, carried),
            condition,
            `not found: create with ${[ID_KINDS[id].how, ...CONTACTS[carried].parts].filter(Boolean).join(', ')}`,
          );
        }
      };

      onFound(byExternalId, 'externalId', 'external-id');
      onFound(byUserId, 'userId', 'user-id');
      for (const finder of [byExternalId, byUserId]) {
        finder.to(byPhone, has.phone, 'not found: try phone').to(byEmail, has.email, 'not found: try email');
        finder.to(
          create(finder === byExternalId ? 'external-id' : 'user-id', 'none'),
          when.always(),
          'not found: create with the id only',
        );
      }
      onFound(byPhone, 'phone', 'phone');
      byPhone.to(byEmail, has.email, 'not found: try email');
      toCreate(byPhone, 'phone');
      onFound(byEmail, 'email', 'email');
      toCreate(byEmail, 'both', has.phone);
      toCreate(byEmail, 'email');
    },
  });
}

type IdKind = 'external-id' | 'user-id' | 'none';
/** The contact details a created customer carries: the event's phone, email, both, or neither. */
type Contact = 'both' | 'phone' | 'email' | 'none';

/** Step id suffixes: a create with phone and email keeps the id it had before the other combinations existed. */
const ID_KINDS: Record<IdKind, { suffix: string; how: string; idRef?: 'externalId' | 'userId' }> = {
  'external-id': { suffix: '-with-external-id', how: 'externalId', idRef: 'externalId' },
  'user-id': { suffix: '-with-user-id', how: 'userId', idRef: 'userId' },
  none: { suffix: '', how: '' },
};
const CONTACTS: Record<Contact, { suffix: string; parts: string[] }> = {
  both: { suffix: '', parts: ['phone', 'email'] },
  phone: { suffix: '-no-email', parts: ['phone'] },
  email: { suffix: '-no-phone', parts: ['email'] },
  none: { suffix: '-no-contact', parts: [] },
};
