// A scrollable panel around a graph <svg> (graph.js) with a zoom control. It opens fitted to the
// panel's width (never below MIN_FIT, where 12px labels stop being legible) and scrolled so the top
// row (the trigger, centred by the layout) is in view. Buttons and keys (+, -, 0 for fit, 1 for
// actual size while the panel has focus) change the zoom; the current zoom is announced.
import { h } from './dom.js';

const MIN_FIT = 0.6;
const STEP = 1.25;
const MIN = 0.2;
const MAX = 2;

export function graphPanel(svg, label) {
  const naturalW = Number(svg.getAttribute('width'));
  const naturalH = Number(svg.getAttribute('height'));
  const state = { zoom: 1, fit: true };
  const readout = h('output.zoom-level', { 'aria-live': 'polite' }, '100%');
  const scroll = h(
    'div.graph-scroll',
    { tabindex: '0', 'aria-label': `${label}, scrollable; keys + and - zoom, 0 fits` },
    svg,
  );

  const fitZoom = () => {
    const avail = scroll.clientWidth - 12;
    return avail > 0 ? Math.min(1, Math.max(MIN_FIT, avail / naturalW)) : 1;
  };
  const apply = (zoom, { fit = false } = {}) => {
    state.fit = fit;
    state.zoom = Math.min(MAX, Math.max(MIN, zoom));
    svg.setAttribute('width', String(Math.round(naturalW * state.zoom)));
    svg.setAttribute('height', String(Math.round(naturalH * state.zoom)));
    readout.textContent = `${Math.round(state.zoom * 100)}%${fit ? ' (fit)' : ''}`;
    // The layout centres every row, so the trigger (top row) sits at the middle of the graph.
    scroll.scrollLeft = Math.max(0, (scroll.scrollWidth - scroll.clientWidth) / 2);
  };
  const fit = () => apply(fitZoom(), { fit: true });
  const button = (text, aria, onclick) =>
    h('button.zoom', { type: 'button', 'aria-label': aria, title: aria, onclick }, text);

  scroll.addEventListener('keydown', (e) => {
    if (e.target !== scroll || e.ctrlKey || e.metaKey || e.altKey) return;
    const act = {
      '+': () => apply(state.zoom * STEP),
      '=': () => apply(state.zoom * STEP),
      '-': () => apply(state.zoom / STEP),
      0: fit,
      1: () => apply(1),
    }[e.key];
    if (act) {
      e.preventDefault();
      act();
    }
  });
  // Fit once the panel has a width, and again when the window resizes while fitted.
  if (typeof ResizeObserver === 'function')
    new ResizeObserver(() => state.fit && scroll.clientWidth > 0 && fit()).observe(scroll);

  return h(
    'div.graph-panel',
    {},
    h(
      'div.zoom-bar',
      { role: 'toolbar', 'aria-label': `Zoom ${label}` },
      button('−', 'Zoom out', () => apply(state.zoom / STEP)),
      button('+', 'Zoom in', () => apply(state.zoom * STEP)),
      button('Fit', 'Fit to width', fit),
      button('100%', 'Actual size', () => apply(1)),
      readout,
    ),
    scroll,
  );
}
