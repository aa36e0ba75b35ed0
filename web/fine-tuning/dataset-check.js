// Shows a training file's check (the core's DatasetResult): its format
// errors with line numbers, warnings, and the tokens per example as a
// table of percentiles and a histogram. The numbers are the core's; this
// file only lays them out.
import '../src/charts/chart.css';
import '../src/charts/histogram.css';
import { renderHistogram } from '../src/charts/histogram.js';
import { make } from '../src/shell/dom.js';

const SHOWN_ERRORS = 100;

const WARNINGS = {
  missing_system_message: 'without a system message',
  missing_user_message: 'without a user message',
  uncounted_example: 'that could not be counted (left out of the tokens)',
};

const plural = (n, word, f) => `${f.count(n)} ${word}${n === 1 ? '' : 's'}`;
const lineList = (lines, count) => `line${lines.length > 1 ? 's' : ''} ${lines.join(', ')}${count > lines.length ? ', …' : ''}`;

/**
 * @param {HTMLElement} box the [data-dataset-check] element
 * @param {{name: string, result: any, model: string, encoding: string, format: any}} check
 *   or null to hide the box
 */
export function renderDatasetCheck(box, check) {
  box.hidden = !check;
  if (!check) return;
  const { name, result: r, model, encoding, format: f } = check;
  const $ = (selector) => box.querySelector(selector);

  $('[data-check-heading]').textContent = `Dataset check: ${name}`;
  const facts = [
    `${plural(r.examples, 'example', f)}, ${f.count(r.valid_examples)} valid`,
    r.error_count ? plural(r.error_count, 'error', f) : 'no format errors',
    f.bytes(r.bytes),
  ];
  if (r.bom) facts.push('byte-order mark');
  if (r.crlf) facts.push('CRLF line ends');
  $('[data-check-summary]').textContent = `${facts.join(' · ')}.`;

  const verdict = $('[data-check-verdict]');
  verdict.hidden = r.error_count === 0;
  verdict.textContent = r.valid_examples
    ? `OpenAI rejects a file with format errors: fix the lines below first. The costs count the ${plural(r.valid_examples, 'valid example', f)}.`
    : 'No example in this file is valid, so there is nothing to price yet: fix the errors below.';

  const shown = r.errors.slice(0, SHOWN_ERRORS);
  $('[data-errors-box]').hidden = shown.length === 0;
  const rows = shown.map((e) =>
    make('tr', {}, [
      make('td', { className: 'num', textContent: e.column > 1 ? `${f.count(e.line)}:${f.count(e.column)}` : f.count(e.line) }),
      make('td', {}, [make('code', { textContent: e.type })]),
      make('td', { textContent: e.message }),
    ]),
  );
  const more = r.error_count - shown.length;
  if (more > 0) {
    const byType = Object.entries(r.error_counts).map(([type, n]) => `${type} ${f.count(n)}`).join(', ');
    rows.push(make('tr', {}, [make('td', { colSpan: 3, className: 'small', textContent: `and ${f.count(more)} more (${byType}); llmcalc dataset --json lists up to 1,000.` })]));
  }
  $('[data-errors]').replaceChildren(...rows);

  $('[data-check-warnings]').replaceChildren(
    ...r.warnings.filter((w) => w.count > 0).map((w) => make('li', { textContent: `${plural(w.count, 'example', f)} ${WARNINGS[w.type] ?? w.type}: ${lineList(w.lines, w.count)}.` })),
  );

  const t = r.tokens;
  $('[data-token-box]').hidden = !t || t.examples === 0;
  if (!t || t.examples === 0) return;
  $('[data-stats-caption]').textContent = `Tokens per example, ${plural(t.examples, 'example', f)} counted:`;
  const stats = { Min: t.min, p10: t.p10, Median: t.median, Mean: t.mean, p90: t.p90, Max: t.max };
  $('[data-stats]').replaceChildren(
    ...Object.entries(stats).map(([label, v]) => make('div', {}, [make('dt', { textContent: label }), make('dd', { textContent: f.number(v, 1) })])),
  );
  renderHistogram($('[data-histogram]'), {
    title: `Tokens per example: ${f.count(t.examples)} examples in ${t.histogram.length} ranges from ${f.count(t.min)} to ${f.count(t.max)} tokens`,
    bins: t.histogram,
    formatValue: (n) => f.count(n),
    binLabel: (b) => (b.from === b.to ? `${f.count(b.from)} tokens` : `${f.count(b.from)}–${f.count(b.to)} tokens`),
  });
  const notes = [
    `Counted with ${encoding}, the tokenizer of ${model}, the way OpenAI's cookbook counts a chat request (OpenAI calls that an estimate): message text exact, plus its per-message overhead.`,
    `Tokens per epoch: ${f.count(t.trained_per_epoch)}${t.over_limit ? `; ${f.count(t.over_limit)} ${t.over_limit === 1 ? 'example is' : 'examples are'} over the ${f.count(r.token_limit)}-token limit and count only up to it` : ` (no example is over the ${f.count(r.token_limit)}-token limit)`}.`,
    'p10 and p90: 10% of examples have fewer tokens than p10, 10% more than p90.',
  ];
  $('[data-token-notes]').replaceChildren(...notes.map((n) => make('li', { textContent: n })));
}
