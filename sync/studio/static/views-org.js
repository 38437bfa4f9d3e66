// The org side: customers and their timelines (kept live by polling), run logs, the plan.
import { api, h, json, pre, status, table, when } from './dom.js';
import { renderFlowchart } from './graph.js';
import { graphPanel } from './graph-panel.js';

const ICONS = {
  phone: '☎',
  call: '☎',
  message: '✉',
  sms: '✉',
  chat: '✉',
  email: '✉',
  mail: '✉',
  user: '☺',
  account: '☺',
  contact: '☺',
  person: '☺',
};
const glyph = (icon) => ICONS[Object.keys(ICONS).find((k) => (icon ?? '').toLowerCase().includes(k))] ?? '●';
const POLL_MS = 2000;

export async function customersView(main, [id], ctx) {
  const input = h('input', {
    id: 'customer-q',
    type: 'search',
    name: 'q',
    placeholder: 'name, email, phone or external id',
    autocomplete: 'off',
  });
  const results = h('div', { 'aria-live': 'polite' });
  const form = h(
    'form.search',
    { role: 'search' },
    h('label', { for: 'customer-q' }, 'Find a customer'),
    input,
    h('button', { type: 'submit' }, 'Search'),
  );
  const search = async () => {
    const found = await api(`customers?q=${encodeURIComponent(input.value)}`);
    results.replaceChildren(
      found.length
        ? h(
            'ul.list',
            {},
            found.map((c) =>
              h(
                'li',
                {},
                h(
                  'a',
                  { href: `#/customers/${c.id}`, 'aria-current': c.id === id ? 'page' : null },
                  c.name ?? '(no name)',
                ),
                h('span.meta', {}, ` ${[c.externalId, ...c.emails, ...c.phones].filter(Boolean).join(' · ')}`),
              ),
            ),
          )
        : h(
            'p.meta',
            {},
            ctx.readOnly
              ? 'No customer matches: in a real org, search by exact email, phone, external id or id.'
              : 'No customer matches.',
          ),
    );
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    search().catch((error) => results.replaceChildren(h('p.error', { role: 'alert' }, error.message)));
  });
  const timeline = h('section.timeline-box', { 'aria-labelledby': 'tl-title' });
  main.append(h('h2', {}, 'Customers'), h('div.split', {}, h('div.side', {}, form, results), timeline));
  if (!ctx.readOnly) await search();
  if (id) await showTimeline(timeline, id, ctx);
  else
    timeline.append(
      h('h3', { id: 'tl-title' }, 'Timeline'),
      h('p.meta', {}, 'Select a customer to see their cards, newest first.'),
    );
}

async function showTimeline(box, id, ctx) {
  let shown = '';
  const render = async () => {
    const { customer, cards } = await api(`customers/${id}/timeline`);
    const signature = cards.map((c) => c.id).join(',');
    if (signature === shown) return;
    const fresh = shown ? cards.filter((c) => !shown.includes(c.id)).length : 0;
    shown = signature;
    box.replaceChildren(
      h('h3', { id: 'tl-title' }, customer.name ?? '(no name)'),
      h(
        'p.meta',
        {},
        [
          customer.externalId && `external id ${customer.externalId}`,
          ...customer.emails,
          ...customer.phones,
          `customer ${customer.id}`,
        ]
          .filter(Boolean)
          .join(' · '),
      ),
      h(
        'p.meta',
        {},
        ctx.readOnly
          ? 'Newest first (read from the org when you refresh).'
          : 'Newest first; new cards appear as events arrive.',
      ),
      cards.length
        ? h('ol.cards', { 'aria-label': 'Timeline, newest first' }, cards.map(card))
        : h('p', {}, 'No KObjects on this timeline yet.'),
    );
    if (fresh) status(`${fresh} new card(s) on ${customer.name ?? 'the timeline'}`);
  };
  await render();
  // A real org's request budget is shared with everything else that uses it: no polling there.
  if (ctx.readOnly)
    return void box.previousElementSibling?.append(
      h('button', { type: 'button', onclick: () => render().catch((e) => status(e.message)) }, 'Refresh the timeline'),
    );
  const route = location.hash;
  const tick = async () => {
    if (location.hash !== route) return;
    await render().catch(() => {});
    setTimeout(tick, POLL_MS);
  };
  setTimeout(tick, POLL_MS);
}

