/**
 * `npm start`: the whole loop on a fresh clone, no credentials. Compile (dist/), plan, apply to the
 * local Kustomer org (state kept in .kac/local), plan again, post the Regal sample events to the hook,
 * and show the customer timeline they produced. A second run has nothing new to apply.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import pc from 'picocolors';
import { z } from 'zod';
import { formatDiagnostic } from '../compiler/diagnostics.js';
import { createProgress } from '../sync/apply/progress.js';
import { DiagnosticsError } from '../sync/errors.js';
import { redact, type Logger } from '../sync/logger.js';
import type { KustomerClient } from '../sync/providers/kustomer/client/index.js';
import { runApply } from '../sync/operations/apply.js';
import { runCompile } from '../sync/operations/compile.js';
import { readLive } from '../sync/operations/plan.js';
import { withEnvironment } from '../sync/operations/project.js';
import { describeCustomer, findCustomer } from '../sync/inspect/timeline.js';
import { renderApplyResult, renderVerification } from '../sync/report/apply-text.js';
import { renderPlanText } from '../sync/report/plan-text.js';
import { summarizePlan } from '../sync/report/summary.js';

const root = new URL('..', import.meta.url).pathname;
const SAMPLES = 'test/fixtures/regal';
const color = Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env);
const c = pc.createColors(color);
const say = (text = '') => void process.stdout.write(redact(text) + '\n');
const step = (n: number, title: string) => say(`\n${c.bold(c.cyan(`${n}. ${title}`))}`);
const logger: Logger = {
  info: (m) => say(c.dim(`   ${m}`)),
  warn: (m) => say(c.yellow(`   warning: ${m}`)),
  error: (m) => say(c.red(`   error: ${m}`)),
  debug: () => {},
};

say(c.bold('kac demo: git → plan → apply → events → customer timeline, against the local Kustomer org'));

step(1, 'Compile klasses/ and workflows/');
let warnings = 0;
const compiled = await runCompile(root, join(root, 'dist'), () => void warnings++).catch((error: unknown) => {
  if (!(error instanceof DiagnosticsError)) throw error;
  for (const d of error.diagnostics.filter((x) => x.severity === 'error')) say(formatDiagnostic(d));
  say(c.red('The definitions have errors; fix them and run npm start again (npx kac validate lists them).'));
  process.exit(1);
});
const { build, write: written } = compiled;
say(
  `   ${build.resources.length} resources + manifest → dist/: ${written.written + written.unchanged} files (${written.written} written, ${written.unchanged} unchanged${written.removed ? `, ${written.removed} stale removed` : ''}), ${warnings} warning(s) (npx kac validate shows them)`,
);

const context = { logger, env: process.env };
await withEnvironment(
  { config: build.config, desired: build.resources, name: 'local', root, ...context },
  async (env) => {
    step(2, `Plan against the ${env.target} (state in .kac/local)`);
    const progress = createProgress({
      write: (l) => process.stderr.write(l + '\n'),
      tty: Boolean(process.stderr.isTTY),
      color,
      intervalMs: 50,
    });
    const outcome = await runApply(
      env,
      { namespace: build.config.namespace, desired: build.resources, allowDestroy: false },
      {
        ...context,
        onPlan: (plan) => {
          say(indent(renderPlanText(plan, { color, compact: true })));
          step(3, 'Apply');
        },
        onEvent: process.stderr.isTTY ? progress.onEvent : () => {},
      },
    );
    if (outcome.status === 'nothing-to-apply') say('   Nothing to apply: the local org already matches git.');
    else {
      progress.finish();
      say(indent(renderApplyResult(outcome.result, { color })));
    }
    step(4, 'Plan again');
    const again = outcome.status === 'applied' ? outcome.verification! : outcome.plan;
    const s = summarizePlan(again);
    const manual = s.manual
      ? ` ${s.manual} Iterable journey webhook(s) wait to be set up by hand in Iterable: npx kac plan prints the paste-ready steps.`
      : '';
    say(
      `   ${s.pending - s.manual === 0 ? c.green(`Nothing to apply to the org: ${s.unchanged} resource(s) match git.`) : indent(renderVerification(again, { color })).trimStart()}${manual}`,
    );

    step(5, 'Post the Regal sample events to the hook');
    const hookKey = build.resources.find((r) => r.kind === 'kustomer.hook')?.key;
    const hook = (await readLive(env.providers, { logger })).find(
      (l) => l.kind === 'kustomer.hook' && l.key === hookKey,
    );
    if (!hook?.outputs.url) throw new Error(`the hook ${hookKey ?? '(none in git)'} is not in the local org`);
    say(`   hook ${hook.key}: ${hook.outputs.url}`);
    const files = (await readdir(join(root, SAMPLES)))
      .filter((f) => f.endsWith('.json') && !f.includes('.reporting.'))
      .sort();
    const runsBefore = (await env.local?.runs())?.length ?? 0;
    const postedAt = new Date(Date.now() - 1000).toISOString();
    const externalIds = new Set<string>();
    for (const file of files) {
      const body = await readFile(join(root, SAMPLES, file), 'utf8');
      const parsed = JSON.parse(body) as { externalId?: string; userId?: string };
      const id = parsed.externalId ?? parsed.userId;
      if (id) externalIds.add(id);
      const res = await fetch(hook.outputs.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${env.local!.token}` },
        body,
      });
      await res.arrayBuffer();
      say(`   ${relative(root, join(root, SAMPLES, file))} → ${res.status}`);
    }
    const runs = ((await env.local?.runs()) ?? []).slice(runsBefore);
    const failed = runs.filter((r) => JSON.stringify(r.log).includes('"status":"failed"'));
    say(
      `   ${runs.length} workflow run(s)${failed.length ? c.red(`, ${failed.length} failed`) : ''}: every workflow on the hook sees every event; its trigger condition decides whether it acts.`,
    );

    step(6, 'The customer timeline those events produced');
    await showTimeline(
      env.client,
      [...externalIds],
      build.resources.filter((r) => r.kind === 'kustomer.klass').map((r) => r.key),
      postedAt,
    );

    const customer = [...externalIds][0];
    say(`\n${c.bold('Next')}:`);
    say(
      `   ${c.cyan('npx kac studio --open')}    the local org in your browser: workflow graphs, this customer's cards, each card's run log, the plan`,
    );
    say(
      `   ${c.cyan(`npx kac timeline${customer ? ` ${customer}` : ''}`)}${customer ? '' : ' <email>'}    the same timeline in the terminal (by id, email, phone or external id; --json)`,
    );
    say(
      `   ${c.cyan('npx kac hooks')}            each hook's URL and a ready curl line; ${c.cyan('npx kac runs --workflow regal-call-completed --limit 5')} shows the call workflow's latest runs step by step (the card's among them)`,
    );
    say(
      `   edit a workflow under workflows/regal, then ${c.cyan('npx kac plan')} shows the change and ${c.cyan('npx kac apply')} makes it.`,
    );
  },
);

async function showTimeline(
  client: KustomerClient,
  externalIds: string[],
  klasses: string[],
  since: string,
): Promise<void> {
  const KObjectSchema = z.looseObject({ title: z.string().nullish(), createdAt: z.string().optional() });
  for (const externalId of externalIds) {
    const customer = (await findCustomer(client, externalId).catch(() => undefined))?.customer;
    if (!customer) {
      say(`   no customer with externalId ${externalId}`);
      continue;
    }
    // The same header as `kac timeline`: name, external id, emails, phones, customer id.
    const name = customer.name ?? '(no name)';
    say(`   ${c.bold(name)}${describeCustomer(customer).slice(name.length)}`);
    const cards: { klass: string; title: string; at: string }[] = [];
    for (const klass of klasses) {
      for (const k of await client.list(`/v1/customers/${customer.id}/klasses/${klass}`, KObjectSchema)) {
        cards.push({ klass, title: k.attributes.title ?? '(untitled)', at: k.attributes.createdAt ?? '' });
      }
    }
    cards.sort((x, y) => (x.at < y.at ? -1 : 1));
    for (const card of cards) {
      const when = card.at.slice(0, 19).replace('T', ' ');
      say(
        `     ${c.dim(when)}  ${card.klass.padEnd(24)} ${card.title}${card.at < since ? c.dim('  (from an earlier run)') : ''}`,
      );
    }
    if (cards.length === 0) say('     (no KObjects)');
    else if (cards.every((k) => k.at < since))
      say(c.dim('     No new card: the re-sent events were recognised by their KObject externalId.'));
  }
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => (l ? `   ${l}` : l))
    .join('\n');
}
