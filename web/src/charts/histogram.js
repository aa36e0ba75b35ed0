// A small SVG histogram: one column per bin, equal widths, a zero-based
// count scale on the left and the bins' edges below. Each column carries
// its own <title> ("1,024–2,047 tokens: 310 examples") for hover and
// screen readers. Drawn at the element's own width like bar-chart.js, and
// CSP-clean: colours come from classes in histogram.css.
import { el, niceTicks, startChart } from './line-chart.js';

/**
 * @param {SVGSVGElement} svg emptied first
 * @param {{title: string, bins: {from: number, to: number, count: number}[],
 *   formatValue: (n: number) => string, binLabel: (bin) => string, width?: number}} spec
 */
export function renderHistogram(svg, spec) {
  const width = Math.max(280, Math.round(spec.width ?? svg.clientWidth ?? 560) || 560);
  const height = 180;
  const pad = { left: 0, right: 12, top: 10, bottom: 34 };
  startChart(svg, { width, height, title: spec.title });

  const bins = spec.bins;
  // Counts are whole: small maxima get one tick per count, not 0.25 steps.
  const most = Math.max(0, ...bins.map((b) => b.count));
  const ticks = most <= 4 ? Array.from({ length: most + 1 }, (_, i) => i) : niceTicks(most, 4);
  const top = ticks[ticks.length - 1] || 1;
  // Room for the widest count label (12px text: about 7px a character).
  pad.left = 12 + Math.max(...ticks.map((t) => spec.formatValue(t).length)) * 7;
  const bottom = height - pad.bottom;
  const py = (v) => bottom - (v / top) * (bottom - pad.top);
  const grid = el('g', { class: 'chart-grid' });
  for (const t of ticks) {
    grid.append(el('line', { x1: pad.left, x2: width - pad.right, y1: py(t), y2: py(t) }));
    grid.append(el('text', { x: pad.left - 6, y: py(t) + 4, 'text-anchor': 'end' }, spec.formatValue(t)));
  }
  svg.append(grid);
  if (bins.length === 0) return;

  const step = (width - pad.left - pad.right) / bins.length;
  const gap = Math.min(4, step * 0.15);
  bins.forEach((bin, i) => {
    const x = pad.left + i * step + gap / 2;
    const h = bottom - py(bin.count);
    const column = el('rect', {
      x: x.toFixed(1), y: (bottom - Math.max(h, bin.count > 0 ? 1 : 0)).toFixed(1),
      width: (step - gap).toFixed(1), height: Math.max(h, bin.count > 0 ? 1 : 0).toFixed(1),
      class: 'histogram-bin',
    });
    column.append(el('title', {}, `${spec.binLabel(bin)}: ${spec.formatValue(bin.count)}`));
    svg.append(column);
  });
  // Edge labels: the first bin's start, the last bin's end, and the middle
  // edge when there is room, so the axis stays readable on a phone.
  const axis = el('g', { class: 'chart-grid' });
  const edges = [[0, bins[0].from, 'start'], [bins.length, bins[bins.length - 1].to, 'end']];
  if (width >= 420 && bins.length % 2 === 0) edges.push([bins.length / 2, bins[bins.length / 2].from, 'middle']);
  for (const [i, value, anchor] of edges) {
    axis.append(el('text', { x: pad.left + i * step, y: bottom + 18, 'text-anchor': anchor }, spec.formatValue(value)));
  }
  svg.append(axis);
}
