// The studio page: a hash router over six views. Each view renders into <main> and gets focus, so
// keyboard and screen-reader users land on the new content.
import { api, h, status } from './dom.js';
import { hooksView, klassesView, workflowsView } from './views-git.js';
import { customersView, planView, runsView } from './views-org.js';

const VIEWS = {
  workflows: workflowsView,
  klasses: klassesView,
  hooks: hooksView,
  customers: customersView,
  runs: runsView,
  plan: planView,
};
let ctx;

async function route(event) {
  const [first, ...args] = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const name = VIEWS[first] ? first : 'workflows';
  const view = VIEWS[name];
  for (const a of document.querySelectorAll('nav .tabs a'))
    a.setAttribute('aria-current', a.dataset.view === name ? 'page' : 'false');
  const main = document.getElementById('view');
  main.replaceChildren();
  main.setAttribute('aria-busy', 'true');
  try {
    await view(main, args, ctx);
  } catch (error) {
    main.append(h('p.error', { role: 'alert' }, error.message));
  } finally {
    main.removeAttribute('aria-busy');
  }
  document.title = `${name[0].toUpperCase()}${name.slice(1)} · kac studio`;
  // On navigation (not the first load) focus moves to the new content; a step link focuses its step.
  if (event && !args.includes('step')) main.focus({ preventScroll: true });
  main.dataset.ready = name;
}

async function start() {
  const overview = await api('overview');
  ctx = { readOnly: overview.env.readOnly, env: overview.env };
  document.getElementById('env').textContent =
    `${overview.env.name}${overview.env.readOnly ? ' (read-only)' : ''} · ${overview.env.target} · namespace ${overview.namespace}`;
  if (overview.errors.length) status(`The definitions have ${overview.errors.length} error(s): ${overview.errors[0]}`);
  window.addEventListener('hashchange', route);
  await route();
}

start().catch((error) => status(`The studio could not start: ${error.message}`));
