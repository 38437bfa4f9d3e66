// `kac preview`, `kac iterable status` and `kac iterable confirm` through the real CLI entry, on a
// temporary project: pending → confirm (writes confirmations.json) → confirmed; previews render.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { main } from '../../../../sync/cli/main.js';
import { AUTHORING_ENTRY, CONFIG_SOURCE, memoryIo, tempProject } from '../../../compiler/helpers.js';

const template = (phone: string) => `import { defineIterableWebhook, iterableFields, secret } from '${AUTHORING_ENTRY}';
const fields = iterableFields<{ profile: { phoneNumber?: string; firstName?: string }; events: {} }>({
  properties: { profile: { properties: { phoneNumber: {}, firstName: {} } }, events: { properties: {} } },
});
export default defineIterableWebhook({
  name: 'regal-cli-contact',
  journey: 'CLI Journey',
  fields,
  trigger: { kind: 'profile-field-updated', field: 'phoneNumber' },
  headers: { Authorization: secret('REGAL_API_KEY') },
  body: ({ field, defaultIfEmpty }) => ({ traits: { phone: ${phone}, firstName: defaultIfEmpty('firstName', 'there') }, eventSource: 'iterable' }),
});
`;

test('kac iterable status / confirm / preview', async () => {
  const project = await tempProject({
    'kac.config.ts': CONFIG_SOURCE,
    'workflows/iterable/contact.ts': template("field('phoneNumber')"),
    'workflows/iterable/samples/regal-cli-contact.json': JSON.stringify({ phoneNumber: '+14155550101' }),
  });
  try {
    const run = async (...args: string[]) => {
      const io = memoryIo(project.root);
      const code = await main([...args, '--root', project.root], io);
      return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
    };

    let r = await run('iterable', 'status');
    assert.is(r.code, 2);
    assert.match(r.out, /^pending\s+regal-cli-contact  sha256 [0-9a-f]{12}  never confirmed$/);
    assert.match(r.err, '"kac iterable status --steps" shows what to paste');

    r = await run('iterable', 'status', '--steps');
    assert.is(r.code, 2);
    assert.match(
      r.out,
      '== regal-cli-contact (pending)\nIn Iterable, Integrations > Journey Webhooks, create or edit the webhook "regal-cli-contact":',
    );
    assert.match(r.out, 'Authorization: <secret:REGAL_API_KEY>');

    r = await run('iterable', 'confirm', 'regal-cli-contact', '--by', 'ops');
    assert.is(r.code, 0);
    const written = JSON.parse(await readFile(join(project.root, 'workflows/iterable/confirmations.json'), 'utf8'));
    const sha = written['regal-cli-contact'].sha256 as string;
    assert.match(sha, /^[0-9a-f]{64}$/);
    assert.is(written['regal-cli-contact'].by, 'ops');
    assert.ok(
      r.out.startsWith(
        `Recorded in workflows/iterable/confirmations.json: "regal-cli-contact" sha256 ${sha} confirmed `,
      ),
    );

    r = await run('iterable', 'status');
    assert.is(r.code, 0);
    assert.match(r.out, /^confirmed\s+regal-cli-contact  sha256 [0-9a-f]{12}  confirmed \S+ by ops$/);

    r = await run('preview', 'regal-cli-contact');
    assert.is(r.code, 0);
    assert.equal(JSON.parse(r.out), { traits: { phone: '+14155550101', firstName: 'there' }, eventSource: 'iterable' });

    // The template changes (a new file: ES modules are cached per process): status says so.
    await rm(join(project.root, 'workflows/iterable/contact.ts'));
    await writeFile(join(project.root, 'workflows/iterable/contact-v2.ts'), template("`+1${field('phoneNumber')}`"));
    r = await run('iterable', 'status');
    assert.is(r.code, 2);
    assert.match(r.out, /^changed-since-confirmed\s+regal-cli-contact/);

    r = await run('preview', 'regal-cli-contact');
    assert.is(r.code, 1);
    assert.match(
      r.err,
      /error iterable\/preview-regal-schema\n  the rendered body of "regal-cli-contact" is not a valid Regal event: traits.phone must match pattern/,
    );

    r = await run('preview', 'regal-cli-contac');
    assert.is(r.code, 1);
    assert.match(
      r.err,
      /error: no Iterable template named "regal-cli-contac"\nhint: did you mean "regal-cli-contact"\?/,
    );
  } finally {
    await project.remove();
  }
});

test.run();
