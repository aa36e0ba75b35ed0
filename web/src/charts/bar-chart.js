// A small horizontal SVG bar chart: one labelled bar per item, the value
// written at the end of its bar, a shared zero-based scale. Drawn at the
// element's own width (not scaled down), so the text stays readable on a
// phone; call it again when the width changes. CSP-clean: no inline style
// attributes, colours come from classes in bar-chart.css.
import { el, niceTicks, startChart } from './line-chart.js';

/**
 * Renders into `svg` (an <svg> element, emptied first).
 * @param {SVGSVGElement} svg
 * @param {{title: string, bars: {label: string, value: number|null, valueLabel: string, className?: string}[],
 *   formatTick: (n: number) => string, width?: number}} spec
 *   A bar whose value is null is drawn as its label and valueLabel alone
 *   (e.g. "not offered"), never as a zero-length bar.
 */
export function renderBarChart(svg, spec) {
  const width = Math.max(280, Math.round(spec.width ?? svg.clientWidth ?? 640) || 640);
  const labelGap = 18; // label line above each bar
  const barHeight = 18;
  const rowHeight = labelGap + barHeight + 12;
  const pad = { left: 4, right: 8, top: 8, bottom: 28 };
  const height = pad.top + spec.bars.length * rowHeight + pad.bottom;
  startChart(svg, { width, height, title: spec.title });

  const values = spec.bars.map((b) => b.value).filter((v) => Number.isFinite(v));
  const ticks = niceTicks(Math.max(...values, 0), width < 480 ? 3 : 5);
  const top = ticks[ticks.length - 1] || 1;
  // Leave room at the right for the value written after the longest bar
  // (13px semibold text: about 7.6px a character).
  const longest = Math.max(0, ...spec.bars.filter((b) => Number.isFinite(b.value)).map((b) => b.valueLabel.length));
  const valueRoom = Math.min(longest * 7.6 + 10, width * 0.5);
  const plotRight = width - pad.right - valueRoom;
  const px = (v) => pad.left + (v / top) * (plotRight - pad.left);
  const bottom = height - pad.bottom;

  const grid = el('g', { class: 'chart-grid' });
  for (const t of ticks) {
    grid.append(el('line', { x1: px(t), x2: px(t), y1: pad.top, y2: bottom }));
    grid.append(el('text', { x: px(t), y: bottom + 18, 'text-anchor': t === 0 ? 'start' : 'middle' }, spec.formatTick(t)));
  }
  svg.append(grid);

  spec.bars.forEach((bar, i) => {
    const y = pad.top + i * rowHeight;
    const g = el('g', { class: `bar-row ${bar.className ?? ''}`.trim() });
    g.append(el('text', { x: pad.left, y: y + 13, class: 'bar-label' }, bar.label));
    const barY = y + labelGap;
    if (Number.isFinite(bar.value)) {
      const w = Math.max(px(bar.value) - pad.left, bar.value > 0 ? 2 : 0);
      g.append(el('rect', { x: pad.left, y: barY, width: w.toFixed(1), height: barHeight, rx: 3, class: 'bar' }));
      g.append(el('text', { x: pad.left + w + 6, y: barY + 13, class: 'bar-value' }, bar.valueLabel));
    } else {
      g.append(el('text', { x: pad.left, y: barY + 13, class: 'bar-value bar-value--missing' }, bar.valueLabel));
    }
    svg.append(g);
  });
}
