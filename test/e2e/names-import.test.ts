/**
 * Names and files, through the real CLI: unsafe names are diagnostics with a hint that is itself a
 * valid name; an authored file whose default export is not a definition is a diagnostic, never
 * ignored; import maps names to files injectively (colliding names get distinct, stable files; the
 * count printed is the count written), so importing with --force then planning loses nothing.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { nameProblem } from '../../compiler/validate/names.js';
import { createHarness, type Harness } from './harness.js';

const names = suite('names, authored files and import file names (e2e)');

async function post(h: Harness, path: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${h.org.baseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${h.org.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  assert.ok(res.ok, `${path}: ${res.status} ${await res.clone().text()}`);
  return ((await res.json()) as { data: Record<string, unknown> }).data;
}

/** A copy of the applied workflow under another name, enabled. */
async function liveCopy(h: Harness, name: string): Promise<void> {
  const res = await fetch(`${h.org.baseUrl}/v1/workflows`, { headers: { authorization: `Bearer ${h.org.token}` } });
  const original = ((await res.json()) as { data: { attributes: Record<string, unknown> }[] }).data.find(
    (w) => w.attributes.name === 'e2e-call-completed',
  )!.attributes;
  const { id: _id, rev: _rev, createdAt: _c, updatedAt: _u, modifiedAt: _m, ...body } = original;
  await post(h, '/v1/workflows', {
    ...body,
    name,
    enabled: true,
    steps: (body.steps as Record<string, unknown>[]).map(({ _id: _s, ...s }) => s),
  });
}

names('names with "/", "..", control characters or emoji are errors; each hint is a valid name', async () => {
  const h = await createHarness();
  try {
    await writeFile(
      join(h.root, 'workflows/bad-names.ts'),
      [
        "import { defineHook, defineWorkflow, onEvent } from '../../../../../compiler/index.js';",
        "export const slash = defineHook({ name: 'e2e-a/b' });",
        "export const dots = defineWorkflow({ name: 'e2e-..-up', trigger: onEvent('kustomer.customer.create'), steps() {} });",
        "export const control = defineWorkflow({ name: 'e2e-bell\\u0007', trigger: onEvent('kustomer.customer.create'), steps() {} });",
        "export const emoji = defineWorkflow({ name: 'e2e-party 🎉', trigger: onEvent('kustomer.customer.create'), steps() {} });",
        '',
      ].join('\n'),
    );
    const r = await h.kac('validate');
    assert.is(r.code, 1);
    const text = r.out + r.err;
    assert.match(text, 'workflows/bad-names.ts:2:41 - error hook/invalid-name');
    assert.match(text, 'hook name "e2e-a/b" may hold only letters, digits, spaces and "_ - . : ( )" (found "/").');
    assert.match(text, 'workflow name "e2e-..-up" contains ".." (names become file names; a path is never a name).');
    assert.match(
      text,
      'workflow name "e2e-bell\\u0007" may hold only letters, digits, spaces and "_ - . : ( )" (found U+0007).',
    );
    assert.match(text, 'workflow name "e2e-party 🎉" may hold only');
    const hints = [...text.matchAll(/hint: try "([^"]*)"/g)].map((m) => m[1]!);
    assert.equal(hints, ['e2e-a-b', 'e2e-up', 'e2e-bell', 'e2e-party']);
    for (const hint of hints) assert.is(nameProblem(hint), undefined, hint);
  } finally {
    await h.dispose();
  }
});

names('a default export that is not a definition is an error at the export line', async () => {
  const h = await createHarness();
  try {
    await writeFile(join(h.root, 'workflows/answer.ts'), '// not a definition\nexport default 42;\n');
    const r = await h.kac('validate');
    assert.is(r.code, 1);
    assert.match(r.out + r.err, 'workflows/answer.ts:2:1 - error load/not-a-definition');
    assert.match(
      r.out + r.err,
      '"workflows/answer.ts" exports a number (42) as its default export; kac reads only definitions from authored files.',
    );
    assert.is((await h.kac('plan')).code, 1);
  } finally {
    await h.dispose();
  }
});

names('import: colliding names get distinct stable files; the count is what was written; nothing is lost', async () => {
  const h = await createHarness();
  try {
    assert.is((await h.kac('apply', '--auto-approve')).code, 0);
    const collide = ['e2e-a-b', 'e2e-a b', 'e2e-a:b', 'e2e-A-B'];
    for (const name of collide) await liveCopy(h, name);
    const first = await h.kac('import', '--only', 'workflow', '--out', 'imported');
    assert.is(first.code, 0, first.err);
    const files = (await readdir(join(h.root, 'imported/workflows'))).sort();
    assert.is(files.length, 5, files.join(', '));
    for (const name of collide) {
      const holders = [];
      for (const f of files)
        if (
          (await readFile(join(h.root, 'imported/workflows', f), 'utf8')).includes(
            `name: ${JSON.stringify(name).replace(/"/g, "'")}`,
          )
        )
          holders.push(f);
      assert.is(holders.length, 1, `${name} is in exactly one file: ${holders.join(', ')}`);
    }
    assert.match(first.err, 'Imported 5 definition file(s)');
    assert.match(first.err, ': 5 written.');
    // Stable: a second import writes the same files and says nothing was written.
    const again = await h.kac('import', '--only', 'workflow', '--out', 'imported');
    assert.equal((await readdir(join(h.root, 'imported/workflows'))).sort(), files);
    assert.match(again.err, ': 0 written, 5 unchanged.');
    // Into the project itself with --force: the plan then keeps every live workflow enabled.
    const into = await h.kac('import', '--force');
    assert.is(into.code, 0, into.err);
    const plan = await h.kac('plan', '--detailed-exitcode');
    assert.is(plan.code, 0, plan.out + plan.err);
    assert.not.match(plan.out, 'disable');
  } finally {
    await h.dispose();
  }
});

names.run();
