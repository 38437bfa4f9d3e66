// The round trip is the contract of `kac import`: import, compile, plan against the same org → nothing
// to do, byte for byte on the normalised JSON.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { z } from 'zod';
import { canonicalJson, type JsonObject } from '../../../compiler/json.js';
import { authoringSpecifierFor, generateSources } from '../../../sync/import/generate.js';
import { FIXTURES, REPO_ROOT, applyProject, buildOk, emptyOrg, expectGolden, pending, plan } from './helpers.js';

import { kustomerRealExports } from '../../fixtures/kustomer-real.js';

const realExports = suite('round trip: real Kustomer workflow exports');

realExports(
  'every exported workflow, posted to the org, imports to code that compiles back to its live body',
  async () => {
    const t = await emptyOrg();
    try {
      const names: string[] = [];
      for (const { body } of kustomerRealExports()) {
        if (!Array.isArray(body.steps)) continue;
        await t.client.post('/v1/workflows', body, z.unknown());
        names.push(String(body.name));
      }
      assert.ok(names.includes('poll-payment-invoice'));
      const live = await t.live();
      const workflows = live.filter((r) => r.kind === 'kustomer.workflow');
      assert.equal(workflows.map((w) => w.key).sort(), names.sort());

      const dir = join(FIXTURES, 'kustomer-real');
      const files = generateSources(workflows, {
        namespace: 'poll',
        context: live,
        authoringSpecifier: authoringSpecifierFor(dir, REPO_ROOT),
      });
      assert.equal(
        files.map((f) => f.notes),
        files.map(() => []),
        'nothing the authoring API cannot express',
      );
      assert.equal(await expectGolden(dir, files), []);

      const build = await buildOk(dir);
      for (const w of workflows) {
        const compiled = build.resources.find((r) => r.kind === w.kind && r.key === w.key);
        assert.ok(compiled, w.key);
        assert.is(canonicalJson(compiled.body), canonicalJson(w.body), `${w.key}: compiled body = live body`);
      }
      assert.equal(pending(plan(build, live, t.provider)), []);
    } finally {
      await t.close();
    }
  },
);

realExports('the form-hook trigger names an unmanaged hook id, so it stays a raw onEvent', async () => {
  const text = await readFile(join(FIXTURES, 'kustomer-real/workflows/poll-payment-invoice.ts'), 'utf8');
  assert.match(text, "trigger: onEvent(\n    'kustomer.hooks.form.63d19dea07506a356d06d3e6.receive',");
  // Step ids are identity in Kustomer: kept exactly, with handles from the display names.
  assert.match(text, "const pullCorresponsalPin = step(\n      'aN0X9A2Hc',");
  assert.match(text, "step(\n      '8-gu8QS1s',");
  // The REST body's type is any, so its fields are typed references; `gt` against "200" is not when.gt.
  assert.match(text, 'when.dne(pullCorresponsalPin.out.body.code)');
  assert.match(text, "when.raw('gt', [pullCorresponsalPin.out.response.statusCode, '200'])");
});

realExports.run();

const project = suite('round trip: a project applied to an empty org and imported into an empty folder');

const SECRETS = { ACME_SYNC_TOKEN: 'sync-token-1234', ACME_HOOK_TOKEN: 'hook-token-5678' };

project('import writes files whose compile equals the live org and the original project', async () => {
  const t = await emptyOrg();
  try {
    await applyProject(join(FIXTURES, 'project'), t, SECRETS);
    const live = await t.live();
    const dir = join(FIXTURES, 'project-reimported');
    const files = generateSources(live, {
      namespace: 'acme',
      authoringSpecifier: authoringSpecifierFor(dir, REPO_ROOT),
    });
    assert.equal(
      files.map((f) => f.path),
      [
        'klasses/acme-order.ts',
        'workflows/acme-order-placed.ts',
        'workflows/hooks/acme-events.ts',
        'workflows/outbound/acme-conversation-sync.ts',
      ],
    );
    assert.equal(
      files.flatMap((f) => f.notes),
      [],
    );
    // Outbound webhook header values are never written: each is a secret the user sets.
    assert.equal(files.find((f) => f.path.includes('outbound'))!.envVars, [
      'KAC_ACME_CONVERSATION_SYNC_AUTHORIZATION',
      'KAC_ACME_CONVERSATION_SYNC_X_SOURCE',
    ]);
    assert.equal(files.find((f) => f.path === 'workflows/acme-order-placed.ts')!.envVars, [
      'KAC_ACME_ORDER_PLACED_NOTIFY_AUTHORIZATION',
    ]);
    for (const f of files) {
      assert.not.ok(f.content.includes(SECRETS.ACME_SYNC_TOKEN), `${f.path} holds no secret value`);
      assert.not.ok(f.content.includes(SECRETS.ACME_HOOK_TOKEN), `${f.path} holds no secret value`);
    }
    assert.equal(await expectGolden(dir, files), []);

    const reimported = await buildOk(dir);
    const original = await buildOk(join(FIXTURES, 'project'));
    const bodies = (b: typeof original) => b.resources.map((r) => `${r.kind}:${r.key} ${canonicalJson(r.body)}`).sort();
    const renamedSecrets = (s: string) =>
      s
        .replace('<secret:ACME_SYNC_TOKEN>', '<secret:KAC_ACME_CONVERSATION_SYNC_AUTHORIZATION>')
        .replace('"kustomer"', '"<secret:KAC_ACME_CONVERSATION_SYNC_X_SOURCE>"')
        .replace('<secret:ACME_HOOK_TOKEN>', '<secret:KAC_ACME_ORDER_PLACED_NOTIFY_AUTHORIZATION>');
    assert.equal(bodies(reimported), bodies(original).map(renamedSecrets));

    const liveSecrets = {
      KAC_ACME_CONVERSATION_SYNC_AUTHORIZATION: SECRETS.ACME_SYNC_TOKEN,
      KAC_ACME_CONVERSATION_SYNC_X_SOURCE: 'kustomer',
      KAC_ACME_ORDER_PLACED_NOTIFY_AUTHORIZATION: SECRETS.ACME_HOOK_TOKEN,
    };
    assert.equal(pending(plan(reimported, live, t.provider, liveSecrets)), []);
  } finally {
    await t.close();
  }
});

project(
  'typed builders where exact; a step whose params no builder takes survives verbatim through action()',
  async () => {
    const text = await readFile(join(FIXTURES, 'project-reimported/workflows/acme-order-placed.ts'), 'utf8');
    assert.match(text, "trigger: onHook(acmeEvents, { displayName: 'Order event' })");
    assert.match(text, "import acmeOrder from '../klasses/acme-order.js';");
    assert.match(text, 'kobject.createWithCustomer(acmeOrder, {');
    assert.match(text, "customer.findByExternalId({ externalId: '/#steps.1.attributes.data.customerId' })");
    // A note on a customer (not a conversation) is not what note.create takes.
    assert.match(text, "// Kept as Kustomer's JSON: params are not { conversation, body, userMentions }.");
    assert.match(text, "action('kustomer.note.create', {");
    assert.match(text, "Authorization: `Bearer ${secret('KAC_ACME_ORDER_PLACED_NOTIFY_AUTHORIZATION')}`");
  },
);

project.run();
