// Stacked horizontal bars: one row per model, its sections laid end to end
// from zero, the model's context window drawn as the track behind them.
// Three scales:
//   share  – every bar is its own window (0–100 %, overflow beyond the end)
//   linear – one token axis for all rows, so a 4K and a 2M window compare
//   log    – the same on a log axis (100 tokens to the largest value), so
//            small windows and small sections stay visible beside 2M ones
// Each segment carries data-tip (a sentence) and a <title>, and is
// focusable, so hover and keyboard both reach the details (bindTooltip).
// Drawn at the element's own width; CSP-clean (classes, no style attributes).
import { el, niceTicks, startChart } from './line-chart.js';

const LOG_FLOOR = 100;
// In the share view the window ends at 80 % of the plot, leaving room to
// show how far an overflowing request runs past it.
const SHARE_TRACK = 0.8;

function scaleFor(kind, rows, plotWidth) {
  if (kind === 'share') {
    return { x: (v, row) => (row.window ? (v / row.window) * plotWidth * SHARE_TRACK : 0), ticks: [0, 0.25, 0.5, 0.75, 1] };
  }
  const top = Math.max(LOG_FLOOR * 10, ...rows.flatMap((r) => [r.window ?? 0, r.total]));
  if (kind === 'log') {
    const lo = Math.log10(LOG_FLOOR);
    const hi = Math.ceil(Math.log10(top));
    // Values below the floor sit at the axis start.
    const x = (v) => (v <= LOG_FLOOR ? 0 : ((Math.log10(v) - lo) / (hi - lo)) * plotWidth);
    const ticks = [];
    for (let p = lo; p <= hi; p += 1) ticks.push(10 ** p);
    return { x, ticks };
  }
  const ticks = niceTicks(top, plotWidth < 400 ? 3 : 5);
  const max = ticks[ticks.length - 1];
  return { x: (v) => (v / max) * plotWidth, ticks };
}

/**
 * @param {SVGSVGElement} svg emptied and redrawn
 * @param {{title: string, scale: 'share'|'linear'|'log',
 *   rows: {label: string, detail: string, shortDetail?: string, window: number|null, total: number,
 *          segments: {label: string, tokens: number, className: string, tip: string}[]}[],
 *   formatTokens: (n: number) => string, formatShare: (f: number) => string, width?: number}} spec
 */
export function renderStackedBars(svg, spec) {
  const width = Math.max(280, Math.round(spec.width ?? svg.clientWidth ?? 640) || 640);
  const pad = { left: 4, right: 12, top: 6, bottom: 26 };
  const labelGap = 20;
  const barHeight = 22;
  const rowHeight = labelGap + barHeight + 14;
  const height = pad.top + spec.rows.length * rowHeight + pad.bottom;
  const plotWidth = width - pad.left - pad.right;
  startChart(svg, { width, height, title: spec.title, role: 'group' });

  const scale = scaleFor(spec.scale, spec.rows, plotWidth);
  const px = (v, row) => pad.left + Math.min(plotWidth, Math.max(0, scale.x(v, row)));
  const bottom = height - pad.bottom;

  const grid = el('g', { class: 'chart-grid', 'aria-hidden': 'true' });
  for (const t of scale.ticks) {
    const x = spec.scale === 'share' ? pad.left + t * plotWidth * SHARE_TRACK : px(t);
    grid.append(el('line', { x1: x, x2: x, y1: pad.top, y2: bottom }));
    const text = spec.scale === 'share' ? spec.formatShare(t) : spec.formatTokens(t);
    const anchor = t === scale.ticks[0] ? 'start' : x > width - 30 ? 'end' : 'middle';
    grid.append(el('text', { x, y: bottom + 18, 'text-anchor': anchor }, text));
  }
  svg.append(grid);

  spec.rows.forEach((row, i) => {
    const y = pad.top + i * rowHeight;
    const barY = y + labelGap;
    const g = el('g', { class: 'stack-row' });
    const label = el('text', { x: pad.left, y: y + 14, class: 'stack-label' });
    label.append(el('tspan', { class: 'stack-name' }, row.label));
    // On narrow charts the long detail would run past the edge (13px
    // semibold name ≈ 7.8px a character, 12px detail ≈ 6.6px).
    const fits = row.label.length * 7.8 + 8 + row.detail.length * 6.6 <= width - pad.right;
    label.append(el('tspan', { class: 'stack-detail', dx: 8 }, fits ? row.detail : row.shortDetail ?? row.detail));
    g.append(label);
    if (row.window) {
      const end = px(row.window, row);
      g.append(el('rect', { x: pad.left, y: barY, width: Math.max(1, end - pad.left).toFixed(1), height: barHeight, rx: 3, class: 'stack-track' }));
    }
    let start = 0;
    for (const seg of row.segments) {
      if (!(seg.tokens > 0)) continue;
      const x0 = px(start, row);
      const x1 = px(start + seg.tokens, row);
      start += seg.tokens;
      const rect = el('rect', {
        x: x0.toFixed(1),
        y: barY,
        width: Math.max(x1 - x0, 1.5).toFixed(1),
        height: barHeight,
        class: `stack-segment ${seg.className}`,
        tabindex: 0,
        'data-tip': seg.tip,
        'aria-label': seg.tip,
      });
      rect.append(el('title', {}, seg.tip));
      g.append(rect);
    }
    if (row.window && row.total > row.window) {
      const edge = px(row.window, row);
      const over = px(row.total, row);
      g.append(el('rect', { x: edge.toFixed(1), y: barY - 3, width: Math.max(over - edge, 2).toFixed(1), height: barHeight + 6, class: 'stack-overflow' }));
    }
    if (row.window) {
      const edge = px(row.window, row);
      g.append(el('line', { x1: edge, x2: edge, y1: barY - 4, y2: barY + barHeight + 4, class: 'stack-window-edge' }));
    }
    svg.append(g);
  });
}

/**
 * Shows `tip` (an element, position: absolute inside a positioned parent)
 * beside the segment under the pointer or with keyboard focus.
 */
export function bindTooltip(svg, tip) {
  const show = (target, clientX, clientY) => {
    const text = target?.getAttribute?.('data-tip');
    if (!text) {
      tip.hidden = true;
      return;
    }
    tip.textContent = text;
    tip.hidden = false;
    const box = tip.offsetParent?.getBoundingClientRect() ?? { left: 0, top: 0, width: innerWidth };
    const left = Math.min(clientX - box.left + 12, box.width - tip.offsetWidth - 4);
    tip.style.left = `${Math.max(4, left)}px`;
    tip.style.top = `${clientY - box.top + 16}px`;
  };
  svg.addEventListener('pointermove', (e) => show(e.target, e.clientX, e.clientY));
  svg.addEventListener('pointerleave', () => (tip.hidden = true));
  svg.addEventListener('focusin', (e) => {
    const r = e.target.getBoundingClientRect();
    show(e.target, r.left + r.width / 2, r.bottom - 8);
  });
  svg.addEventListener('focusout', () => (tip.hidden = true));
}
