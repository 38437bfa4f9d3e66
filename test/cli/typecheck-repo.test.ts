// This repo's own project, built by the shared Regal recipe (workflows/regal/timeline-recipe.ts): a
// mistake in an event file is one diagnostic at the author's line, never a second one in the recipe,
// and never once per KObject step the recipe builds (15 per workflow).
import { cp, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { main } from '../../sync/cli/main.js';
import { memoryIo, REPO_ROOT, tempProject } from '../compiler/helpers.js';

const FILE = 'workflows/regal/call-completed.ts';

/** A copy of the repo's klasses/, workflows/ and kac.config.ts; `compiler/` links to the repo's, so imports resolve unchanged. */
async function repoCopy(): Promise<{ root: string; remove: () => Promise<void> }> {
  const project = await tempProject({});
  for (const path of ['klasses', 'workflows', 'kac.config.ts'])
    await cp(join(REPO_ROOT, path), join(project.root, path), { recursive: true });
  await symlink(join(REPO_ROOT, 'compiler'), join(project.root, 'compiler'), 'dir');
  return project;
}

/** Replaces `from` (which must occur exactly once) in the copy's call-completed.ts. */
async function edit(root: string, from: string, to: string): Promise<void> {
  const path = join(root, FILE);
  const source = await readFile(path, 'utf8');
  assert.is(source.split(from).length, 2, `${FILE} no longer has ${JSON.stringify(from)} once`);
  await writeFile(path, source.replace(from, to));
}

async function validate(root: string, args: string[] = []) {
  const io = memoryIo(root);
  const code = await main(['validate', ...args, '--root', root], io);
  const errors = io.stdout.filter((l) => / - error /.test(l.split('\n')[0]!));
  return { code, errors, all: io.stdout.join('\n'), summary: io.stdout.at(-1) ?? '' };
}

/** [case, the edit, the one error printed]. */
const CASES: [string, [string, string], string][] = [
  [
    'payload typo',
    ['callIdStr: e.properties.call_id,', 'callIdStr: e.properties.call_idd,'],
    `${FILE}:18:29 - error workflow/unknown-payload-field\n` +
      '  the payload field "properties.call_idd" is not in the payload\'s JSON Schema.\n' +
      '  hint: did you mean "properties.call_id"?',
  ],
  [
    'misspelt attribute in custom',
    ['    typeStr: e.properties.type,\n', '    typeStr: e.properties.type,\n    talkTimNum: e.properties.talk_time,\n'],
    `${FILE}:20:5 - error workflow/unknown-attribute\n` +
      '  custom mapping "talkTimNum" is not an attribute of Klass "regal-call".\n' +
      '  hint: did you mean "talkTimeNum"?',
  ],
  [
    'string into a number attribute',
    [
      '    ...regalTaskMapping(e.properties),\n',
      '    ...regalTaskMapping(e.properties),\n    talkTimeNum: e.properties.call_id,\n',
    ],
    `${FILE}:21:5 - error workflow/attribute-type\n` +
      '  custom mapping "talkTimeNum" is a number attribute (…Num), but the payload field "properties.call_id" is a string in the payload\'s JSON Schema.\n' +
      '  hint: map it into an attribute of its type',
  ],
  [
    'a literal of the wrong type in custom',
    ['    ...regalTaskMapping(e.properties),\n', "    ...regalTaskMapping(e.properties),\n    talkTimeNum: 'long',\n"],
    `${FILE}:21:5 - error workflow/attribute-value\n` +
      '  custom mapping "talkTimeNum" is "long", but the attribute holds a number.',
  ],
  [
    'an empty title, repeated by the recipe in all 15 KObject steps',
    [
      '  title: (e) => `${e.properties.type} (${e.properties.direction}): ${e.properties.disposition}`,',
      "  title: () => '',",
    ],
    `${FILE}:7:16 - error workflow/kobject-without-title\n` +
      '  step "create-kobject-found-by-external-id" creates a KObject without a title; Kustomer requires one (the card\'s headline) (the same in 14 more steps built by this call).\n' +
      '  hint: pass `title`, e.g. `Call ${event.properties.call_id}`',
  ],
];

test('kac validate: this repo, copied unchanged, has no error', async () => {
  const project = await repoCopy();
  try {
    const run = await validate(project.root);
    assert.is(run.code, 0, run.all);
    assert.equal(run.errors, []);
  } finally {
    await project.remove();
  }
});

for (const [name, [from, to], expected] of CASES) {
  test(`kac validate: ${name} in ${FILE} is one error at the author's line, exit 1`, async () => {
    const project = await repoCopy();
    try {
      await edit(project.root, from, to);
      const run = await validate(project.root);
      assert.is(run.code, 1, run.all);
      assert.equal(run.errors, [expected], run.all);
      assert.match(run.summary, /^Found 1 error and \d+ warnings? in \d+ files?\.$/);
      assert.not.match(run.all, /timeline-recipe\.ts/);
    } finally {
      await project.remove();
    }
  });
}

test("kac validate --no-typecheck: the payload typo is still one error at the author's line", async () => {
  const project = await repoCopy();
  try {
    const [, [from, to], expected] = CASES[0]!;
    await edit(project.root, from, to);
    const run = await validate(project.root, ['--no-typecheck']);
    assert.is(run.code, 1, run.all);
    assert.equal(run.errors, [expected], run.all);
  } finally {
    await project.remove();
  }
});

test('kac validate: a mistake inside the recipe is reported in the recipe, once for its five workflows', async () => {
  const project = await repoCopy();
  try {
    const recipe = join(project.root, 'workflows/regal/timeline-recipe.ts');
    const source = await readFile(recipe, 'utf8');
    const from = 'phone: when.exists(envelope.traits.phone),';
    assert.is(source.split(from).length, 2);
    await writeFile(recipe, source.replace(from, 'phone: when.exists(envelope.traits.phnoe),'));
    const run = await validate(project.root, ['--no-typecheck']);
    assert.is(run.code, 1, run.all);
    const line = source.slice(0, source.indexOf(from)).split('\n').length;
    const column = source.split('\n')[line - 1]!.indexOf('phone)') + 1;
    assert.equal(run.errors, [
      `workflows/regal/timeline-recipe.ts:${line}:${column} - error workflow/unknown-payload-field\n` +
        '  the payload field "traits.phnoe" is not in the payload\'s JSON Schema.\n' +
        '  hint: did you mean "traits.phone"?',
    ]);
  } finally {
    await project.remove();
  }
});

test.run();
