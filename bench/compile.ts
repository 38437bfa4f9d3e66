/**
 * Bench: load + validate + compile a generated project of 1,000 workflows and 200 Klasses (written to
 * the OS temp dir), in a fresh Node process: wall time of buildProject (the compiler's own module
 * imports reported apart) and the process's peak memory (maxRSS, Node and tsx included). Targets: < 2 s and < 300 MB. Runs twice: cold (tsx's transform cache
 * off) and warm (cache on, as on a developer machine after the first run).
 * Alone: `npx tsx bench/compile.ts`; or through bench/run.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchRow } from './row.js';

export const WORKFLOWS = 1000;
export const KLASSES = 200;
const TARGET_MS = 2000;
const TARGET_MB = 300;

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = join(REPO, 'compiler/index.js');

interface Measurement {
  /** buildProject: load + validate + compile. */
  ms: number;
  /** Importing the compiler's own modules, before the project is touched. */
  startupMs: number;
  maxRssMb: number;
  resources: number;
  diagnostics: number;
}

/** Writes the project: one hook, KLASSES Klasses, WORKFLOWS hook-triggered workflows of 6 steps each. */
export async function generateProject(root: string): Promise<void> {
  const files: Record<string, string> = {
    'package.json': '{ "type": "module" }\n',
    'kac.config.ts': `import { defineConfig } from '${ENTRY}';\nexport default defineConfig({ namespace: 'bench', environments: { local: { kind: 'local' } } });\n`,
    'workflows/hook.ts': `import { defineHook, payloadOf } from '${ENTRY}';
export interface CallEvent {
  event: 'call.completed' | 'sms.received';
  externalId?: string;
  traits?: { email?: string };
  properties: { call_id: string; talk_time: number | null; started_at?: string; answered?: boolean; recording_link?: string };
}
export default defineHook({ name: 'bench-events', payload: payloadOf<CallEvent>() });
`,
  };
  for (let k = 0; k < KLASSES; k++) {
    files[`klasses/klass-${k}.ts`] = `import { attribute, defineKlass } from '${ENTRY}';
export default defineKlass({
  name: 'bench-klass-${k}',
  icon: 'phone',
  attributes: {
    callId: attribute.string(),
    talkTime: attribute.number(),
    started: attribute.date(),
    answered: attribute.boolean(),
    recording: attribute.url(),
    outcome: attribute.dropdown(['won', 'lost']),
  },
});
`;
  }
  for (let w = 0; w < WORKFLOWS; w++) {
    files[`workflows/flows/flow-${w}.ts`] =
      `import { branch, customer, defineWorkflow, kobject, onHook, when } from '${ENTRY}';
import klass from '../../klasses/klass-${w % KLASSES}.js';
import events from '../hook.js';
export default defineWorkflow({
  name: 'bench-flow-${w}',
  description: 'Generated workflow ${w}',
  trigger: onHook(events),
  steps({ trigger, event, step }) {
    const find = step('find', customer.findByExternalId({ externalId: event.externalId }));
    const pick = step('pick', branch());
    const create = step('create', customer.create({ externalId: event.externalId, email: event.traits.email }));
    const card = (id: string, who: typeof find.out.id) =>
      step(id, kobject.createWithCustomer(klass, {
        customer: who,
        title: \`Call \${event.properties.call_id}\`,
        data: event,
        custom: {
          callIdStr: event.properties.call_id,
          talkTimeNum: event.properties.talk_time,
          startedAt: event.properties.started_at,
          answeredBool: event.properties.answered,
          recordingUrl: event.properties.recording_link,
          outcomeStr: 'won',
        },
      }));
    const found = card('card-found', find.out.id);
    const created = card('card-created', create.out.id);
    const done = step('done', branch());
    trigger.to(find, when.eq(event.event, 'call.completed'), 'call.completed');
    find.to(pick);
    pick.to(found, when.exists(find.out.id), 'found').to(create, when.always(), 'not found');
    create.to(created);
    found.to(done);
    created.to(done);
  },
});
`;
  }
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
}

/** Runs inside the child: the measured work, then one JSON line. */
async function measure(root: string): Promise<void> {
  const t0 = performance.now();
  const { buildProject } = await import(pathToFileURL(join(REPO, 'compiler/build.ts')).href);
  const started = performance.now();
  const build = await buildProject(root);
  const ms = performance.now() - started;
  const m: Measurement = {
    ms,
    startupMs: started - t0,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    resources: build.resources.length,
    diagnostics: build.diagnostics.length,
  };
  process.stdout.write(JSON.stringify(m) + '\n');
}

function runChild(root: string, cache: boolean): Measurement {
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--measure', root], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, ...(cache ? {} : { TSX_DISABLE_CACHE: '1' }) },
  });
  if (child.status !== 0) throw new Error(`bench child failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Measurement;
}

export async function runCompileBench(): Promise<BenchRow[]> {
  const root = await mkdtemp(join(tmpdir(), 'kac-bench-compile-'));
  try {
    await generateProject(root);
    const rows: BenchRow[] = [];
    for (const [label, cache] of [
      ['cold', false],
      ['warm', true],
    ] as const) {
      const m = runChild(root, cache);
      const expected = 1 + 2 * KLASSES + WORKFLOWS;
      if (m.diagnostics !== 0 || m.resources !== expected)
        throw new Error(`compile bench: ${m.diagnostics} diagnostics, ${m.resources}/${expected} resources`);
      const name = `compile ${WORKFLOWS} workflows + ${KLASSES} Klasses (${label})`;
      rows.push({
        bench: name,
        metric: 'load+validate+compile',
        value: `${(m.ms / 1000).toFixed(2)} s`,
        target: `< ${TARGET_MS / 1000} s`,
        pass: m.ms < TARGET_MS,
      });
      rows.push({
        bench: name,
        metric: 'compiler modules import (before it)',
        value: `${(m.startupMs / 1000).toFixed(2)} s`,
        target: '',
      });
      rows.push({
        bench: name,
        metric: 'peak memory (maxRSS)',
        value: `${m.maxRssMb.toFixed(0)} MB`,
        target: `< ${TARGET_MB} MB`,
        pass: m.maxRssMb < TARGET_MB,
      });
    }
    return rows;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--measure') {
  await measure(process.argv[3]!);
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { formatRows } = await import('./row.js');
  process.stdout.write(formatRows(await runCompileBench()) + '\n');
}
