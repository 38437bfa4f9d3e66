// The type check in the CLI: each common mistake is one diagnostic at the author's token and exit 1
// from `kac validate`; `--no-typecheck` says loudly what it skipped; plan and apply refuse a type error.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { main } from '../../sync/cli/main.js';
import { join } from 'node:path';
import { memoryIo, REPO_ROOT } from '../compiler/helpers.js';

const fixture = (name: string) => join(REPO_ROOT, 'test/fixtures/projects/typecheck', name);
const headers = (lines: readonly string[]) =>
  lines.filter((l) => / - (error|warning) /.test(l) || /^(error|warning) /.test(l)).map((l) => l.split('\n')[0]);

/** [fixture, the one diagnostic's first line, whether kac's own rules see it without TypeScript]. */
const MISTAKES: [string, string, boolean][] = [
  ['payload-typo', 'workflows/call.ts:9:68 - error workflow/unknown-payload-field', true],
  ['string-into-number', 'workflows/call.ts:13:54 - error workflow/attribute-type', true],
  ['number-into-date', 'workflows/call.ts:13:54 - error workflow/attribute-type', true],
  ['shared-custom-typo', 'workflows/call.ts:11:7 - error workflow/unknown-attribute', true],
  ['unknown-step-output', 'workflows/call.ts:11:27 - error ts/2339', false],
  ['syntax-error', 'workflows/call.ts:12:49 - error ts/1136', false],
  ['wrong-import', 'workflows/call.ts:2:18 - error ts/2307', false],
];

for (const [name, expected] of MISTAKES) {
  test(`kac validate: ${name} is one error at the author's token, exit 1`, async () => {
    const io = memoryIo();
    assert.is(await main(['validate', '--root', fixture(name)], io), 1, io.stdout.join('\n') + io.stderr.join('\n'));
    assert.equal(headers(io.stdout), [expected], io.stdout.join('\n'));
    assert.is(io.stdout.at(-1), 'Found 1 error in 1 file.');
  });
}

test('kac validate: the same project without the mistake is clean', async () => {
  const io = memoryIo();
  assert.is(await main(['validate', '--root', fixture('valid')], io), 0, io.stdout.join('\n'));
  assert.equal(io.stdout, ['No problems found in 1 Klass, 1 hook, 1 workflow, 0 outbound webhooks.']);
});

test("kac validate: the messages say what is wrong in the author's terms", async () => {
  const io = memoryIo();
  await main(['validate', '--root', fixture('string-into-number')], io);
  assert.is(
    io.stdout[0],
    'workflows/call.ts:13:54 - error workflow/attribute-type\n' +
      '  custom mapping "talkTimeNum" is a number attribute (…Num), but the payload field "properties.call_id" is a string in the payload\'s JSON Schema.\n' +
      '  hint: map it into an attribute of its type',
  );
  const step = memoryIo();
  await main(['validate', '--root', fixture('unknown-step-output')], step);
  assert.is(
    step.stdout[0],
    "workflows/call.ts:11:27 - error ts/2339\n  Property 'idd' does not exist on type 'ObjectRef<KustomerCustomer>'.",
  );
});

for (const [name, expected] of MISTAKES.filter(([, , seenWithoutTypes]) => seenWithoutTypes)) {
  test(`kac validate --no-typecheck: ${name} is still found from the payload schema, and the skip is said first`, async () => {
    const io = memoryIo();
    assert.is(await main(['validate', '--no-typecheck', '--root', fixture(name)], io), 1);
    assert.equal(headers(io.stdout), ['warning typecheck/skipped', expected]);
    assert.match(
      io.stdout[0]!,
      /THE TYPE CHECK WAS SKIPPED \(--no-typecheck\): klasses\/, workflows\/ and kac\.config\.ts were not type-checked/,
    );
  });
}

test('kac validate --no-typecheck: a mistake only TypeScript sees passes, with the warning', async () => {
  const io = memoryIo();
  assert.is(await main(['validate', '--no-typecheck', '--root', fixture('unknown-step-output')], io), 0);
  assert.equal(headers(io.stdout), ['warning typecheck/skipped']);
  assert.is(io.stdout.at(-1), 'Found 1 warning.');
});

for (const command of [['plan'], ['apply', '--auto-approve'], ['compile', '--out', '/nonexistent/kac-dist']]) {
  test(`kac ${command[0]} refuses a type error, lists it and says how to see them all`, async () => {
    const io = memoryIo();
    assert.is(await main([...command, '--root', fixture('unknown-step-output')], io), 1);
    assert.equal(headers(io.stderr), ['workflows/call.ts:11:27 - error ts/2339']);
    assert.is(
      io.stderr.at(-1),
      '1 error(s) in the definitions (1 from the type check): nothing was done. See them all, warnings included, with: npx kac validate',
    );
    assert.equal(io.stdout, []);
  });
}

test.run();
