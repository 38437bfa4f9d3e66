/**
 * Event and action names kac writes for triggers and calls. What is CONFIRMED or seen in real exports
 * (docs/reference/kustomer-api.md §3.4, test/fixtures/kustomer-real/public/SOURCES.md) and what is
 * INFERRED is said per line; change an inference here, in one place.
 */

/** `kustomer.<conversation|customer|message|note|company>.create|update`: Kustomer's built-in trigger events (§3.4) [C]. */
export function standardEventName(
  object: 'conversation' | 'customer' | 'message' | 'note' | 'company',
  event: 'create' | 'update',
): string {
  return `kustomer.${object}.${event}`;
}

/** `kustomer.kobject.<klass>.create|update` (§3.4) [C]. */
export function kobjectEventName(klass: string, event: 'create' | 'update'): string {
  return `kustomer.kobject.${klass}.${event}`;
}

/**
 * `kustomer.app.<app>.<event>`, e.g. `kustomer.app.calendly_app_61a7….update-event` [R]. An installed
 * private app's name carries an org suffix, so the author writes the name as the org shows it.
 */
export function appEventName(app: string, event: string): string {
  return `kustomer.app.${app}.${event}`;
}

/**
 * A callable workflow's trigger is `{ callable: true, schema, eventName: "kustomer.workflow.<own id>.call" }`
 * [C: the event name, §3.4; R: the trigger's shape, effort_timer and a GET response]. A PUT that sets `callable: true` sends no eventName
 * [R: jessekoconnor/dev-notes], so the server derives it from the workflow's id: kac never writes it
 * and the sync drops it from live callable triggers (sync/providers/kustomer/resources/normalize.ts).
 */
export const CALLABLE_EVENT = /^kustomer\.workflow\.([^.]+)\.call$/;

/**
 * The step that calls a callable workflow runs the action `kustomer.workflow.<callee id>.call`
 * [issue 10, by analogy with the call event]; its params ARE the callee's inputs, as the scheduler's
 * `inputs` and `POST /v1/workflows/{id}/call` `{ inputs }` carry them [INFERRED: no export of a call
 * step has been seen].
 */
export function callActionName(calleeId: string): string {
  return `kustomer.workflow.${calleeId}.call`;
}
