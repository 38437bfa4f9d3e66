// Type tests for defineWorkflowTest: the event is typed by the workflow's (or hook's) payload.
// Each @ts-expect-error must be a real error, or tsc fails with "Unused '@ts-expect-error' directive".
import { defineWorkflowTest } from '../../compiler/index.js';
import regalCall from '../../klasses/regal-call.js';
import callCompleted from '../../workflows/regal/call-completed.js';
import regalEvents from '../../workflows/regal/hook.js';

defineWorkflowTest({
  name: 'ok',
  workflow: callCompleted,
  event: { event: 'call.completed', properties: { call_id: 'WT1' } },
  expect: { nothing: true },
});
// prettier-ignore
// @ts-expect-error: another event's name for this workflow
defineWorkflowTest({ name: 'wrong event', workflow: callCompleted, event: { event: 'sms.sent', properties: {} }, expect: {} });
// prettier-ignore
// @ts-expect-error: a typo in a payload field
defineWorkflowTest({ name: 'typo', workflow: callCompleted, event: { event: 'call.completed', properties: { cal_id: 'WT1' } }, expect: {} });
// prettier-ignore
// @ts-expect-error: a number where the payload has a string
defineWorkflowTest({ name: 'kind', workflow: callCompleted, event: { event: 'call.completed', properties: { call_id: 1 } }, expect: {} });
// A hook test takes any event the hook is typed with.
defineWorkflowTest({
  name: 'hook',
  hook: regalEvents,
  event: { event: 'sms.sent', properties: { to_number: '+1' } },
  expect: {},
});
// prettier-ignore
// @ts-expect-error: an event name the hook's payload does not have
defineWorkflowTest({ name: 'hook typo', hook: regalEvents, event: { event: 'sms.sentt', properties: {} }, expect: {} });
// prettier-ignore
// @ts-expect-error: an outcome field that does not exist
defineWorkflowTest({ name: 'expect typo', workflow: callCompleted, event: { properties: {} }, expect: { kobjects: { created: [{ klass: regalCall, titel: 'x' }] } } });
