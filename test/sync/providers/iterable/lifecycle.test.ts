// The manual-change lifecycle of Iterable templates through the real plan and drift code, against
// the local Iterable double: pending → confirmed (clean) → changed (pending again) → re-confirmed
// (clean); and the journeys check's findings.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createCompileContext } from '../../../../compiler/compile/context.js';
import { compileIterableWebhooks, iterableConfigHash } from '../../../../compiler/compile/iterable.js';
import type { IterableWebhookDefinition } from '../../../../compiler/model/iterable.js';
import type { Model } from '../../../../compiler/model/project.js';
import type { Resource } from '../../../../compiler/resource.js';
import { buildDriftReport } from '../../../../sync/drift/report.js';
import { silentLogger } from '../../../../sync/logger.js';
import { runPlan } from '../../../../sync/operations/plan.js';
import { createIterableClient } from '../../../../sync/providers/iterable/client.js';
import {
  CONFIRMATIONS_FILE,
  readConfirmations,
  recordConfirmation,
  templateStates,
  writeConfirmations,
} from '../../../../sync/providers/iterable/confirmations.js';
import { renderIterableInstructions } from '../../../../sync/providers/iterable/instructions.js';
import { createIterableProvider } from '../../../../sync/providers/iterable/provider.js';
import { startIterableDouble, type IterableDouble } from '../../../doubles/iterable/server.js';

const repo = fileURLToPath(new URL('../../../..', import.meta.url));
const KEY = 'itbl-lifecycle-key-123456';
const FILES = ['create-contact', 'update-opt-in', 'application-step-1-completed'];

async function desiredTemplates(): Promise<Resource[]> {
  const defs = await Promise.all(
    FILES.map(
      async (f) => (await import(`../../../../workflows/iterable/${f}.js`)).default as IterableWebhookDefinition,
    ),
  );
  const model: Model = {
    root: repo,
    namespace: 'regal',
    klasses: [],
    hooks: [],
    workflows: [],
    outboundWebhooks: [],
    iterableWebhooks: defs.map((definition, i) => ({ definition, file: `workflows/iterable/${FILES[i]}.ts` })),
  };
  return compileIterableWebhooks(model, createCompileContext(model));
}

async function plan(root: string, desired: Resource[], double: IterableDouble) {
  const provider = createIterableProvider({
    root,
    desired,
    client: createIterableClient({ apiKey: KEY, baseUrl: double.url, retryDelayMs: 1 }),
  });
  const { plan } = await runPlan(
    { name: 'test', target: 'iterable double', providers: [provider], manualInstructions: renderIterableInstructions },
    { namespace: 'regal', desired },
    { env: {}, logger: silentLogger },
  );
  return plan;
}

const pending = (p: Awaited<ReturnType<typeof plan>>) =>
  p.changes.map((c) => [
    c.resource.key,
    c.kind,
    c.kind === 'manual' ? c.reason : c.kind === 'noop' ? c.notes.join() : '',
  ]);

