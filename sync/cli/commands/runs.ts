/**
 * `kac runs`: the workflow run logs of the local org (steps taken, outputs, errors), newest last. Read
 * from a running emulator (`--url`, through the emulator-only `GET /__kac/runs`) or
 * from the saved state (`--state`, default .kac/local).
 */
import { resolve } from 'node:path';
import { ExitError } from '../../errors.js';
import { DEFAULT_STATE_DIR } from '../../local-org/defaults.js';
import type { StoredRun } from '../../local-org/store/state.js';
import type { CliIo } from '../io.js';
import { parseNumber } from '../shared.js';
import type { RegisterCommand } from './index.js';

interface RunsOptions {
  workflow?: string;
  limit: number;
  state: string;
  url?: string;
  json?: boolean;
}

async function readRuns(o: RunsOptions, io: CliIo): Promise<StoredRun[]> {
  const url = o.url;
  if (url) {
    const apiKey = io.env.KUSTOMER_API_KEY;
    if (!apiKey) throw new ExitError('KUSTOMER_API_KEY is not set', 1, 'use the token `kac emulator` printed');
    const [{ z }, { createKustomerClient }, { StoredRunSchema }] = await Promise.all([
      import('zod'),
      import('../../providers/kustomer/client/index.js'),
      import('../../local-org/store/state-schema.js'),
    ]);
    const RunsResponseSchema = z.object({ data: z.array(StoredRunSchema) });
    const client = createKustomerClient({ baseUrl: url, apiKey, logger: io.logger, maxRetries: 1 });
    const query = new URLSearchParams({ limit: String(o.limit), ...(o.workflow ? { workflow: o.workflow } : {}) });
    const body = await client.request('GET', `/__kac/runs?${query.toString()}`, { schema: RunsResponseSchema });
    return body.data;
  }
  const dir = resolve(io.cwd, o.state);
  const { loadState } = await import('../../local-org/store/state.js');
  const state = await loadState(dir);
  if (!state)
    throw new ExitError(`no local org state in ${dir}`, 1, 'run `kac emulator` or `kac apply --env local` first');
  const runs = state.runs.filter(
    (r) => !o.workflow || r.log.workflowName === o.workflow || r.log.workflowId === o.workflow,
  );
  return runs.slice(-o.limit);
}

const MAX_VALUE_LENGTH = 200;

function short(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH)}...` : text;
}

/** Plain text: one block per run, one line per step, with its output or error. */
export function renderRuns(runs: readonly StoredRun[]): string {
  if (runs.length === 0) return 'no workflow runs';
  const blocks = runs.map(({ log, eventName }) => {
    const lines = [`${log.startedAt}  ${log.workflowName}  ${log.status}  (run ${log.id}, ${eventName})`];
    for (const step of log.steps) {
      const next = step.next ? ` → ${step.next}${step.transitionLabel ? ` (${step.transitionLabel})` : ''}` : '';
      lines.push(`  ${step.id}${step.action ? ` ${step.action}` : ''}${next}`);
      if (step.error) lines.push(`    error: ${step.error}`);
      else if (step.output !== undefined) lines.push(`    output: ${short(step.output)}`);
    }
    if (log.error) lines.push(`  error: ${log.error}`);
    return lines.join('\n');
  });
  return blocks.join('\n\n');
}

export const registerRuns: RegisterCommand = (program, io) => {
  program
    .command('runs')
    .description('print the workflow run logs of the local Kustomer org: steps taken, outputs, errors')
    .option('--workflow <name>', 'only runs of this workflow (name or id)')
    .option('--limit <n>', 'the last n runs', parseNumber(1), 20)
    .option('--state <dir>', 'the local org state to read', DEFAULT_STATE_DIR)
    .option('--url <baseUrl>', 'read from a running emulator at this address (token from KUSTOMER_API_KEY)')
    .option('--json', 'print the run logs as JSON')
    .action(async (o: RunsOptions) => {
      const runs = await readRuns(o, io);
      io.out(o.json ? JSON.stringify(runs, null, 2) : renderRuns(runs));
    });
};
