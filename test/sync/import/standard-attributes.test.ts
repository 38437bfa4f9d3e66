// `kac import` of standard-object attributes: only kac's own (the namespace's prefix) become a
// `defineAttributes` file, and the round trip through the CLI plans to nothing.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { z } from 'zod';
import { renderSource } from '../../../sync/import/source-plan.js';
import { standardAttributesPlan } from '../../../sync/import/standard-attributes.js';
import { createKustomerClient } from '../../../sync/providers/kustomer/client/index.js';
import { createHarness, repoRoot, type Harness } from '../../e2e/harness.js';

const plan = suite('standardAttributesPlan');

plan('each attribute becomes its builder; defaults are left out; keys kac does not model are carried in raw', () => {
  const p = standardAttributesPlan('customer', {
    properties: {
      acmeTierStr: { type: 'string', displayName: 'Tier', enumeration: ['gold', 'silver'] },
      acmeLastOrderAt: { type: 'date', displayName: 'Acme Last Order' },
      acmeOwnerId: { type: 'id', displayName: 'Acme Owner', target: 'user', multi: true },
      acmeScoreNum: { type: 'number', displayName: 'Acme Score', sensitive: { enabled: true } },
    },
  });
  assert.equal(p.notes, []);
  assert.is(
    renderSource(p, '../../compiler/index.js'),
    [
      '// Imported from the live org by `kac import`. Edit it like any other definition: it is now the source of truth.',
      "import { attribute, defineAttributes } from '../../compiler/index.js';",
      '',
      "export default defineAttributes('customer', {",
      '  acmeLastOrder: attribute.date(),',
      "  acmeOwner: attribute.reference('user', { multi: true }),",
      '  acmeScore: attribute.number({ raw: { sensitive: { enabled: true } } }),',
      "  acmeTier: attribute.dropdown(['gold', 'silver'], { displayName: 'Tier' }),",
      '});',
      '',
    ].join('\n'),
  );
});

plan.run();

const cli = suite('kac import: standard-object attributes round trip');
let h: Harness;

cli.before(async () => {
  h = await createHarness({}, 'standard-attributes');
  const client = createKustomerClient({ baseUrl: h.org.baseUrl, apiKey: h.org.token });
  await client.put(
    '/v1/metadata/customer',
    { properties: { loyaltyTierStr: { type: 'string', displayName: 'Loyalty' } } },
    z.unknown(),
  );
  const applied = await h.kac('apply', '--auto-approve');
  assert.is(applied.code, 0, applied.err + applied.out);
});
cli.after(async () => {
  await h.dispose();
});

cli('regenerated in place, the definitions plan to nothing', async () => {
  const r = await h.kac('import', '--only', 'standard-attributes', '--force');
  assert.is(r.code, 0, r.err);
  assert.match(r.out, 'wrote     klasses/standard/customer.ts');
  assert.match(r.out, 'wrote     klasses/standard/conversation.ts');
  const text = await readFile(join(h.root, 'klasses/standard/customer.ts'), 'utf8');
  assert.match(text, "export default defineAttributes('customer', {");
  assert.match(text, "acmeTier: attribute.dropdown(['gold', 'silver']),");
  assert.not.match(text, 'loyaltyTier', 'an attribute kac does not own is never imported');
  const again = await h.kac('plan', '--detailed-exitcode');
  assert.is(again.code, 0, again.out + again.err);
});

cli("into an empty project: one file per object with kac's attributes, and an empty plan", async () => {
  const dir = await mkdtemp(join(repoRoot, 'test/fixtures/projects/import-run-'));
  try {
    await writeFile(join(dir, 'kac.config.ts'), await readFile(join(h.root, 'kac.config.ts'), 'utf8'));
    const r = await h.kac('import', '--out', dir);
    assert.is(r.code, 0, r.err);
    assert.equal((await readdir(join(dir, 'klasses/standard'))).sort(), ['conversation.ts', 'customer.ts']);
    const planned = await h.kac('plan', '--root', dir, '--detailed-exitcode');
    assert.is(planned.code, 0, planned.out + planned.err);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

cli.run();
