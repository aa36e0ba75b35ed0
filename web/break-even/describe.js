// The break-even form read and its result put in words, shared by the page
// and the embeddable widget: which mode each path is entered in, the
// visible fields as typed (the core validates them), the verdict, the
// tiles' texts and the cumulative-cost chart.

export const VERDICT_LABELS = {
  prompt: 'Stay with prompts',
  depends: 'It depends',
  'fine-tune': 'Fine-tune',
  never: 'Never pays',
};

/** Shows each path's fields for its mode (tokens and prices, or a cost per request). */
export function syncModes(form) {
  for (const section of form.querySelectorAll('[data-path]')) {
    const path = section.dataset.path;
    const mode = form.elements[`${path}_mode`].value;
    for (const group of section.querySelectorAll('[data-mode]')) {
      group.hidden = group.dataset.mode !== mode;
    }
  }
}

/** Visible fields as typed; hidden ones (the other mode) are left out. */
export function readInput(form) {
  const input = {};
  for (const field of form.querySelectorAll('.field')) {
    if (field.closest('[hidden]') || field.hasAttribute('data-model-field')) continue;
    const name = field.dataset.field;
    input[name] = form.elements[name].value;
  }
  return input;
}

/** The tiles' values and sub-lines: break_even, ratio, net, saving (each with _sub). */
export function describeTiles(f, r) {
  const never = r.break_even_requests === null;
  return {
    break_even: never ? 'Never' : f.count(r.break_even_requests),
    break_even_sub: never
      ? 'the tuned path saves nothing'
      : r.months_to_break_even === null
        ? 'requests'
        : `requests · after ${f.number(r.months_to_break_even, 1)} months`,
    ratio: r.ratio === null ? '—' : `${f.ratio(r.ratio)}×`,
    ratio_sub:
      r.volume === null
        ? 'enter requests per month'
        : `the break-even · ${f.count(r.volume)} requests in ${f.number(r.horizon_months, 1)} months`,
    net: r.net_savings === null ? '—' : f.usd(r.net_savings),
    net_sub: r.net_savings === null ? '' : 'over the horizon, training included',
    saving: f.usd(r.saving_per_request),
    saving_sub: `${f.usd(r.base_cost_per_request)} → ${f.usd(r.tuned_cost_per_request)}`,
  };
}

/** renderLineChart's spec: both paths' cumulative cost, the crossing marked. */
export function chartSpec(f, r) {
  const crossing = r.break_even_requests !== null && r.series.find((p) => p.requests > 0 && Math.abs(p.base_cost - p.tuned_cost) <= 1e-9 * Math.max(1, p.base_cost));
  return {
    title: 'Cumulative cost of both paths by number of requests',
    x: r.series.map((p) => p.requests),
    series: [
      { name: 'Prompt only', values: r.series.map((p) => p.base_cost), className: 'series-1' },
      { name: 'Fine-tuned (training included)', values: r.series.map((p) => p.tuned_cost), className: 'series-2' },
    ],
    marker: crossing ? { x: crossing.requests, y: crossing.base_cost, label: `break-even: ${f.count(r.break_even_requests)}` } : undefined,
    formatX: (n) => f.count(n),
    formatY: (n) => f.usd(n),
    xLabel: 'Requests',
  };
}
