// The fine-tuning estimator's form read and its quotes as table rows,
// shared by the page and the embeddable widget. The core's trainingCost
// computes every number; this file only reads fields and words results.
import { make, sourceHost, sourceLink } from '../src/shell/dom.js';

// Editable starting points, not facts: peak dense BF16 throughput from the
// makers' data sheets and typical on-demand rental prices in late 2026.
export const GPUS = {
  h100: { name: 'H100 SXM', tflops: '989', hourly: '2.50', memory: '80' },
  a100: { name: 'A100 80 GB', tflops: '312', hourly: '1.50', memory: '80' },
  l40s: { name: 'L40S', tflops: '362', hourly: '1.00', memory: '48' },
  rtx4090: { name: 'RTX 4090', tflops: '165', hourly: '0.40', memory: '24' },
};
export const METHOD_LABELS = { supervised: 'Supervised', reinforcement: 'Reinforcement', lora: 'LoRA', full: 'Full', qlora: 'QLoRA' };

/** Core fields whose input has another name in the form. */
export const FIELD_OF = { tokens_per_epoch: 'tokens_per_example' };

/** trainingCost's input from the form's fields as typed (empty optional fields left out). */
export function readInput(form) {
  const value = (name) => form.elements[name].value;
  const optional = (name) => (value(name).trim() === '' ? undefined : value(name));
  const withParams = optional('params_billions') !== undefined;
  return {
    examples: value('examples'),
    tokens_per_example: value('tokens_per_example'),
    epochs: optional('epochs'),
    prompt_tokens: value('prompt_tokens'),
    output_tokens: value('output_tokens'),
    rft_hours: optional('rft_hours'),
    validation_tokens: value('validation_tokens'),
    evaluations: value('evaluations'),
    ...(withParams
      ? {
          params_billions: value('params_billions'),
          trainable_fraction: value('trainable_fraction'),
          gpu: {
            name: GPUS[value('gpu_preset')]?.name ?? 'GPU',
            tflops: value('gpu_tflops'),
            utilization: value('utilization'),
            hourly_usd: value('gpu_hourly_usd'),
            memory_gb: value('gpu_memory_gb'),
          },
        }
      : {}),
  };
}

/** The cheapest hosted quote still open for new jobs: {value, sub, quote}. */
export function cheapestQuote(f, r) {
  const priced = r.hosted.filter((q) => q.cost_usd !== null && q.available);
  const cheapest = priced.reduce((a, b) => (b.cost_usd < a.cost_usd ? b : a), priced[0]);
  if (!cheapest) return { value: '—', sub: 'no hosted price applies' };
  return { value: f.usd(cheapest.cost_usd), sub: cheapest.model ? `${cheapest.model}, ${METHOD_LABELS[cheapest.method].toLowerCase()}` : cheapest.label, quote: cheapest };
}

function statusCell(q) {
  const cell = make('td', { className: 'small' });
  const date = (d) => make('span', { className: 'nowrap', textContent: d });
  if (!q.available) cell.append('no new jobs after ', date(q.new_jobs_until), ' · ');
  else if (q.new_jobs_until) cell.append('new jobs until ', date(q.new_jobs_until), ' · ');
  if (!q.confirmed) cell.append('unconfirmed figure · ');
  cell.append(sourceLink(q.source, sourceHost(q.source)), ', ', date(q.as_of));
  return cell;
}

/** One hosted quote: model and method, price, training cost, status with source and date. */
export function hostedRow(f, q) {
  const price = q.price_per_million !== null ? `${f.usd(q.price_per_million)}/1M` : `${f.usd(q.price_per_hour)}/hour`;
  const cost = q.cost_usd !== null ? f.usd(q.cost_usd) : 'enter hours';
  const billed = q.price_per_million !== null ? ` · ${f.count(q.billed_tokens)} tokens` : '';
  return make('tr', { className: q.available ? '' : 'unavailable' }, [
    make('th', { scope: 'row' }, [
      make('span', { className: 'quote-label', textContent: q.model ?? q.label }),
      make('span', { className: 'quote-detail', textContent: `${METHOD_LABELS[q.method] ?? q.method}${billed}` }),
    ]),
    make('td', { className: 'num nowrap', textContent: price }),
    make('td', { className: 'num nowrap', textContent: cost }),
    statusCell(q),
  ]);
}

/** One rented-GPU estimate: method, GPU-hours, cost, memory, GPUs. */
export function selfHostedRow(f, m) {
  return make('tr', {}, [
    make('th', { scope: 'row', textContent: METHOD_LABELS[m.method] }),
    make('td', { className: 'num', textContent: f.number(m.gpu_hours, 1) }),
    make('td', { className: 'num', textContent: f.usd(m.cost_usd) }),
    make('td', { className: 'num', textContent: `${f.number(m.memory_gb, 1)} GB` }),
    make('td', { className: 'num', textContent: f.count(m.gpus) }),
  ]);
}