test('Iterable templates: changed → pending in plan and drift → confirmed → clean', async () => {
  const root = mkdtempSync(join(tmpdir(), 'kac-iterable-'));
  mkdirSync(join(root, 'workflows/iterable'), { recursive: true });
  const double = await startIterableDouble({
    apiKey: KEY,
    journeys: [
      { id: 1, name: 'Create New Contact for Regal', enabled: true },
      { id: 2, name: 'Send Opt In or Out to Regal', enabled: true },
      {
        id: 3,
        name: 'Send Application Step 1 Completed Event to Regal',
        enabled: true,
        triggerEventNames: ['Application Step 1 Completed'],
      },
    ],
  });
  try {
    const desired = await desiredTemplates();

    // 1. Nothing pasted yet: every template is a manual step, in plan and in drift.
    let p = await plan(root, desired, double);
    assert.equal(pending(p), [
      ['regal-application-step-1-completed', 'manual', 'not-confirmed'],
      ['regal-create-contact', 'manual', 'not-confirmed'],
      ['regal-update-opt-in', 'manual', 'not-confirmed'],
    ]);
    const first = p.changes[1]!;
    assert.ok(first.kind === 'manual' && first.instructions.includes('kac iterable confirm regal-create-contact'));
    assert.ok(first.kind === 'manual' && first.instructions.includes('Authorization: <secret:REGAL_API_KEY>'));
    assert.is(buildDriftReport(p).counts['manual-pending'], 3);

    // 2. A person pastes them and confirms: clean.
    let confirmations = await readConfirmations(root);
    for (const r of desired)
      confirmations = recordConfirmation(
        confirmations,
        r.key,
        String(r.body.sha256),
        new Date('2026-01-02T03:04:05Z'),
        'ops@example.com',
      );
    await writeConfirmations(root, confirmations);
    assert.equal(JSON.parse(readFileSync(join(root, CONFIRMATIONS_FILE), 'utf8'))['regal-create-contact'], {
      by: 'ops@example.com',
      confirmedAt: '2026-01-02T03:04:05.000Z',
      sha256: desired.find((r) => r.key === 'regal-create-contact')!.body.sha256,
    });
    p = await plan(root, desired, double);
    assert.ok(p.changes.every((c) => c.kind === 'noop'));
    assert.is(buildDriftReport(p).hasDrift, false);

    // 3. The template changes in git: that one is pending again, as changed since confirmed.
    const contact = desired.find((r) => r.key === 'regal-create-contact')!;
    const changedBody = { ...contact.body, body: String(contact.body.body).replace('"Mobile"', '"Cell"') };
    assert.is.not(changedBody.body, contact.body.body);
    const changed = desired.map((r) =>
      r === contact ? { ...r, body: { ...changedBody, sha256: iterableConfigHash(changedBody) } } : r,
    );
    p = await plan(root, changed, double);
    assert.equal(pending(p), [
      ['regal-application-step-1-completed', 'noop', 'confirmed as configured'],
      ['regal-create-contact', 'manual', 'changed'],
      ['regal-update-opt-in', 'noop', 'confirmed as configured'],
    ]);
    const drift = buildDriftReport(p);
    assert.equal(
      drift.items.map((i) => [i.bucket, i.key, i.applyWould]),
      [['manual-pending', 'regal-create-contact', 'nothing (manual)']],
    );
    assert.equal(
      templateStates(changed, await readConfirmations(root)).map((s) => [s.key, s.status]),
      [
        ['regal-application-step-1-completed', 'confirmed'],
        ['regal-create-contact', 'changed-since-confirmed'],
        ['regal-update-opt-in', 'confirmed'],
      ],
    );

    // 4. Pasted again and re-confirmed: clean.
    await writeConfirmations(
      root,
      recordConfirmation(
        await readConfirmations(root),
        'regal-create-contact',
        String(changed.find((r) => r.key === 'regal-create-contact')!.body.sha256),
        new Date('2026-01-03T00:00:00Z'),
      ),
    );
    p = await plan(root, changed, double);
    assert.ok(p.changes.every((c) => c.kind === 'noop'));
    assert.is(buildDriftReport(p).hasDrift, false);

    // 5. A template removed from git but still confirmed: a manual removal.
    p = await plan(
      root,
      changed.filter((r) => r.key !== 'regal-update-opt-in'),
      double,
    );
    assert.equal(
      pending(p).filter((c) => c[1] !== 'noop'),
      [['regal-update-opt-in', 'manual', 'removed']],
    );
  } finally {
    await double.close();
    rmSync(root, { recursive: true, force: true });
  }
});

test('inspect: the journeys exist, are enabled, and are triggered by the declared event', async () => {
  const double = await startIterableDouble({
    apiKey: KEY,
    journeys: [
      { id: 2, name: 'Send Opt In or Out to Regal', enabled: false },
      {
        id: 3,
        name: 'Send Application Step 1 Completed Event to Regal',
        enabled: true,
        triggerEventNames: ['Application Started'],
      },
      ...Array.from({ length: 60 }, (_, i) => ({ id: 100 + i, name: `Other ${i}`, enabled: true })),
    ],
  });
  try {
    const desired = await desiredTemplates();
    const provider = createIterableProvider({
      root: repo,
      desired,
      client: createIterableClient({ apiKey: KEY, baseUrl: double.url }),
    });
    const findings = await provider.inspect!(desired, { logger: silentLogger });
    const at = (key: string) => ({ kind: 'iterable.journey-webhook' as const, key });
    assert.equal(findings, [
      {
        severity: 'error',
        resource: at('regal-create-contact'),
        message:
          'journey "Create New Contact for Regal" does not exist in Iterable (or is archived): create it and add the webhook "regal-create-contact"',
      },
      {
        severity: 'warning',
        resource: at('regal-update-opt-in'),
        message:
          'journey "Send Opt In or Out to Regal" (id 2) is disabled: "regal-update-opt-in" sends nothing to Regal until it is enabled',
      },
      {
        severity: 'info',
        resource: at('regal-update-opt-in'),
        message:
          'journey "Send Opt In or Out to Regal" (id 2) exists; its "voice_optin_subscribed" profile-field trigger is not visible through Iterable\'s API: check it in Iterable',
      },
      {
        severity: 'error',
        resource: at('regal-application-step-1-completed'),
        message:
          'journey "Send Application Step 1 Completed Event to Regal" (id 3) is triggered by "Application Started", not by "Application Step 1 Completed"',
      },
    ]);
    assert.is(double.requests.length, 2, '62 journeys, two pages of 50');
    // Without a key the check is reported as skipped, never silently passed.
    const offline = createIterableProvider({ root: repo, desired });
    assert.equal(
      (await offline.inspect!(desired, { logger: silentLogger })).map((f) => f.severity),
      ['info', 'info', 'info'],
    );
    assert.throws(() => offline.create(desired[0]!, { logger: silentLogger }), /no API/);
  } finally {
    await double.close();
  }
});

test.run();
