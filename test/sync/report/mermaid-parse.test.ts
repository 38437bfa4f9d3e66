// Every graph kac would put in a PR comment parses with Mermaid's own parser (the one GitHub runs),
// and reads as words: no JSON, escapes or entities in labels. Graphs: each workflow of this repo (as
// created, and as updated with every step changed), the golden dist, and Kustomer's real exports.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseHTML } from 'linkedom';
import { buildProject } from '../../../compiler/build.js';
import type { JsonObject } from '../../../compiler/json.js';
import type { SemanticNote } from '../../../sync/plan/types.js';
import { conditionText, mermaidText, workflowFlowchart } from '../../../sync/report/mermaid.js';
import { kustomerRealExports } from '../../fixtures/kustomer-real.js';

// Mermaid sanitises labels with DOMPurify, which needs a DOM: linkedom's is enough to parse.
const { window } = parseHTML('<!doctype html><html><body></body></html>');
Object.assign(globalThis, { window, document: window.document });
const { default: mermaid } = await import('mermaid');

const root = resolve(dirname(new URL(import.meta.url).pathname), '../../..');
const build = await buildProject(root);
const golden = join(root, 'test/fixtures/golden-dist/kustomer/workflows');

const graphs: { name: string; text: string }[] = [];
const everyStepChanged = (body: JsonObject): SemanticNote[] =>
  ((body.steps as JsonObject[] | undefined) ?? []).map((s, i) => ({
    code: i % 3 === 0 ? 'step-added' : 'params-changed',
    message: '',
    step: String(s.id),
  }));
for (const r of build.resources.filter((r) => r.kind === 'kustomer.workflow')) {
  graphs.push({ name: `repo ${r.key}`, text: workflowFlowchart(r.body, [], { compiled: r.body }) });
  graphs.push({
    name: `repo ${r.key} (changed)`,
    text: workflowFlowchart(
      r.body,
      [...everyStepChanged(r.body), { code: 'step-removed', message: '', step: 'gone "x"' }],
      { compiled: r.body },
    ),
  });
}
for (const file of readdirSync(golden).sort()) {
  const body = JSON.parse(readFileSync(join(golden, file), 'utf8')) as JsonObject;
  graphs.push({ name: `golden ${file}`, text: workflowFlowchart(body, everyStepChanged(body)) });
}
for (const real of kustomerRealExports())
  graphs.push({ name: `real ${real.file}`, text: workflowFlowchart(real.body, everyStepChanged(real.body)) });

const parse = suite('workflowFlowchart: Mermaid parses every graph');

parse('there are graphs of the repo, the golden dist and the real exports', () => {
  assert.ok(graphs.filter((g) => g.name.startsWith('repo ')).length >= 10);
  assert.ok(graphs.some((g) => g.name.startsWith('golden ')));
  assert.ok(graphs.some((g) => g.name.startsWith('real ')));
});

for (const g of graphs) {
  parse(`${g.name} parses and its labels read as words`, async () => {
    const result = await mermaid.parse(g.text);
    assert.is((result as { diagramType: string }).diagramType, 'flowchart-v2');
    const labels = [...g.text.matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
    assert.ok(labels.length > 0);
    for (const label of labels) assert.not.match(label, /#quot;|\\|[{}]|\/#steps|&[a-z]+;/, `${g.name}: ${label}`);
  });
}

parse('a broken graph is refused by the parser (the check can fail)', async () => {
  try {
    await mermaid.parse('flowchart TD\n  s0["a" -->|x| s1');
    assert.unreachable('parsed');
  } catch (error) {
    assert.instance(error, Error);
    assert.match((error as Error).message, 'Parse error');
  }
});

parse.run();

const words = suite('conditionText and mermaidText');

words('conditions read as short phrases', () => {
  const name = (id: string) => ({ 'find-by-phone': 'Find customer by phone' })[id] ?? id;
  const isCall = {
    op: 'or',
    values: [
      { op: 'eq', values: ['/#steps.1.attributes.data.event', 'call.completed'] },
      { op: 'eq', values: ['/#steps.1.attributes.data.name', 'call.completed'] },
    ],
  };
  assert.is(conditionText(isCall, '1', name), 'event = "call.completed" or name = "call.completed"');
  assert.is(conditionText({ op: 'exists', values: ['/#steps.find-by-phone.id', ''] }, 'find-by-phone', name), 'found');
  assert.is(conditionText({ op: 'dne', values: ['/#steps.find-by-phone.id'] }, 'find-by-phone', name), 'not found');
  assert.is(
    conditionText({ op: 'exists', values: ['/#steps.1.attributes.data.traits.phone', ''] }, '1', name),
    'has traits.phone',
  );
  assert.is(
    conditionText({ op: 'gt', values: ['/#steps.x.response.statusCode', 299] }, 'y', name),
    'x statusCode > 299',
  );
  assert.is(conditionText({ op: 'true', values: [true] }, '1', name), undefined);
});

words('labels lose what Mermaid would misread, and stay short', () => {
  assert.is(mermaidText('event = "call.completed"'), 'event = “call.completed”');
  assert.is(mermaidText('a <b> | `c` {d} #quot; x'), "a ‹b› ' 'c' (d) # quot; x");
  assert.is(mermaidText('x'.repeat(100)).length, 60);
});

words.run();
