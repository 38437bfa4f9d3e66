/**
 * Pure. The read-only journeys check: what Iterable's API can tell about each template's journey
 * (it exists, is enabled, and, for custom-event triggers, is triggered by the declared event).
 * Profile-field triggers are not exposed by the API, so they are reported as not checkable.
 */
import type { Resource } from '../../../compiler/resource.js';
import type { Finding } from '../provider.js';
import type { IterableJourney } from './client.js';

interface TemplateJourney {
  journey: string;
  trigger: { kind: string; event?: string; field?: string };
}

function journeyOf(resource: Resource): TemplateJourney | undefined {
  const { journey, trigger } = resource.body as { journey?: unknown; trigger?: unknown };
  if (typeof journey !== 'string' || typeof trigger !== 'object' || trigger === null) return undefined;
  return { journey, trigger: trigger as TemplateJourney['trigger'] };
}

export function checkJourneys(desired: readonly Resource[], journeys: readonly IterableJourney[]): Finding[] {
  const findings: Finding[] = [];
  for (const resource of desired) {
    if (resource.kind !== 'iterable.journey-webhook') continue;
    const t = journeyOf(resource);
    if (!t) continue;
    const at = { kind: resource.kind, key: resource.key };
    const named = journeys.filter((j) => j.name === t.journey && !j.isArchived);
    if (named.length === 0) {
      findings.push({
        severity: 'error',
        resource: at,
        message: `journey "${t.journey}" does not exist in Iterable (or is archived): create it and add the webhook "${resource.key}"`,
      });
      continue;
    }
    if (named.length > 1) {
      findings.push({
        severity: 'warning',
        resource: at,
        message: `${named.length} journeys are named "${t.journey}" (ids ${named.map((j) => j.id).join(', ')}): the webhook must be in the right one`,
      });
    }
    const journey = named.find((j) => j.enabled) ?? named[0]!;
    if (!journey.enabled) {
      findings.push({
        severity: 'warning',
        resource: at,
        message: `journey "${t.journey}" (id ${journey.id}) is disabled: "${resource.key}" sends nothing to Regal until it is enabled`,
      });
    }
    if (t.trigger.kind === 'custom-event' && t.trigger.event !== undefined) {
      const events = journey.triggerEventNames ?? [];
      if (!events.includes(t.trigger.event)) {
        const actual = events.length === 0 ? 'no custom event' : events.map((e) => `"${e}"`).join(', ');
        findings.push({
          severity: 'error',
          resource: at,
          message: `journey "${t.journey}" (id ${journey.id}) is triggered by ${actual}, not by "${t.trigger.event}"`,
        });
      }
    } else if (t.trigger.kind === 'profile-field-updated') {
      findings.push({
        severity: 'info',
        resource: at,
        message: `journey "${t.journey}" (id ${journey.id}) exists; its "${t.trigger.field}" profile-field trigger is not visible through Iterable's API: check it in Iterable`,
      });
    }
  }
  return findings;
}
