/**
 * `npm start`: the whole loop on a fresh clone, no credentials. Compile (dist/), plan, apply to the
 * local Kustomer org (state kept in .kac/local), plan again, post the Regal sample events to the hook,
 * and show the customer timeline they produced. A second run has nothing new to apply.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import pc from 'picocolors';
import { z } from 'zod';
import { buildProject } from '../compiler/build.js';
import { renderDist } from '../compiler/compile/dist.js';
import { formatDiagnostic, hasErrors } from '../compiler/diagnostics.js';
import { applyPlan } from '../sync/apply/apply-plan.js';
import { createProgress } from '../sync/apply/progress.js';
import { writeDist } from '../sync/cli/commands/compile.js';
import { resolveEnvironment } from '../sync/env/resolve-environment.js';
import { redact, type Logger } from '../sync/logger.js';
import { makePlan, readLive } from '../sync/plan/make-plan.js';
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
const build = await buildProject(root);
for (const d of build.diagnostics.filter((x) => x.severity === 'error')) say(formatDiagnostic(d));
if (hasErrors(build.diagnostics)) {
  say(c.red('The definitions have errors; fix them and run npm start again (npx kac validate lists them).'));
  process.exit(1);
}
const written = await writeDist(join(root, 'dist'), renderDist(build.resources));
say(`   ${build.resources.length} resources → dist/ (${written.written} written, ${written.unchanged} unchanged), ${build.diagnostics.length} warning(s) (npx kac validate shows them)`);

const env = await resolveEnvironment({ config: build.config, name: 'local', root, env: process.env, logger, desired: build.resources });
try {
  step(2, `Plan against the ${env.target} (state in .kac/local)`);
  const planOptions = { namespace: build.config.namespace, desired: build.resources, environment: env, env: process.env, logger };
  const { plan, live } = await makePlan(planOptions);
  say(indent(renderPlanText(plan, { color, compact: true })));

  step(3, 'Apply');
  const executable = plan.changes.filter((x) => x.kind !== 'noop' && x.kind !== 'manual').length;
  if (executable === 0) say('   Nothing to apply: the local org already matches git.');
  else {
    const progress = createProgress({ write: (l) => process.stderr.write(l + '\n'), tty: Boolean(process.stderr.isTTY), color, intervalMs: 50 });
    const result = await applyPlan(plan, {
      providers: env.byKind,
      live,
      refetchLive: () => readLive(env.providers, { logger }),
      secret: (name) => env.secret(name),
      allowDestroy: false,
      logger,
      onEvent: process.stderr.isTTY ? progress.onEvent : () => {},
    });
    progress.finish();
    say(indent(renderApplyResult(result, { color })));
  }

  step(4, 'Plan again');
  const { plan: again } = await makePlan({ ...planOptions, inspect: false });
  const s = summarizePlan(again);
  const manual = s.manual ? ` ${s.manual} Iterable journey webhook(s) wait to be set up by hand in Iterable: npx kac plan prints the paste-ready steps.` : '';
  say(`   ${s.pending - s.manual === 0 ? c.green(`Nothing to apply to the org: ${s.unchanged} resource(s) match git.`) : indent(renderVerification(again, { color })).trimStart()}${manual}`);

  step(5, 'Post the Regal sample events to the hook');
  const hookKey = build.resources.find((r) => r.kind === 'kustomer.hook')?.key;
  const hook = (await readLive(env.providers, { logger })).find((l) => l.kind === 'kustomer.hook' && l.key === hookKey);
  if (!hook?.outputs.url) throw new Error(`the hook ${hookKey ?? '(none in git)'} is not in the local org`);
  say(`   hook ${hook.key}: ${hook.outputs.url}`);
  const files = (await readdir(join(root, SAMPLES))).filter((f) => f.endsWith('.json') && !f.includes('.reporting.')).sort();
  const runsBefore = env.localOrg?.runs().length ?? 0;
  const postedAt = new Date(Date.now() - 1000).toISOString();
  const externalIds = new Set<string>();
  for (const file of files) {
    const body = await readFile(join(root, SAMPLES, file), 'utf8');
    const parsed = JSON.parse(body) as { externalId?: string; userId?: string };
    const id = parsed.externalId ?? parsed.userId;
    if (id) externalIds.add(id);
    const res = await fetch(hook.outputs.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${env.localOrg!.token}` }, body });
    await res.arrayBuffer();
    say(`   ${relative(root, join(root, SAMPLES, file))} → ${res.status}`);
  }
  const runs = (env.localOrg?.runs() ?? []).slice(runsBefore);
  const failed = runs.filter((r) => JSON.stringify(r.log).includes('"status":"failed"'));
  say(`   ${runs.length} workflow run(s)${failed.length ? c.red(`, ${failed.length} failed`) : ''}: every workflow on the hook sees every event; its trigger condition decides whether it acts.`);

  step(6, 'The customer timeline those events produced');
  await showTimeline([...externalIds], build.resources.filter((r) => r.kind === 'kustomer.klass').map((r) => r.key), postedAt);

  const customer = [...externalIds][0];
  say(`\n${c.bold('Next')}:`);
  say(`   ${c.cyan('npx kac studio --open')}    the local org in your browser: workflow graphs, this customer's cards, each card's run log, the plan`);
  say(`   ${c.cyan(`npx kac timeline${customer ? ` ${customer}` : ''}`)}${customer ? '' : ' <email>'}    the same timeline in the terminal (by id, email, phone or external id; --json)`);
  say(`   ${c.cyan('npx kac hooks')}            each hook's URL and a ready curl line; ${c.cyan('npx kac runs')} shows each workflow run step by step`);
  say(`   edit a workflow under workflows/regal, then ${c.cyan('npx kac plan')} shows the change and ${c.cyan('npx kac apply')} makes it.`);
} finally {
  await env.close();
}

async function showTimeline(externalIds: string[], klasses: string[], since: string): Promise<void> {
  const CustomerSchema = z.looseObject({ name: z.string().nullish(), externalId: z.string().nullish(), emails: z.array(z.looseObject({ email: z.string() })).optional() });
  const KObjectSchema = z.looseObject({ title: z.string().nullish(), createdAt: z.string().optional() });
  for (const externalId of externalIds) {
    const customer = await env.client.get(`/v1/customers/externalId=${encodeURIComponent(externalId)}`, CustomerSchema).catch(() => undefined);
    if (!customer) {
      say(`   no customer with externalId ${externalId}`);
      continue;
    }
    const a = customer.attributes;
    say(`   ${c.bold(a.name ?? '(no name)')}  externalId ${externalId}${a.emails?.[0] ? `, ${a.emails[0].email}` : ''}`);
    const cards: { klass: string; title: string; at: string }[] = [];
    for (const klass of klasses) {
      for (const k of await env.client.list(`/v1/customers/${customer.id}/klasses/${klass}`, KObjectSchema)) {
        cards.push({ klass, title: k.attributes.title ?? '(untitled)', at: k.attributes.createdAt ?? '' });
      }
    }
    cards.sort((x, y) => (x.at < y.at ? -1 : 1));
    for (const card of cards) {
      const when = card.at.slice(0, 19).replace('T', ' ');
      say(`     ${c.dim(when)}  ${card.klass.padEnd(24)} ${card.title}${card.at < since ? c.dim('  (from an earlier run)') : ''}`);
    }
    if (cards.length === 0) say('     (no KObjects)');
    else if (cards.every((k) => k.at < since)) say(c.dim('     No new card: the re-sent events were recognised by their KObject externalId.'));
  }
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => (l ? `   ${l}` : l))
    .join('\n');
}
