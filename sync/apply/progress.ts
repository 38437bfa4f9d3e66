/**
 * Apply progress for people: on a TTY one line, rewritten in place, with done/total per kind;
 * elsewhere (CI logs) one line per finished change. Takes a line writer; never touches stdout itself.
 */
import pc from 'picocolors';
import type { ResourceKind } from '../../compiler/resource.js';
import type { ApplyEvent } from './apply-plan.js';

export interface ProgressOptions {
  write: (line: string) => void;
  tty: boolean;
  color: boolean;
  /** Minimum ms between TTY redraws. */
  intervalMs?: number;
}

const SHORT: Record<ResourceKind, string> = {
  'kustomer.hook': 'hooks',
  'kustomer.klass': 'Klasses',
  'kustomer.klass-attributes': 'attributes',
  'kustomer.standard-attributes': 'standard attributes',
  'kustomer.workflow': 'workflows',
  'kustomer.outbound-webhook': 'outbound webhooks',
  'iterable.journey-webhook': 'Iterable webhooks',
};

export function createProgress(options: ProgressOptions): { onEvent: (e: ApplyEvent) => void; finish: () => void } {
  const c = pc.createColors(options.color);
  let total: Partial<Record<ResourceKind, number>> = {};
  const done: Partial<Record<ResourceKind, number>> = {};
  let drawn = false;
  let last = 0;
  const line = () =>
    'applying: ' +
    (Object.keys(total) as ResourceKind[]).map((k) => `${SHORT[k]} ${done[k] ?? 0}/${total[k]}`).join(' · ');
  const draw = (force = false) => {
    const now = Date.now();
    if (!force && now - last < (options.intervalMs ?? 100)) return;
    last = now;
    options.write((drawn ? '\x1b[1A\x1b[2K' : '') + line());
    drawn = true;
  };
  return {
    onEvent(e) {
      if (e.type === 'start') {
        total = e.total;
        if (options.tty && Object.keys(total).length) draw(true);
        return;
      }
      const r = e.result;
      done[r.resource.kind] = (done[r.resource.kind] ?? 0) + 1;
      if (options.tty) draw();
      else {
        const mark = r.status === 'applied' ? c.green('ok  ') : c.red('FAIL');
        options.write(
          `${mark} ${r.change} ${r.resource.kind} ${r.resource.key}${r.status === 'applied' ? '' : `: ${r.message ?? r.status}`}`,
        );
      }
    },
    finish() {
      if (options.tty && drawn) draw(true);
    },
  };
}
