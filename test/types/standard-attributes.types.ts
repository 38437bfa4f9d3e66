// Type tests for standard-object attributes, compiled by `tsc --noEmit` in `npm test`: each expected
// error must be real, or tsc fails with "Unused '@ts-expect-error' directive".
import {
  action,
  attribute,
  customer,
  customOf,
  defineAttributes,
  defineHook,
  defineWorkflow,
  onHook,
  payloadOf,
} from '../../compiler/index.js';

const regalCustomer = defineAttributes('customer', {
  regalLastCall: attribute.date(),
  regalCalls: attribute.number(),
  regalStage: attribute.dropdown(['lead', 'customer']),
});
const regalConversation = defineAttributes('conversation', { regalTopic: attribute.string() });

// @ts-expect-error: not a standard object ("customers")
defineAttributes('customers', { regalX: attribute.string() });
// @ts-expect-error: a Klass name is not a standard object either
defineAttributes('kobject.regal-call', { regalX: attribute.string() });

interface Call {
  at: string;
  talk_time: number;
}
const hook = defineHook({ name: 'regal-calls', payload: payloadOf<Call>() });

export default defineWorkflow({
  name: 'regal-stamp',
  trigger: onHook(hook),
  steps({ event, step }) {
    const found = step('find', customer.findByExternalId({ externalId: 'x' }));
    step(
      'ok',
      customer.update({
        id: found.out.id,
        custom: customOf(regalCustomer, {
          regalLastCallAt: event.at,
          regalCallsNum: event.talk_time,
          regalStageStr: 'lead',
        }),
      }),
    );
    // @ts-expect-error: a misspelled attribute (the suffix is part of the name)
    customOf(regalCustomer, { regalLastCall: event.at });
    // @ts-expect-error: an attribute of another object
    customOf(regalCustomer, { regalTopicStr: 'x' });
    // @ts-expect-error: a string mapped into a number attribute
    customOf(regalCustomer, { regalCallsNum: event.at });
    // @ts-expect-error: not one of the dropdown's options
    customOf(regalCustomer, { regalStageStr: 'prospect' });
    step(
      'conv',
      action('kustomer.conversation.update', {
        id: 'x',
        custom: customOf(regalConversation, { regalTopicStr: 'billing' }),
      }),
    );
  },
});
