// Every sample Regal event validates against its JSON Schema (ajv, draft-07), both envelopes; the
// schemas reject what they should and agree on the shared envelope.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const root = resolve(dirname(new URL(import.meta.url).pathname), '../../..');
const schemaDir = join(root, 'workflows/regal/payloads');
const sampleDir = join(root, 'test/fixtures/regal');

const EVENTS = {
  'sms.sent': 'sms-sent',
  'sms.received': 'sms-received',
  'sms.conversation.completed': 'sms-conversation-completed',
  'call.completed': 'call-completed',
  'contact.created': 'contact-created',
} as const;
type EventName = keyof typeof EVENTS;

const readJson = (path: string): any => JSON.parse(readFileSync(path, 'utf8'));
const schemaOf = (event: EventName) => readJson(join(schemaDir, `${EVENTS[event]}.schema.json`));
// Strict, except for two patterns the schemas use on purpose: `anyOf` branches that only list
// `required` fields ("event or name"), and union types (`["string", "integer", "null"]`) where the docs are loose.
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
const validators = new Map<EventName, ValidateFunction>(
  Object.keys(EVENTS).map((e) => [e as EventName, ajv.compile(schemaOf(e as EventName))]),
);

function problems(event: EventName, payload: unknown): string[] {
  const validate = validators.get(event)!;
  return validate(payload) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}

const sampleFiles = readdirSync(sampleDir)
  .filter((f) => f.endsWith('.json'))
  .sort();

test('there is a sample for every event, and a Reporting-shape call.completed', () => {
  for (const event of Object.keys(EVENTS)) assert.ok(sampleFiles.includes(`${event}.json`), `missing ${event}.json`);
  assert.ok(sampleFiles.includes('call.completed.reporting.json'));
});

for (const file of sampleFiles) {
  test(`${file} is valid against its schema`, () => {
    const sample = readJson(join(sampleDir, file));
    const event = (sample.event ?? sample.name) as EventName;
    assert.ok(event in EVENTS, `${file}: unknown event ${event}`);
    assert.equal(problems(event, sample), []);
  });
}

const call = () => readJson(join(sampleDir, 'call.completed.json'));

const invalid: [string, (p: any) => unknown, string[]][] = [
  ['a misspelt event name', (p) => ({ ...p, event: 'call.complete' }), ['/event must be equal to constant']],
  [
    'neither event nor name',
    ({ event: _e, ...p }) => p,
    ["/ must have required property 'event'", "/ must have required property 'name'", '/ must match a schema in anyOf'],
  ],
  ['no properties', ({ properties: _p, ...p }) => p, ["/ must have required property 'properties'"]],
  [
    'a duration as a string',
    (p) => ({ ...p, properties: { ...p.properties, talk_time: '15' } }),
    ['/properties/talk_time must be number,null'],
  ],
  [
    'a direction Regal does not send',
    (p) => ({ ...p, properties: { ...p.properties, direction: 'SIDEWAYS' } }),
    ['/properties/direction must be equal to one of the allowed values'],
  ],
];
for (const [what, change, expected] of invalid) {
  test(`call.completed schema rejects ${what}`, () => {
    assert.equal(problems('call.completed', change(call())), expected);
  });
}

test('loose where the docs are loose: unknown fields, string or integer ids, null agent and campaign fields', () => {
  const p = call();
  assert.equal(
    problems('call.completed', {
      ...p,
      brandNewField: 1,
      properties: { ...p.properties, recording_link: 'https://x', campaign_friendly_id: 63 },
    }),
    [],
  );
  const sent = readJson(join(sampleDir, 'sms.sent.json'));
  assert.equal(
    problems('sms.sent', {
      ...sent,
      properties: { ...sent.properties, agent_fullname: null, agent_id: null, campaign_friendly_id: '15' },
    }),
    [],
  );
  const conversation = readJson(join(sampleDir, 'sms.conversation.completed.json'));
  const arrays = [
    [1636644589, 'Contact', 'received', 'Hi'],
    [1636644600, 'Agent', 'sent', 'Hello'],
  ];
  assert.equal(
    problems('sms.conversation.completed', {
      ...conversation,
      properties: { ...conversation.properties, content: arrays },
    }),
    [],
  );
});

test('the five schemas share one envelope (only the event literal differs)', () => {
  const envelopeOf = (event: EventName) => {
    const { title: _t, description: _d, properties, ...rest } = schemaOf(event);
    const { properties: _p, event: e, name: n, ...fields } = properties;
    assert.equal([e.const, n.const], [event, event]);
    return { rest, fields };
  };
  const [first, ...others] = Object.keys(EVENTS) as EventName[];
  for (const event of others) assert.equal(envelopeOf(event), envelopeOf(first!), event);
});

test.run();
