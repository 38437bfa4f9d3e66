// The git side: workflows (graph, steps, source), Klasses and attributes, hooks with the event form.
import { api, h, json, pre, source, status, table } from './dom.js';
import { renderFlowchart } from './graph.js';
import { graphPanel } from './graph-panel.js';

const stepAnchor = (wf, id) => `#/workflows/${encodeURIComponent(wf)}/step/${encodeURIComponent(id)}`;

/**
 * The step a graph node stands for. The plan's flowchart names its nodes s0, s1 … in the order of the
 * workflow's steps (trigger first), which is the order of `steps` here; the label is the fallback.
 */
function stepOfNode(steps, node) {
  const n = /^s(\d+)$/.exec(node.id);
  if (n && steps[Number(n[1])]) return steps[Number(n[1])];
  return steps.find((s) => node.label === s.id || (s.displayName && node.label.startsWith(s.displayName)));
}

export async function workflowsView(main, [name, , stepId]) {
  const workflows = await api('workflows');
  const list = h(
    'ul.list',
    {},
    workflows.map((w) =>
      h(
        'li',
        {},
        h(
          'a',
          { href: `#/workflows/${encodeURIComponent(w.name)}`, 'aria-current': w.name === name ? 'page' : null },
          w.displayName ?? w.name,
        ),
      ),
    ),
  );
  const current = workflows.find((w) => w.name === name) ?? workflows[0];
  main.append(
    h('h2', {}, 'Workflows'),
    h(
      'div.split',
      {},
      h('nav.side', { 'aria-label': 'Workflows' }, list),
      current ? workflowDetail(current) : h('p', {}, 'No workflows in git.'),
    ),
  );
  if (stepId) {
    const row = document.getElementById(`step-${stepId}`);
    row?.scrollIntoView({ block: 'center' });
    row?.focus();
  }
}

function workflowDetail(w) {
  const svg = renderFlowchart(w.mermaid, {
    title: `Graph of workflow ${w.name}`,
    href: (node) => {
      const s = stepOfNode(w.steps, node);
      return s ? stepAnchor(w.name, s.id) : undefined;
    },
  });
  return h(
    'section.detail',
    { 'aria-labelledby': 'wf-title' },
    h('h3', { id: 'wf-title' }, w.displayName ?? w.name, ' ', h('small', {}, w.name)),
    h('p', {}, w.description ?? ''),
    h(
      'p.meta',
      {},
      w.enabled ? 'enabled' : 'disabled',
      w.hook ? ` · triggered by hook ${w.hook}` : '',
      ' · defined in ',
      source(w.source),
    ),
    h(
      'figure.graph-box',
      {},
      graphPanel(svg, 'workflow graph'),
      h('figcaption', {}, 'The graph the plan shows for this workflow. Select a step to see its params.'),
    ),
    h('details', {}, h('summary', {}, 'Mermaid source (as in the PR comment)'), pre(w.mermaid)),
    h('h4', {}, 'Steps'),
    h(
      'ol.steps',
      {},
      w.steps.map((s) =>
        h(
          'li.step',
          { id: `step-${s.id}`, tabindex: '-1' },
          h('h5', {}, s.displayName ?? s.id, ' ', h('code', {}, s.id === '1' ? 'trigger' : s.id)),
          s.action ? h('p', {}, 'action ', h('code', {}, s.action)) : null,
          s.params !== undefined ? h('details', {}, h('summary', {}, 'params'), pre(json(s.params))) : null,
          s.transitions.length
            ? h(
                'ul.transitions',
                {},
                s.transitions.map((t, i) =>
                  h(
                    'li',
                    {},
                    `${i + 1}. `,
                    t.label ? h('strong', {}, t.label) : null,
                    t.label ? ': ' : '',
                    'when ',
                    h('code', {}, t.condition),
                    ' → ',
                    h('a', { href: stepAnchor(w.name, t.target) }, t.target),
                  ),
                ),
              )
            : h('p.meta', {}, 'ends the run'),
        ),
      ),
    ),
  );
}

