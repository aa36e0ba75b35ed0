// <llmcalc-fine-tuning>: what training costs at the hosted providers (with
// each price's source and date) and, for an open-weight model, on rented
// GPUs – the latter an estimate from FLOPs, labelled so. The form is read
// and the rows are made by the page's own quotes.js; the core's
// trainingCost computes everything.
import { LlmcalcError } from 'llmcalc';
import pageCss from '../fine-tuning/fine-tuning.css?inline';
import { make, priceSource } from '../src/shell/dom.js';
import { FIELD_OF, GPUS, cheapestQuote, hostedRow, readInput, selfHostedRow } from '../fine-tuning/quotes.js';
import { createFrame, field, tiles } from './frame.js';

const hidden = (name, value) => make('input', { type: 'hidden', name, value });

/** A results table; columns 1 to `numeric` hold numbers. */
function table(caption, headings, body, { numeric, className = '' }) {
  // Focusable, so a table wider than a phone can be scrolled with the keyboard.
  return make('div', { className: 'table-scroll', tabIndex: 0, attrs: { 'data-detail': '', role: 'region', 'aria-label': caption } }, [
    make('table', { className: `data-table ${className}` }, [
      make('caption', { className: 'visually-hidden', textContent: caption }),
      make('thead', {}, [make('tr', {}, headings.map((t, i) => make('th', { scope: 'col', className: i && i <= numeric ? 'num' : '', textContent: t })))]),
      body,
    ]),
  ]);
}

export async function mount(host, root, placeholder) {
  const frame = createFrame(host, root, placeholder, { tool: 'fine-tuning', css: [pageCss] });
  const { form, results, initial } = frame;
  const preset = make('select', { id: 'gpu_preset', name: 'gpu_preset' }, Object.entries(GPUS).map(([id, g]) => new Option(`${g.name}${g.name.includes('GB') ? '' : ` ${g.memory} GB`}`, id)));
  preset.value = initial('gpu-preset');
  const gpu = () => GPUS[preset.value] ?? GPUS.h100;
  form.append(
    make('div', { className: 'fields' }, [
      field({ name: 'examples', label: 'Examples', value: initial('examples'), inputMode: 'numeric' }),
      field({ name: 'tokens_per_example', label: 'Tokens per example', value: initial('tokens-per-example'), inputMode: 'numeric' }),
      field({ name: 'epochs', label: 'Epochs', value: initial('epochs'), inputMode: 'numeric', hint: "Empty: OpenAI's rule." }),
      field({ name: 'params_billions', label: 'Open model size', value: initial('params-billions'), affix: 'B params', hint: 'Empty: no GPU estimate.' }),
    ]),
    make('details', { attrs: { 'data-detail': '' } }, [
      make('summary', { textContent: 'Request and GPU settings' }),
      make('div', { className: 'fields' }, [
        field({ name: 'prompt_tokens', label: 'Prompt tokens', value: initial('prompt-tokens'), inputMode: 'numeric', hint: 'One request, for the tuned price sheet.' }),
        field({ name: 'output_tokens', label: 'Output tokens', value: initial('output-tokens'), inputMode: 'numeric' }),
        field({ name: 'gpu_preset', label: 'GPU', control: preset }),
        field({ name: 'gpu_hourly_usd', label: 'Price per GPU-hour', value: initial('gpu-hourly-usd') || gpu().hourly, prefix: '$' }),
        field({ name: 'utilization', label: 'Utilisation', value: initial('utilization') }),
        field({ name: 'trainable_fraction', label: 'LoRA trainable share', value: initial('trainable-fraction') }),
      ]),
    ]),
    // The page's other inputs, at its defaults (the preset fills the GPU's).
    hidden('rft_hours', ''),
    hidden('validation_tokens', '0'),
    hidden('evaluations', '0'),
    hidden('gpu_tflops', gpu().tflops),
    hidden('gpu_memory_gb', gpu().memory),
  );
  frame.applyAttributes();
  if (!host.getAttribute('gpu-hourly-usd')) form.elements.gpu_hourly_usd.value = gpu().hourly;

  const [box, out] = tiles([
    ['tokens', 'Training tokens'],
    ['cheapest', 'Cheapest hosted'],
    ['gpu', 'LoRA on rented GPUs'],
  ]);
  const hosted = make('tbody');
  const rented = make('tbody');
  const rentedBox = make('div', {}, [
    make('p', { className: 'subheading', attrs: { 'data-detail': '' }, textContent: 'On rented GPUs — an estimate from FLOPs' }),
    table('Rented-GPU estimates', ['Method', 'GPU-hours', 'Cost', 'Memory', 'GPUs'], rented, { numeric: 4 }),
  ]);
  const notes = make('ul', { className: 'notes', attrs: { 'data-detail': '' } });
  // Every hosted quote is a long list for a post: folded, the tiles give the cheapest.
  const hostedBox = make('details', { attrs: { 'data-detail': '' } }, [
    make('summary', { textContent: 'Every hosted quote, with its source' }),
    table('Hosted training quotes', ['Model', 'Price', 'Training', 'Status and source'], hosted, { numeric: 2, className: 'quotes' }),
  ]);
  const source = make('p', { className: 'source small' });
  results.append(box, source, rentedBox, hostedBox, notes);

  const core = await frame.loadCore({ catalog: true });
  if (!core) return;
  const { llm } = core;
  const f = llm.format;
  const compute = (event) => {
    if (event?.target === preset) {
      form.elements.gpu_tflops.value = gpu().tflops;
      form.elements.gpu_memory_gb.value = gpu().memory;
      form.elements.gpu_hourly_usd.value = gpu().hourly;
    }
    frame.clearErrors();
    const input = readInput(form);
    const fields = Object.fromEntries([...form.elements].filter((e) => e.name && e.type !== 'hidden').map((e) => [e.name, e.value]));
    frame.setOpenLink({ ...fields, gpu_tflops: form.elements.gpu_tflops.value, gpu_memory_gb: form.elements.gpu_memory_gb.value });
    try {
      const r = llm.trainingCost(input);
      const d = r.dataset;
      out.tokens.textContent = f.count(d.training_tokens);
      out.tokens_sub.textContent = `${f.count(d.tokens_per_epoch)} × ${d.epochs} epochs${d.default_epochs ? " (OpenAI's rule)" : ''}`;
      const cheapest = cheapestQuote(f, r);
      out.cheapest.textContent = cheapest.value;
      out.cheapest_sub.textContent = cheapest.sub;
      source.replaceChildren(...(cheapest.quote ? ['Cheapest hosted: ', ...priceSource(cheapest.quote)] : []));
      const lora = r.self_hosted?.methods.find((m) => m.method === 'lora');
      out.gpu.textContent = lora ? f.usd(lora.cost_usd) : '—';
      out.gpu_sub.textContent = lora ? `estimate · ${f.number(lora.gpu_hours, 1)} GPU-hours on ${r.self_hosted.gpu.name}` : 'enter the model size';
      hosted.replaceChildren(...r.hosted.map((q) => hostedRow(f, q)));
      rentedBox.hidden = !r.self_hosted;
      rented.replaceChildren(...(r.self_hosted?.methods ?? []).map((m) => selfHostedRow(f, m)));
      notes.replaceChildren(...r.notes.map((n) => make('li', { textContent: n })));
      frame.showResults();
    } catch (e) {
      frame.showError(e instanceof LlmcalcError ? e : { message: String(e?.message ?? e) }, (name) => FIELD_OF[name] ?? name);
    }
  };
  form.addEventListener('input', compute);
  form.addEventListener('change', compute);
  compute();
}
