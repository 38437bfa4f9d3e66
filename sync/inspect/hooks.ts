/**
 * The org's inbound hooks as a user needs them: each hook's URL, the workflows it triggers, and a
 * ready `curl` line. Reads through the Kustomer client, so it works against the local org and a real
 * one alike. The curl line names the variable holding the key (`$KUSTOMER_API_KEY`), never its value.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { KustomerClient } from '../providers/kustomer/client/index.js';
import { listHooks } from '../providers/kustomer/resources/hook.js';
import { listWorkflows } from '../providers/kustomer/resources/workflow.js';

export interface HookInfo {
  name: string;
  kind: 'web' | 'form';
  /** The address to POST to, as the org reports it; undefined when the org reports none. */
  url?: string;
  eventName: string;
  /** Workflows whose trigger is this hook, with whether they run. */
  workflows: { name: string; enabled: boolean }[];
}

/** Every web and form hook of the org, by name, with the workflows each triggers. */
export async function readHooks(client: KustomerClient): Promise<HookInfo[]> {
  const [web, form, workflows] = await Promise.all([
    listHooks(client, 'web'),
    listHooks(client, 'form'),
    listWorkflows(client),
  ]);
  const triggered = (eventName: string) =>
    workflows
      .filter((w) => (w.attributes as { trigger?: { eventName?: string } }).trigger?.eventName === eventName)
      .map((w) => ({ name: w.attributes.name, enabled: w.attributes.enabled === true }))
      .sort((a, b) => a.name.localeCompare(b.name));
  const info =
    (kind: 'web' | 'form') =>
    (h: (typeof web)[number]): HookInfo => ({
      name: h.attributes.name,
      kind,
      ...(h.attributes.url ? { url: h.attributes.url } : {}),
      eventName: h.attributes.eventName,
      workflows: triggered(h.attributes.eventName),
    });
  return [...web.map(info('web')), ...form.map(info('form'))].sort((a, b) => a.name.localeCompare(b.name));
}

export interface CurlOptions {
  /** The variable that holds the key a web hook needs, e.g. KUSTOMER_API_KEY. Never the value. */
  keyVar: string;
  /** The JSON to send: `@file` or a literal. */
  data: string;
}

/** A paste-ready curl line. Web hooks need `Authorization: Bearer <key>`; form hooks need none. */
export function curlLine(hook: Pick<HookInfo, 'kind' | 'url'>, o: CurlOptions): string {
  const auth = hook.kind === 'web' ? ` -H "Authorization: Bearer $${o.keyVar}"` : '';
  const data = o.data.startsWith('@') ? o.data : `'${o.data.replace(/'/g, `'\\''`)}'`;
  return `curl -sS -X POST "${hook.url ?? '<hook url>'}"${auth} -H 'Content-Type: application/json' --data ${data}`;
}

/** The repo's sample Regal event when the project has it, else a one-line JSON body. */
export function sampleData(root: string): string {
  const sample = 'test/fixtures/regal/call.completed.json';
  return existsSync(join(root, sample)) ? `@${sample}` : '{"event":"test","externalId":"demo-1"}';
}

export interface RenderHooksOptions extends CurlOptions {
  /** One line telling where the key comes from, printed once above the hooks. */
  keyHint?: string;
  /**
   * The org's base URL when it stops with this command (an in-process local org): URLs are then
   * written against `$KUSTOMER_BASE_URL`, which `kac emulator` prints, so the curl line still works.
   */
  ephemeralBaseUrl?: string;
}

/** Text for terminals: one block per hook, URL, workflows, curl line. */
export function renderHooks(hooks: readonly HookInfo[], o: RenderHooksOptions): string {
  if (hooks.length === 0) return 'No hooks in this org yet: `kac apply` creates the ones defined in git.';
  const lines = ["Hooks (POST a JSON event to a hook's URL, as Regal does):"];
  if (o.ephemeralBaseUrl) {
    lines.push('  The local org runs only while a kac command does: start it with `npx kac emulator --port 4000`,');
    lines.push(
      '  then export the KUSTOMER_BASE_URL and KUSTOMER_API_KEY lines it prints, and these lines work as they are.',
    );
  } else if (o.keyHint && hooks.some((h) => h.kind === 'web')) lines.push(`  ${o.keyHint}`);
  for (const raw of hooks) {
    const h =
      o.ephemeralBaseUrl && raw.url ? { ...raw, url: raw.url.replace(o.ephemeralBaseUrl, '$KUSTOMER_BASE_URL') } : raw;
    const on = h.workflows.filter((w) => w.enabled).map((w) => w.name);
    const off = h.workflows.filter((w) => !w.enabled).map((w) => w.name);
    const what = on.length ? `triggers ${on.join(', ')}` : 'triggers no enabled workflow';
    lines.push(`  ${h.name} (${h.kind} hook): ${what}${off.length ? ` (disabled: ${off.join(', ')})` : ''}`);
    lines.push(`    ${h.url ?? '(the org reports no URL for this hook)'}`);
    if (h.url) lines.push(`    ${curlLine(h, o)}`);
  }
  return lines.join('\n');
}