export async function klassesView(main) {
  const klasses = await api('klasses');
  main.append(h('h2', {}, 'Klasses and attributes'));
  for (const k of klasses) {
    main.append(
      h(
        'section.klass',
        { 'aria-labelledby': `k-${k.name}` },
        h(
          'h3',
          { id: `k-${k.name}` },
          h('span.swatch', { style: { background: k.color ?? '#888' }, 'aria-hidden': 'true' }),
          k.displayName ?? k.name,
          ' ',
          h('small', {}, `${k.name} · icon ${k.icon ?? '-'} · `, source(k.source)),
        ),
        table(
          `Attributes of ${k.name}`,
          ['attribute', 'display name', 'type', 'written by'],
          k.attributes.map((a) => [
            h('code', {}, a.name),
            a.displayName ?? '',
            a.type ?? '',
            a.writtenBy.length
              ? a.writtenBy.map((w, i) => [i ? ', ' : '', h('a', { href: `#/workflows/${encodeURIComponent(w)}` }, w)])
              : h('span.meta', {}, 'no workflow'),
          ]),
        ),
      ),
    );
  }
}

export async function hooksView(main, _args, ctx) {
  const [hooks, samples] = await Promise.all([api('hooks'), api('samples')]);
  main.append(h('h2', {}, 'Hooks'));
  for (const hook of hooks) {
    const live = hook.live;
    main.append(
      h(
        'section.hook',
        { 'aria-labelledby': `h-${hook.name}` },
        h(
          'h3',
          { id: `h-${hook.name}` },
          hook.name,
          ' ',
          h(
            'small',
            {},
            `${live?.kind ?? hook.definition?.kind ?? ''} hook`,
            hook.definition ? [' · ', source(hook.definition.source)] : ' · not in git',
          ),
        ),
        live
          ? h('p', {}, 'URL ', h('code.url', {}, live.url ?? '(none reported)'))
          : h('p.meta', {}, 'Not in the org yet: kac apply creates it.'),
        live
          ? h(
              'p',
              {},
              'Triggers ',
              live.workflows.length
                ? live.workflows.map((w, i) => [
                    i ? ', ' : '',
                    h('a', { href: `#/workflows/${encodeURIComponent(w.name)}` }, w.name),
                    w.enabled ? '' : ' (disabled)',
                  ])
                : 'no workflow',
            )
          : null,
        live && !ctx.readOnly
          ? eventForm(hook.name, samples)
          : live
            ? h('p.meta', {}, 'This environment is shown read-only: events are posted only to the local org.')
            : null,
      ),
    );
  }
}

function eventForm(hookName, samples) {
  const id = `ev-${hookName}`;
  const select = h(
    'select',
    { id: `${id}-sample` },
    h('option', { value: '' }, '(paste JSON below)'),
    samples.map((s) => h('option', { value: s }, s)),
  );
  const area = h('textarea', { id: `${id}-body`, rows: '10', spellcheck: 'false' }, '{}');
  const result = h('div.result', { 'aria-live': 'polite' });
  select.addEventListener('change', async () => {
    if (select.value) area.value = (await api(`samples/${encodeURIComponent(select.value)}`)).text;
  });
  const form = h(
    'form.event',
    { 'aria-labelledby': `${id}-legend` },
    h('h4', { id: `${id}-legend` }, 'Post an event to this hook'),
    h('label', { for: `${id}-sample` }, 'Sample event (test/fixtures/regal)'),
    select,
    h('label', { for: `${id}-body` }, 'Event JSON'),
    area,
    h('button', { type: 'submit' }, 'Post event'),
    result,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    result.replaceChildren('Posting…');
    try {
      const r = await api(`hooks/${encodeURIComponent(hookName)}/events`, { method: 'POST', body: area.value });
      status(`Posted: the hook answered ${r.status}; ${r.runs.length} workflow run(s).`);
      const customer = r.runs.find((run) => run.customerId)?.customerId;
      // The runs that acted first; a no-match run is a workflow whose trigger condition did not hold.
      const order = { completed: 0, failed: 1, 'no-match': 2 };
      r.runs.sort((a, b) => (order[a.status] ?? 3) - (order[b.status] ?? 3));
      result.replaceChildren(
        h('p', {}, `The hook answered ${r.status}. Workflow runs:`),
        h(
          'ul.runs',
          {},
          r.runs.map((run) =>
            h(
              'li',
              {},
              h('a', { href: `#/runs/${run.id}` }, run.workflowName),
              ` ${run.status}`,
              run.status === 'no-match' ? ' (its trigger condition did not hold)' : '',
              run.error ? ` (${run.error})` : '',
            ),
          ),
        ),
        customer
          ? h('p', {}, h('a.timeline-link', { href: `#/customers/${customer}` }, "See the customer's timeline"))
          : null,
      );
    } catch (error) {
      result.replaceChildren(h('p.error', { role: 'alert' }, error.message));
    }
  });
  return form;
}
