// Renders the Mermaid flowchart the plan produces (sync/report/mermaid.ts) as SVG, without Mermaid:
// the page reads the same text the PR comment shows, parses the flowchart subset it uses (nodes with
// a quoted label in any bracket shape, `-->` edges with an optional |label|, `class` lines), lays
// the graph out in layers (longest path from the trigger) and draws boxes and curved edges.

const SVG = 'http://www.w3.org/2000/svg';
const decode = (s) =>
  s
    .replace(/#quot;/g, '"')
    .replace(/#lt;/g, '<')
    .replace(/#gt;/g, '>')
    .replace(/#amp;/g, '&');
const unquote = (s) => decode(s.trim().replace(/^"(.*)"$/s, '$1'));

export function parseFlowchart(text) {
  const nodes = new Map();
  const edges = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    let m;
    if ((m = /^(\w+)\s*(?:-->|-\.->|==>)\s*(?:\|(.*?)\|\s*)?(\w+)$/.exec(line))) {
      edges.push({ from: m[1], to: m[3], label: m[2] ? unquote(m[2]) : '' });
    } else if ((m = /^(\w+)\s*[[({>]+(.*?)[\])}]+$/.exec(line))) {
      nodes.set(m[1], { id: m[1], label: unquote(m[2]), classes: [] });
    } else if ((m = /^class\s+([\w,]+)\s+(\w+)$/.exec(line))) {
      for (const id of m[1].split(',')) nodes.get(id)?.classes.push(m[2]);
    }
  }
  for (const e of edges)
    for (const id of [e.from, e.to]) if (!nodes.has(id)) nodes.set(id, { id, label: id, classes: [] });
  return { nodes: [...nodes.values()], edges };
}

/** Layer = longest path from a source (cycles broken by visiting order); order by parents' mean. */
export function layout(graph) {
  const out = new Map(graph.nodes.map((n) => [n.id, []]));
  const indeg = new Map(graph.nodes.map((n) => [n.id, 0]));
  for (const e of graph.edges) {
    out.get(e.from).push(e.to);
    indeg.set(e.to, indeg.get(e.to) + 1);
  }
  const layer = new Map();
  const queue = graph.nodes.filter((n) => indeg.get(n.id) === 0).map((n) => n.id);
  if (queue.length === 0 && graph.nodes[0]) queue.push(graph.nodes[0].id);
  for (const id of queue) layer.set(id, 0);
  const seen = new Map();
  while (queue.length) {
    const id = queue.shift();
    for (const to of out.get(id)) {
      const k = (seen.get(`${id}>${to}`) ?? 0) + 1;
      seen.set(`${id}>${to}`, k);
      if (k > 1) continue;
      const next = layer.get(id) + 1;
      if (!layer.has(to) || (layer.get(to) < next && next < graph.nodes.length)) {
        layer.set(to, next);
        queue.push(to);
      }
    }
  }
  for (const n of graph.nodes) if (!layer.has(n.id)) layer.set(n.id, 0);
  const rows = [];
  for (const n of graph.nodes) (rows[layer.get(n.id)] ??= []).push(n);
  const pos = new Map();
  const width = (n) => Math.max(110, n.label.length * 7.3 + 28);
  const GAP = 28;
  const ROW = 96;
  rows.forEach((row, y) => {
    if (y > 0) {
      const parentX = (n) => {
        const xs = graph.edges.filter((e) => e.to === n.id && pos.has(e.from)).map((e) => pos.get(e.from).cx);
        return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
      };
      row.sort((a, b) => parentX(a) - parentX(b));
    }
    let x = 0;
    for (const n of row) {
      const w = width(n);
      pos.set(n.id, { x, y: y * ROW + 20, w, h: 36, cx: x + w / 2, layer: y });
      x += w + GAP;
    }
  });
  const totalWidth = Math.max(...[...pos.values()].map((p) => p.x + p.w), 0);
  rows.forEach((row) => {
    const last = pos.get(row[row.length - 1].id);
    const shift = (totalWidth - (last.x + last.w)) / 2;
    for (const n of row) {
      const p = pos.get(n.id);
      p.x += shift;
      p.cx += shift;
    }
  });
  return { pos, width: totalWidth, height: rows.length * ROW + 10 };
}

function el(tag, attrs, text) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** An <svg> of the flowchart. `href(node)` gives a node's link target (the step's row), if any. */
export function renderFlowchart(text, { title, href } = {}) {
  const graph = parseFlowchart(text);
  const { pos, width, height } = layout(graph);
  const svg = el('svg', {
    viewBox: `-10 0 ${width + 20} ${height}`,
    width: width + 20,
    height,
    role: 'img',
    class: 'graph',
    'aria-label': title ?? 'workflow graph',
  });
  svg.append(el('title', {}, title ?? 'workflow graph'));
  const defs = el('defs', {});
  const marker = el('marker', {
    id: 'arrow',
    viewBox: '0 0 10 10',
    refX: 9,
    refY: 5,
    markerWidth: 7,
    markerHeight: 7,
    orient: 'auto-start-reverse',
  });
  marker.append(el('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrowhead' }));
  defs.append(marker);
  svg.append(defs);
  const labels = [];
  for (const e of graph.edges) {
    const a = pos.get(e.from);
    const b = pos.get(e.to);
    const x1 = a.cx;
    const y1 = a.y + a.h;
    const x2 = b.cx;
    const y2 = b.y;
    const back = y2 <= y1;
    const d = back
      ? `M ${x1} ${y1} C ${x1 + 60} ${y1 + 60}, ${x2 + 60} ${y2 - 60}, ${x2} ${y2}`
      : `M ${x1} ${y1} C ${x1} ${(y1 + y2) / 2}, ${x2} ${(y1 + y2) / 2}, ${x2} ${y2}`;
    const path = el('path', { d, class: 'edge', 'marker-end': 'url(#arrow)' });
    // Every label is the edge's tooltip; a short one to the next layer is also drawn (below)
    // (and the steps list below the graph spells each transition out).
    if (e.label) path.append(el('title', {}, e.label));
    svg.append(path);
    // Only an edge to the next layer has its label drawn (its midpoint falls between two rows).
    if (e.label && e.label.length <= 30 && b.layer === a.layer + 1)
      labels.push({ x: (x1 + x2) / 2, y: (y1 + y2) / 2, text: e.label });
  }
  for (const l of labels) {
    const w = l.text.length * 5.6 + 8;
    svg.append(el('rect', { x: l.x - w / 2, y: l.y - 8, width: w, height: 15, rx: 3, class: 'edge-label-bg' }));
    svg.append(el('text', { x: l.x, y: l.y + 3, 'text-anchor': 'middle', class: 'edge-label' }, l.text));
  }
  for (const n of graph.nodes) {
    const p = pos.get(n.id);
    const target = href?.(n);
    const g = target
      ? el('a', { href: target, class: 'node-link', 'data-node': n.id })
      : el('g', { 'data-node': n.id });
    g.append(el('rect', { x: p.x, y: p.y, width: p.w, height: p.h, rx: 6, class: `node ${n.classes.join(' ')}` }));
    g.append(el('text', { x: p.cx, y: p.y + p.h / 2 + 4, 'text-anchor': 'middle', class: 'node-text' }, n.label));
    if (target) g.append(el('title', {}, `${n.label}: show this step`));
    svg.append(g);
  }
  return svg;
}
