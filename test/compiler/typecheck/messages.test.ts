// The five most common mistakes read as short messages: each `@ts-expect-error: <message>` in
// test/types/mistakes.types.ts is checked against what tsc says on the next line once the directive is
// gone, through kac's type check (so the kac rendering, without brand internals, is pinned too).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatDiagnostic } from '../../../compiler/diagnostics.js';
import { typecheckProject } from '../../../compiler/typecheck/index.js';
import { AUTHORING_ENTRY, REPO_ROOT, tempProject } from '../helpers.js';

const DIRECTIVE = /^\s*\/\/ @ts-expect-error: (.*)$/;

test('the five common mistakes: one error each, on the line after its directive, reading as the directive says', async () => {
  const source = readFileSync(join(REPO_ROOT, 'test/types/mistakes.types.ts'), 'utf8').replace(
    "'../../compiler/index.js'",
    `'${AUTHORING_ENTRY}'`,
  );
  const lines: string[] = [];
  const expected: { line: number; message: string }[] = [];
  for (const line of source.split('\n')) {
    const directive = DIRECTIVE.exec(line);
    if (directive) expected.push({ line: lines.length + 1, message: directive[1]! });
    else lines.push(line);
  }
  assert.is(expected.length, 5);
  const project = await tempProject({ 'workflows/mistakes.ts': lines.join('\n') });
  try {
    const { diagnostics } = await typecheckProject(project.root);
    assert.equal(
      diagnostics.map((d) => ({ line: d.location?.line, message: d.message.split('\n')[0] })),
      expected,
    );
    // As `kac validate` prints it: the first line, then at most the named types, no brand internals.
    assert.is(
      formatDiagnostic(diagnostics[2]!),
      `workflows/mistakes.ts:${expected[2]!.line}:19 - error ts/2322\n` +
        "  Type 'StringRef<string>' is not assignable to type 'Value<number> | null | undefined'.\n" +
        "    Type 'StringRef<string>' is not assignable to type 'NumberRef<number | null | undefined>'.",
    );
    assert.not.match(diagnostics.map((d) => d.message).join('\n'), /RefBrand|refType|RefFields/);
  } finally {
    await project.remove();
  }
});

test.run();
