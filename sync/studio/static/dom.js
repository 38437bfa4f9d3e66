// Small DOM helpers. Text always goes in through textContent, never innerHTML: nothing the org
// returns can become markup.

/** h('tag.class', { attr: value, onclick: fn }, ...children) */
export function h(spec, attrs = {}, ...children) {
  const [tag, ...classes] = spec.split('.');
  const el = document.createElement(tag || 'div');
  if (classes.length) el.className = classes.join(' ');
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'style' && typeof v === 'object') Object.assign(el.style, v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export async function api(path, options = {}) {
  const res = await fetch(`/api/${path}`, {
    ...options,
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json', 'x-kac-studio': '1' } : {}),
      ...(options.headers ?? {}),
    },
  });
  const body = await res.json();
  if (!res.ok) throw new Error(body.error + (body.hint ? ` (${body.hint})` : ''));
  return body;
}

export function status(text) {
  document.getElementById('status').textContent = text;
}

export const json = (v) => JSON.stringify(v, null, 2);

export function pre(text, label) {
  return h('pre.code', label ? { 'aria-label': label, tabindex: '0' } : {}, text);
}

/** A table with a caption and a header row; rows are arrays of cells (strings or nodes). */
export function table(caption, headers, rows) {
  return h(
    'table',
    {},
    h('caption', {}, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        headers.map((x) => h('th', { scope: 'col' }, x)),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map((r) =>
        h(
          'tr',
          {},
          r.map((c) => h('td', {}, c)),
        ),
      ),
    ),
  );
}

export const source = (s) => (s ? h('code.source', {}, `${s.file}:${s.line}`) : null);

export function when(iso) {
  return iso ? iso.slice(0, 19).replace('T', ' ') : '';
}
