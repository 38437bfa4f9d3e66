// lookupSchemaPath: a reference's path in a payload's JSON Schema, read as the generated types read it.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { lookupSchemaPath } from '../../../compiler/validate/payload-schema.js';

const schema = {
  type: 'object',
  anyOf: [{ required: ['event'] }, { required: ['name'] }],
  additionalProperties: true,
  properties: {
    event: { const: 'call.completed' },
    properties: {
      type: 'object',
      additionalProperties: true,
      properties: {
        call_id: { type: 'string' },
        talk_time: { type: ['number', 'null'] },
        tags: { type: 'array', items: { type: 'string' } },
      },
    },
    bag: { type: 'object', additionalProperties: true },
    traits: { $ref: '#/definitions/traits' },
    either: {
      anyOf: [
        { type: 'object', properties: { a: { type: 'string' } } },
        { type: 'object', properties: { b: { type: 'integer' } } },
      ],
    },
  },
  definitions: { traits: { type: 'object', properties: { phone: { type: 'string' } } } },
};

test('lookupSchemaPath: found fields and their JSON types', () => {
  assert.equal(lookupSchemaPath(schema, ['properties', 'call_id']), { kind: 'found', types: ['string'] });
  assert.equal(lookupSchemaPath(schema, ['properties', 'talk_time']), { kind: 'found', types: ['null', 'number'] });
  assert.equal(lookupSchemaPath(schema, ['event']), { kind: 'found', types: ['string'] });
  assert.equal(lookupSchemaPath(schema, ['properties', 'tags', '0']), { kind: 'found', types: ['string'] });
  assert.equal(lookupSchemaPath(schema, ['traits', 'phone']), { kind: 'found', types: ['string'] });
  assert.equal(lookupSchemaPath(schema, ['either', 'b']), { kind: 'found', types: ['integer'] });
  assert.equal(lookupSchemaPath(schema, []), { kind: 'found', types: ['object'] });
});

test('lookupSchemaPath: a field a documented object does not list is unknown, with the fields there', () => {
  assert.equal(lookupSchemaPath(schema, ['properties', 'cal_id']), {
    kind: 'unknown',
    index: 1,
    known: ['call_id', 'tags', 'talk_time'],
  });
  assert.equal(lookupSchemaPath(schema, ['emial']), {
    kind: 'unknown',
    index: 0,
    known: ['bag', 'either', 'event', 'properties', 'traits'],
  });
  assert.equal(lookupSchemaPath(schema, ['properties', 'call_id', 'length']), { kind: 'unknown', index: 2, known: [] });
  assert.equal(lookupSchemaPath(schema, ['either', 'c']), { kind: 'unknown', index: 1, known: ['a', 'b'] });
});

test('lookupSchemaPath: under an object of unknown shape, or a schema that says nothing, any path is open', () => {
  assert.equal(lookupSchemaPath(schema, ['bag', 'anything', 'deep']), { kind: 'open' });
  assert.equal(lookupSchemaPath(true, ['x']), { kind: 'open' });
  assert.equal(lookupSchemaPath({ $ref: 'other.json#/x' }, ['x']), { kind: 'open' });
});

test.run();
