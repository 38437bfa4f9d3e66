// defineAttributes → one kustomer.standard-attributes resource per object: the PUT /v1/metadata/<object> body.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { compileStandardAttributes } from '../../../compiler/compile/standard-attributes.js';
import { createCompileContext } from '../../../compiler/compile/context.js';
import { renderDist } from '../../../compiler/compile/dist.js';
import { attribute, defineKlass } from '../../../compiler/model/klass.js';
import type { Model } from '../../../compiler/model/project.js';
import { defineAttributes } from '../../../compiler/model/standard-attributes.js';
import { buildProject } from '../../../compiler/build.js';
import { fixtureRoot } from '../helpers.js';

const compile = suite('compileStandardAttributes');

compile('the fixture project compiles each object to the metadata PUT body of its attributes', async () => {
  const build = await buildProject(fixtureRoot('standard-attributes'));
  assert.equal(build.diagnostics, []);
  const standard = build.resources.filter((r) => r.kind === 'kustomer.standard-attributes');
  assert.equal(
    standard.map((r) => [r.key, r.body, r.source]),
    [
      [
        'conversation',
        {
          properties: {
            acmeTopicStr: { type: 'string', displayName: 'Acme Topic' },
            acmeOrderCountNum: { type: 'number', displayName: 'Orders' },
          },
        },
        { file: 'klasses/standard/conversation.ts', line: 3, column: 16 },
      ],
      [
        'customer',
        {
          properties: {
            acmeTierStr: { type: 'string', displayName: 'Acme Tier', enumeration: ['gold', 'silver'] },
            acmeLastOrderAt: { type: 'date', displayName: 'Last order' },
            acmeVipBool: { type: 'boolean', displayName: 'Acme Vip', description: 'Set by the order sync' },
          },
        },
        { file: 'klasses/standard/customer.ts', line: 3, column: 16 },
      ],
    ],
  );
  // Attributes go after Klasses and before the workflows that write them.
  assert.equal(
    build.resources.map((r) => r.kind),
    ['kustomer.hook', 'kustomer.standard-attributes', 'kustomer.standard-attributes', 'kustomer.workflow'],
  );
  assert.equal(
    renderDist(standard).map((f) => f.path),
    ['kustomer/standard-attributes/conversation.json', 'kustomer/standard-attributes/customer.json', 'manifest.json'],
  );
});

compile('a reference to a Klass of the project depends on that Klass', () => {
  const order = defineKlass({ name: 'acme-order', attributes: {} });
  const model: Model = {
    root: '/p',
    namespace: 'acme',
    klasses: [{ definition: order, file: 'klasses/order.ts' }],
    hooks: [],
    workflows: [],
    outboundWebhooks: [],
    iterableWebhooks: [],
    standardAttributes: [
      {
        definition: defineAttributes('customer', {
          acmeLastOrder: attribute.reference('kobject.acme-order'),
          acmeOwner: attribute.reference('user', { multi: true }),
        }),
        file: 'klasses/standard/customer.ts',
      },
    ],
  };
  const [resource] = compileStandardAttributes(model, createCompileContext(model));
  assert.equal(resource!.dependsOn, [{ kind: 'kustomer.klass', key: 'acme-order' }]);
  assert.equal(resource!.body, {
    properties: {
      acmeLastOrderId: { type: 'id', displayName: 'Acme Last Order', target: 'kobject.acme-order' },
      acmeOwnerId: { type: 'id', displayName: 'Acme Owner', target: 'user', multi: true },
    },
  });
});

compile.run();
