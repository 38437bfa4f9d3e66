// Type tests: compiled by `tsc --noEmit` in `npm test`. Each @ts-expect-error must be a real error,
// or tsc fails with "Unused '@ts-expect-error' directive".
import {
  attribute,
  customer,
  defineHook,
  defineKlass,
  defineWorkflow,
  kobject,
  onHook,
  payloadOf,
  secret,
  when,
} from '../../compiler/index.js';

interface CallEvent {
  event?: 'call.completed';
  externalId?: string;
  properties: { call_id: string; talk_time: number | null; notes?: string | null; tags?: string[] };
}

const hook = defineHook({ name: 'regal-events', payload: payloadOf<CallEvent>() });
const klass = defineKlass({
  name: 'regal-call',
  attributes: {
    callId: attribute.string(),
    talkTime: attribute.number(),
    outcome: attribute.dropdown(['won', 'lost']),
  },
});

export default defineWorkflow({
  name: 'regal-call',
  trigger: onHook(hook),
  steps({ trigger, event, step }) {
    const find = step('find', customer.findByExternalId({ externalId: event.externalId }));
    // @ts-expect-error: a typo in a payload path
    event.properties.cal_id;
    // @ts-expect-error: a typo in a step output path
    find.out.idd;
    const create = step(
      'create',
      kobject.createWithCustomer(klass, {
        customer: find.out.id,
        title: `Call ${event.properties.call_id}`,
        custom: {
          callIdStr: event.properties.call_id,
          talkTimeNum: event.properties.talk_time,
          outcomeStr: 'won',
        },
      }),
    );
    step(
      'bad-name',
      kobject.createWithCustomer(klass, {
        customer: find.out.id,
        title: 'x',
        // @ts-expect-error: an attribute the Klass does not have
        custom: { callDurationNum: 3 },
      }),
    );
    step(
      'bad-kind',
      kobject.createWithCustomer(klass, {
        customer: find.out.id,
        title: 'x',
        // @ts-expect-error: a string mapped into a number attribute
        custom: { talkTimeNum: event.properties.call_id },
      }),
    );
    step(
      'bad-option',
      kobject.createWithCustomer(klass, {
        customer: find.out.id,
        title: 'x',
        // @ts-expect-error: not one of the dropdown's options
        custom: { outcomeStr: 'maybe' },
      }),
    );
    // @ts-expect-error: wrong literal for the event name
    trigger.to(find, when.eq(event.event, 'call.complete'));
    trigger.to(find, when.eq(event.event, 'call.completed'));
    find.to(create, when.exists(find.out.id), 'found');
    void secret('X');
  },
});
