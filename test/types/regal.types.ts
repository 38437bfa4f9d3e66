// Type tests for the Regal content: the generated payload types and the timeline recipe reject typos.
// Each @ts-expect-error must be a real error, or tsc fails with "Unused '@ts-expect-error' directive".
import { customer, defineWorkflow, kobject, onHook, payloadOf, when } from '../../compiler/index.js';
import regalCall from '../../klasses/regal-call.js';
import regalEvents from '../../workflows/regal/hook.js';
import type { RegalCallCompleted, RegalEvent, RegalSmsSent } from '../../workflows/regal/payloads/index.js';
import { regalTimelineWorkflow } from '../../workflows/regal/timeline-recipe.js';

defineWorkflow({
  name: 'regal-types-call',
  trigger: onHook(regalEvents, { payload: payloadOf<RegalCallCompleted>() }),
  steps({ trigger, event, step }) {
    const find = step('find', customer.findByExternalId({ externalId: event.externalId }));
    trigger.to(find, when.eq(event.event, 'call.completed'));
    trigger.to(find, when.eq(event.name, 'call.completed'));
    // @ts-expect-error: wrong event literal ('call.complete' is not 'call.completed')
    trigger.to(find, when.eq(event.event, 'call.complete'));
    // @ts-expect-error: an event of another kind
    trigger.to(find, when.eq(event.name, 'sms.sent'));
    // @ts-expect-error: a typo in a Regal payload path
    void event.properties.cal_id;
    // @ts-expect-error: an undocumented field is not typed even though the schema accepts it
    void event.properties.recording_link;
    step(
      'kobject',
      kobject.createWithCustomer(regalCall, {
        customer: find.out.id,
        title: `${event.properties.disposition}`,
        // @ts-expect-error: a string mapped into a number attribute (talkTime is a number)
        custom: { talkTimeNum: event.properties.call_id },
      }),
    );
    step(
      'kobject-2',
      kobject.createWithCustomer(regalCall, {
        customer: find.out.id,
        title: 'x',
        // @ts-expect-error: campaign_friendly_id is string | number: map it through a template
        custom: { campaignFriendlyIdStr: event.properties.campaign_friendly_id },
      }),
    );
  },
});

// The hook's union payload: only the envelope every event shares is reachable without narrowing.
defineWorkflow({
  name: 'regal-types-any',
  trigger: onHook(regalEvents),
  steps({ trigger, event, step }) {
    const find = step('find', customer.findByPhone({ phone: event.traits.phone }));
    trigger.to(find, when.eq(event.event, 'sms.received'));
    // @ts-expect-error: not a Regal event name
    trigger.to(find, when.eq(event.event, 'sms.recieved'));
    // @ts-expect-error: call_id is not on every Regal event
    void event.properties.call_id;
  },
});

regalTimelineWorkflow({
  name: 'regal-types-recipe',
  displayName: 'x',
  description: 'x',
  // @ts-expect-error: a wrong event literal in the recipe
  event: 'call.complete',
  klass: regalCall,
  title: () => 'x',
  externalId: () => 'x',
  custom: () => ({}),
});

regalTimelineWorkflow({
  name: 'regal-types-recipe-2',
  displayName: 'x',
  description: 'x',
  event: 'call.completed',
  klass: regalCall,
  title: (e) => `${e.properties.type}`,
  // @ts-expect-error: a typo in a payload path inside the recipe's mapping
  externalId: (e) => e.properties.callId,
  custom: (e) => ({
    callIdStr: e.properties.call_id,
    // @ts-expect-error: an attribute regal-call does not have (its API name is talkTimeNum)
    callDurationNum: e.properties.talk_time,
  }),
});

regalTimelineWorkflow({
  name: 'regal-types-recipe-3',
  displayName: 'x',
  description: 'x',
  event: 'call.completed',
  klass: regalCall,
  title: () => 'x',
  externalId: (e) => e.properties.call_id,
  custom: (e) => ({
    // @ts-expect-error: a wrong value kind (a string into the number attribute talkTimeNum)
    talkTimeNum: e.properties.disposition,
    // @ts-expect-error: not one of the dropdown's options
    directionStr: 'SIDEWAYS',
  }),
});

// The generated types themselves: the literal and the nullability the docs show.
const sent: RegalSmsSent = {
  event: 'sms.sent',
  properties: { media_url: null, sms_conversation_id: null, campaign_friendly_id: 15 },
};
// @ts-expect-error: the literal is per event
const wrong: RegalSmsSent = { event: 'sms.received', properties: {} };
const any: RegalEvent = sent;
void wrong;
void any;
