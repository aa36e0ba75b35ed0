// A small SVG line chart for cumulative costs: two or more series over a
// shared x axis, nice ticks, a marked crossing point, and a legend. Written
// here rather than pulled from a charting library: the site needs only
// this, and it must stay small and CSP-clean (no inline style attributes).
const NS = 'http://www.w3.org/2000/svg';

/** An SVG element with attributes (set one by one: CSP-clean) and optional text. */
export function el(name, attrs = {}, text) {
  const node = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Empties `svg` and sets it up for a chart drawn at its own pixel size (text
 * stays readable on a phone): viewBox, width, height, role and a title.
 */
export function startChart(svg, { width, height, title, role = 'img' }) {
  svg.replaceChildren();
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('role', role);
  svg.setAttribute('aria-label', title);
  svg.append(el('title', {}, title));
}

/** Round step sizes (1, 2, 5 × 10^k) giving about `count` ticks. */
export function niceTicks(max, count = 5) {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1];
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw);
  const ticks = [];
  for (let v = 0; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  if (ticks[ticks.length - 1] < max) ticks.push(Number((ticks[ticks.length - 1] + step).toPrecision(12)));
  return ticks;
}

/**
 * Renders into `svg` (an <svg> element, emptied first).
 * @param {{x: number[], series: {name: string, values: number[], className: string}[],
 *   marker?: {x: number, y: number, label: string}, formatX: (n:number)=>string,
 *   formatY: (n:number)=>string, xLabel: string, yLabel: string, title: string}} spec
 */
export function renderLineChart(svg, spec) {
  const width = 640;
  const height = 340;
  const pad = { left: 72, right: 40, top: 16, bottom: 52 };
  svg.replaceChildren();
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', spec.title);
  svg.append(el('title', {}, spec.title));

  const xMax = Math.max(...spec.x, 0);
  const yMax = Math.max(...spec.series.flatMap((s) => s.values), 0);
  const xTicks = niceTicks(xMax, 5);
  const yTicks = niceTicks(yMax, 5);
  const xTop = xTicks[xTicks.length - 1] || 1;
  const yTop = yTicks[yTicks.length - 1] || 1;
  const px = (x) => pad.left + (x / xTop) * (width - pad.left - pad.right);
  const py = (y) => height - pad.bottom - (y / yTop) * (height - pad.top - pad.bottom);

  const grid = el('g', { class: 'chart-grid' });
  for (const t of yTicks) {
    grid.append(el('line', { x1: pad.left, x2: width - pad.right, y1: py(t), y2: py(t) }));
    grid.append(el('text', { x: pad.left - 8, y: py(t) + 4, 'text-anchor': 'end' }, spec.formatY(t)));
  }
  for (const t of xTicks) {
    grid.append(el('text', { x: px(t), y: height - pad.bottom + 18, 'text-anchor': 'middle' }, spec.formatX(t)));
  }
  grid.append(el('text', { x: (pad.left + width - pad.right) / 2, y: height - 8, 'text-anchor': 'middle', class: 'chart-axis-label' }, spec.xLabel));
  svg.append(grid);

  for (const s of spec.series) {
    const d = s.values.map((v, i) => `${i ? 'L' : 'M'}${px(spec.x[i]).toFixed(1)},${py(v).toFixed(1)}`).join('');
    svg.append(el('path', { d, class: `chart-line ${s.className}` }));
  }

  if (spec.marker) {
    const { x, y, label } = spec.marker;
    const g = el('g', { class: 'chart-marker' });
    g.append(el('line', { x1: px(x), x2: px(x), y1: py(0), y2: py(y) }));
    g.append(el('circle', { cx: px(x), cy: py(y), r: 5 }));
    const anchor = px(x) > width * 0.7 ? 'end' : 'start';
    const dx = anchor === 'end' ? -10 : 10;
    g.append(el('text', { x: px(x) + dx, y: Math.max(py(y) - 10, pad.top + 12), 'text-anchor': anchor }, label));
    svg.append(g);
  }

  const legend = el('g', { class: 'chart-legend', transform: `translate(${pad.left + 8}, ${pad.top + 4})` });
  spec.series.forEach((s, i) => {
    const row = el('g', { transform: `translate(0, ${i * 20})` });
    row.append(el('line', { x1: 0, x2: 22, y1: 8, y2: 8, class: `chart-line ${s.className}` }));
    row.append(el('text', { x: 30, y: 12 }, s.name));
    legend.append(row);
  });
  svg.append(legend);
}
