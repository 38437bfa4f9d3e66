// The ownership rule for standard-object attributes, and what defineAttributes holds.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { attribute } from '../../../compiler/model/klass.js';
import {
  attributePrefix,
  customOf,
  defineAttributes,
  ownsAttribute,
} from '../../../compiler/model/standard-attributes.js';

const prefix = suite('attributePrefix');
for (const [namespace, expected] of [
  ['regal', 'regal'],
  ['acme_corp', 'acmeCorp'],
  ['Acme', 'acme'],
  ['e2e', 'e2e'],
] as const) {
  prefix(`${namespace} → ${expected}`, () => assert.is(attributePrefix(namespace), expected));
}
prefix.run();

const owns = suite('ownsAttribute');
for (const [name, namespace, expected] of [
  ['regalLastCallAt', 'regal', true],
  ['regal2faBool', 'regal', true],
  ['regalStr', 'regal', true],
  ['regaliaStr', 'regal', false],
  ['lastCallAt', 'regal', false],
  ['RegalLastCallAt', 'regal', false],
  ['acmeCorpTierStr', 'acme_corp', true],
  ['acmeTierStr', 'acme_corp', false],
  ['@effotim2TimerBool', 'effotim2', false],
] as const) {
  owns(`${name} in ${namespace}: ${expected}`, () => assert.is(ownsAttribute(name, namespace), expected));
}
owns.run();

const define = suite('defineAttributes');
define('holds the object, the attributes as built, and where it was called', () => {
  const attrs = { regalLastCall: attribute.date({ displayName: 'Last call' }) };
  const def = defineAttributes('customer', attrs);
  assert.is(def.kind, 'standard-attributes');
  assert.is(def.object, 'customer');
  assert.is(def.attributes, attrs);
  assert.ok(def.site);
});
define('customOf returns the mapping unchanged', () => {
  const def = defineAttributes('conversation', { regalTopic: attribute.string() });
  const mapping = { regalTopicStr: 'billing' };
  assert.is(customOf(def, mapping), mapping);
});
define.run();
