// The five most common authoring mistakes, and the message each one reads as. Each
// `@ts-expect-error: <message>` must be a real error (tsc --noEmit in `npm test`), and
// test/compiler/typecheck/messages.test.ts checks that the error on the next line reads exactly
// <message>: references are named (`ObjectRef<…>`, `StringRef<…>`, `NumberRef<…>`), no conditional
// type is spelled out.
import {
  attribute,
  customer,
  defineHook,
  defineKlass,
  defineWorkflow,
  kobject,
  onHook,
  payloadOf,
} from '../../compiler/index.js';

interface CallProperties {
  call_id: string;
  talk_time: number | null;
  started_at: number;
}
interface CallEvent {
  event?: 'call.completed';
  email?: string;
  properties: CallProperties;
}

const hook = defineHook({ name: 'regal-events', payload: payloadOf<CallEvent>() });
const klass = defineKlass({
  name: 'regal-call',
  attributes: { callId: attribute.string(), talkTime: attribute.number(), started: attribute.date() },
});

export default defineWorkflow({
  name: 'regal-call',
  trigger: onHook(hook),
  steps({ event, step }) {
    const find = step('find', customer.findByEmail({ email: event.email }));
    // @ts-expect-error: Property 'cal_id' does not exist on type 'ObjectRef<CallProperties>'. Did you mean 'call_id'?
    void event.properties.cal_id;
    // @ts-expect-error: Property 'idd' does not exist on type 'ObjectRef<KustomerCustomer>'.
    void find.out.idd;
    step(
      'string-into-number',
      kobject.createWithCustomer(klass, {
        customer: find.out.id,
        title: 'x',
        // @ts-expect-error: Type 'StringRef<string>' is not assignable to type 'Value<number> | null | undefined'.
        custom: { talkTimeNum: event.properties.call_id },
      }),
    );
    step(
      'number-into-date',
      kobject.createWithCustomer(klass, {
        customer: find.out.id,
        title: 'x',
        // @ts-expect-error: Type 'NumberRef<number>' is not assignable to type 'Value<string> | null | undefined'.
        custom: { startedAt: event.properties.started_at },
      }),
    );
    step(
      'unknown-attribute',
      kobject.createWithCustomer(klass, {
        customer: find.out.id,
        title: 'x',
        // @ts-expect-error: Object literal may only specify known properties, and 'callDurationNum' does not exist in type 'CustomMapping<{ readonly callId: AttributeDefinition<"string", string>; readonly talkTime: AttributeDefinition<"number", number>; readonly started: AttributeDefinition<"date", string>; }>'.
        custom: { callDurationNum: event.properties.talk_time },
      }),
    );
  },
});
