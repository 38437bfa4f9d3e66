// Regal `call.completed` → a Regal Call card on the customer's timeline. The call id identifies the
// call, so it is the KObject's externalId: a re-sent event carries the same one.
import regalCall from '../../klasses/regal-call.js';
import { regalTaskMapping } from './task-mapping.js';
import { regalTimelineWorkflow } from './timeline-recipe.js';

export default regalTimelineWorkflow({
  name: 'regal-call-completed',
  displayName: 'Regal: call completed',
  description: 'Puts each completed Regal call (answered or not) on the customer timeline as a Regal Call',
  event: 'call.completed',
  klass: regalCall,
  title: (e) => `${e.properties.type} (${e.properties.direction}): ${e.properties.disposition}`,
  externalId: (e) => e.properties.call_id,
  summary: (e) => e.properties.notes,
  tags: (e) => e.properties.tags,
  custom: (e) => ({
    callIdStr: e.properties.call_id,
    typeStr: e.properties.type,
    ...regalTaskMapping(e.properties),
  }),
});
