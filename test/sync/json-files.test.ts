// Every JSON file kac reads back is parsed by its zod schema: corrupt each one and the error names
// the file, the field and what was expected (parseJsonFile), instead of a crash or a silent reset.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Journal } from '../../sync/apply/journal.js';
import { readStatusFile } from '../../sync/daemon/status.js';
import { DiagnosticsError } from '../../sync/errors.js';
import { loadState, STATE_FILE } from '../../sync/local-org/store/state.js';
import { planChanges } from '../../sync/plan/plan-changes.js';
import { parsePlanFile } from '../../sync/plan/saved-plan.js';
import { readConfirmations } from '../../sync/providers/iterable/confirmations.js';
import { CONFIRMATIONS_FILE } from '../../sync/providers/iterable/templates.js';
import { renderPlanJson } from '../../sync/report/plan-json.js';
import { hook } from './plan/sample-resources.js';

const files = suite('JSON files kac reads back');

/** The messages of the DiagnosticsError `fn` throws (fails when it does not throw one). */
async function refusal(fn: () => Promise<unknown> | unknown): Promise<string> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof DiagnosticsError) return error.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n');
    throw error;
  }
  assert.unreachable('expected the file to be refused');
  return '';
}

function savedPlan(): Record<string, unknown> {
  const plan = planChanges({
    namespace: 'regal',
    environment: { name: 'local', target: 'memory' },
    desired: [hook('regal-events')],
    live: [],
    providedKinds: new Set(['kustomer.hook']),
    secret: () => undefined,
    now: new Date(0),
  });
  return JSON.parse(renderPlanJson(plan)) as Record<string, unknown>;
}

function withDir(fn: (dir: string) => Promise<void>): () => Promise<void> {
  return async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kac-json-files-'));
    try {
      await fn(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

files('a saved plan round-trips through its schema', () => {
  const plan = savedPlan();
  assert.equal(parsePlanFile(JSON.stringify(plan), 'plan.json'), plan);
});

files('a saved plan whose create has no body is refused, naming the change and the field', async () => {
  const plan = savedPlan();
  delete (plan.changes as Record<string, unknown>[])[0]!.body;
  const message = await refusal(() => parsePlanFile(JSON.stringify(plan), 'plan.json'));
  assert.match(message, 'plan/invalid-file plan.json: changes.0.body:');
  assert.match(message, 'expected record');
});

files('a saved plan with an unknown change kind, or another version, is refused', async () => {
  const plan = savedPlan();
  (plan.changes as Record<string, unknown>[])[0]!.kind = 'replace';
  assert.match(await refusal(() => parsePlanFile(JSON.stringify(plan), 'plan.json')), 'plan.json: changes.0.kind:');
  assert.match(
    await refusal(() => parsePlanFile(JSON.stringify({ ...savedPlan(), version: 2 }), 'plan.json')),
    'plan.json: version: Invalid input: expected 1',
  );
  assert.match(await refusal(() => parsePlanFile('{"version":1,', 'plan.json')), 'plan.json is not JSON');
});

files(
  'an apply journal with a bad entry is refused, not mistaken for "no journal"',
  withDir(async (dir) => {
    const path = join(dir, 'journal-local.json');
    writeFileSync(
      path,
      JSON.stringify({
        version: 1,
        environment: 'local',
        planHash: 'h',
        startedAt: 'x',
        entries: { 'kustomer.hook:regal-events': { status: 'done', at: 'x' } },
      }),
    );
    const message = await refusal(() => Journal.open(path, 'local', 'h'));
    assert.match(message, `journal/invalid-file ${path}: entries.kustomer.hook:regal-events.status:`);
    assert.match(message, '"started"|"applied"|"failed"');
    assert.is(
      (await Journal.open(join(dir, 'none.json'), 'local', 'h')).resumed,
      false,
      'a missing journal is simply a new one',
    );
  }),
);

files(
  'a daemon status file with a wrong type is refused',
  withDir(async (dir) => {
    const path = join(dir, 'daemon-status.json');
    writeFileSync(
      path,
      JSON.stringify({
        state: 'idle',
        pid: 'one',
        schedule: '* * * * *',
        startedAt: 'x',
        runs: 0,
        skipped: 0,
        updatedAt: 'x',
      }),
    );
    assert.match(
      await refusal(() => readStatusFile(path)),
      `daemon/invalid-status-file ${path}: pid: Invalid input: expected number, received string`,
    );
  }),
);

files(
  "the local org's state with a malformed run log is refused, never reset",
  withDir(async (dir) => {
    const state = {
      version: 1,
      orgId: 'o',
      userId: 'u',
      token: 't',
      klasses: [],
      metadata: {},
      workflows: [],
      hooks: [],
      outboundWebhooks: [],
      customers: [],
      kobjects: [],
      runs: [
        {
          hookId: 'h',
          eventName: 'e',
          log: { id: 'r', workflowName: 'w', startedAt: 'x', finishedAt: 'x', status: 'done', steps: [] },
        },
      ],
    };
    writeFileSync(join(dir, STATE_FILE), JSON.stringify(state));
    const message = await refusal(() => loadState(dir));
    assert.match(message, `local-org/invalid-state ${join(dir, STATE_FILE)}: runs.0.log.status:`);
    state.runs[0]!.log.status = 'completed';
    writeFileSync(join(dir, STATE_FILE), JSON.stringify(state));
    const loaded = await loadState(dir);
    assert.is(loaded?.runs.length, 1);
  }),
);

files(
  'Iterable confirmations with a missing hash are refused',
  withDir(async (dir) => {
    mkdirSync(join(dir, 'workflows/iterable'), { recursive: true });
    writeFileSync(
      join(dir, CONFIRMATIONS_FILE),
      JSON.stringify({ 'regal-create-contact': { confirmedAt: '2026-01-01T00:00:00.000Z' } }),
    );
    assert.match(await refusal(() => readConfirmations(dir)), `${CONFIRMATIONS_FILE}: regal-create-contact.sha256:`);
  }),
);

files.run();