function card(c) {
  const color = c.klass.color ?? '#666';
  const attrs = Object.keys(c.custom).sort();
  return h(
    'li.card',
    { style: { borderLeftColor: color }, 'data-card': c.id },
    h(
      'div.card-head',
      {},
      h(
        'span.icon',
        { style: { background: color }, 'aria-hidden': 'true', title: c.klass.icon ?? '' },
        glyph(c.klass.icon),
      ),
      h(
        'div',
        {},
        h('h4', {}, c.title),
        h('p.meta', {}, `${c.klass.displayName ?? c.klass.name} · ${when(c.createdAt)}`),
      ),
    ),
    c.description ? h('p.desc', {}, c.description) : null,
    h(
      'details',
      {},
      h('summary', {}, `${attrs.length} attribute(s)`),
      h(
        'dl.attrs',
        {},
        attrs.flatMap((k) => [
          h('dt', {}, k),
          h('dd', {}, typeof c.custom[k] === 'string' ? c.custom[k] : JSON.stringify(c.custom[k])),
        ]),
      ),
    ),
    c.runId
      ? h('p', {}, h('a.run-link', { href: `#/runs/${c.runId}` }, 'Run log of the workflow that made this card'))
      : null,
  );
}

export async function runsView(main, [id], ctx) {
  main.append(h('h2', {}, 'Runs'));
  if (ctx.readOnly)
    return void main.append(
      h('p', {}, 'Kustomer shows run logs only in its own UI; the studio shows them for the local org.'),
    );
  if (id) return runDetail(main, await api(`runs/${id}`));
  const runs = await api('runs');
  main.append(
    runs.length
      ? table(
          'Workflow runs, newest first',
          ['started', 'workflow', 'status', 'steps', ''],
          runs.map((r) => [
            when(r.startedAt),
            r.workflowName,
            h(`span.st-${r.status}`, {}, r.status),
            String(r.steps),
            h('a', { href: `#/runs/${r.id}` }, 'run log'),
          ]),
        )
      : h('p', {}, 'No runs yet: post an event to a hook.'),
  );
}

function runDetail(main, run) {
  const { log } = run;
  main.append(
    ...[
      h('h3', {}, `${log.workflowName} `, h(`span.st-${log.status}`, {}, log.status)),
      h(
        'p.meta',
        {},
        `run ${log.id} · ${when(log.startedAt)} → ${when(log.finishedAt)} · ${run.eventName} · `,
        h('a', { href: `#/workflows/${encodeURIComponent(log.workflowName)}` }, 'workflow graph'),
      ),
      log.error ? h('p.error', { role: 'alert' }, log.error) : null,
      h(
        'ol.steps',
        { 'aria-label': 'Steps in the order they ran' },
        log.steps.map((s) =>
          h(
            'li.step',
            {},
            h('h4', {}, s.id === '1' ? 'trigger' : s.id, s.action ? [' ', h('code', {}, s.action)] : null),
            log.status === 'no-match' && s.id === '1'
              ? h('p.meta', {}, 'No trigger condition held for this event, so the workflow did nothing.')
              : null,
            s.params !== undefined
              ? h('details', {}, h('summary', {}, 'inputs (resolved params)'), pre(json(s.params)))
              : null,
            s.output !== undefined ? h('details', {}, h('summary', {}, 'output'), pre(json(s.output))) : null,
            s.error ? h('p.error', {}, `error: ${s.error}`) : null,
            h(
              'p.meta',
              {},
              s.next ? `→ ${s.next}${s.transitionLabel ? ` (${s.transitionLabel})` : ''}` : 'run ends here',
            ),
          ),
        ),
      ),
      h('p', {}, h('a', { href: '#/runs' }, 'All runs')),
    ].filter(Boolean),
  );
}

export async function planView(main, _args, ctx) {
  main.append(
    h('h2', {}, `Plan against ${ctx.env.name}`),
    h('p.meta', {}, `What kac apply would change in ${ctx.env.target}. Nothing is changed from this page.`),
  );
  const box = h('div', { 'aria-live': 'polite' }, h('p', {}, 'Reading the org…'));
  main.append(box);
  const plan = await api('plan');
  box.replaceChildren(
    table('Plan summary', Object.keys(plan.counts), [Object.values(plan.counts).map(String)]),
    ...plan.workflows.map((w) =>
      h(
        'figure.graph-box',
        {},
        h('figcaption', {}, `Workflow ${w.name} as it would be`),
        graphPanel(renderFlowchart(w.mermaid, { title: `Planned graph of ${w.name}` }), `planned graph of ${w.name}`),
      ),
    ),
    pre(plan.text, 'plan text'),
  );
}
