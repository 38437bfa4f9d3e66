/**
 * Pure. The paste-and-confirm steps for one template, as plan's manual-change instructions: every
 * value exactly as entered in Iterable, the secret as its placeholder, then the confirm command.
 */
import type { Resource } from '../../../compiler/resource.js';

export function renderIterableInstructions(resource: Resource): string {
  const b = resource.body as {
    name?: string;
    journey?: string;
    trigger?: { kind?: string; field?: string; event?: string };
    method?: string;
    endpoint?: string;
    headers?: Record<string, string>;
    sendEmailAndWorkflowId?: boolean;
    body?: string;
    sha256?: string;
  };
  const trigger =
    b.trigger?.kind === 'custom-event'
      ? `Custom Event "${b.trigger.event}"`
      : `User Profile Field Updated "${b.trigger?.field ?? ''}"`;
  const headers = Object.entries(b.headers ?? {}).map(([k, v]) => `     ${k}: ${v}`);
  return [
    `In Iterable, Integrations > Journey Webhooks, create or edit the webhook "${b.name ?? resource.key}":`,
    `  1. Method ${b.method ?? 'POST'}, endpoint ${b.endpoint ?? ''}`,
    `  2. Headers (values in angle brackets come from the environment, never from git):`,
    ...headers,
    `  3. "Send email and workflowId": ${b.sendEmailAndWorkflowId ? 'checked' : 'unchecked'}`,
    `  4. Body (JSON), pasted exactly:`,
    ...(b.body ?? '').split('\n').map((l) => `     ${l}`),
    `  5. Journey "${b.journey ?? ''}", trigger ${trigger}: its webhook tile calls "${b.name ?? resource.key}".`,
    `Then record it: kac iterable confirm ${resource.key}   (sha256 ${b.sha256 ?? '?'}), and commit workflows/iterable/confirmations.json.`,
  ].join('\n');
}
