// <llmcalc-token-counter>: the text counted exactly with the model's
// encoding (the same ids as OpenAI's tiktoken) and priced as input. On the
// main thread, unlike the page: a worker must come from the page's own
// origin, and a widget's scripts come from llmcalc's. Blog-sized text
// counts in well under a frame; the vocabulary is fetched once per page,
// however many widgets use it.
import { make, priceSource } from '../src/shell/dom.js';
import { countableModels, FALLBACK_MODELS } from '../token-counter/models.js';
import { createFrame, field, tiles } from './frame.js';

// Pasted text is text: "<|endoftext|>" in a prompt is characters, as on the page.
const AS_TEXT = { disallowedSpecial: [] };

export async function mount(host, root, placeholder) {
  const frame = createFrame(host, root, placeholder, { tool: 'token-counter' });
  const { form, results, initial } = frame;
  const select = make('select', { id: 'model', name: 'model', attrs: { 'aria-describedby': 'model-error' } });
  const text = make('textarea', { id: 'text', name: 'text', rows: 5, spellcheck: false, value: initial('text'), attrs: { 'aria-describedby': 'text-stats' } });
  form.append(
    make('div', { className: 'fields fields--single' }, [field({ name: 'model', label: 'Model', control: select })]),
    make('div', { className: 'field text-field' }, [
      make('label', { htmlFor: 'text', textContent: 'Text' }),
      text,
      make('span', { className: 'hint', id: 'text-stats' }),
    ]),
  );
  const [box, out] = tiles([
    ['tokens', 'Tokens'],
    ['cost', 'Input cost'],
    ['chars', 'Characters per token', true],
  ]);
  const source = make('p', { className: 'source small' });
  results.append(box, source);

  // The catalog only prices the count: the counter works without it.
  const core = await frame.loadCore();
  if (!core) return;
  const { llm } = core;
  const f = llm.format;
  let priced = false;
  try {
    const models = countableModels(llm, await llm.loadCatalog());
    priced = true;
    select.append(make('optgroup', { label: 'OpenAI models' }, models.map((m) => new Option(m.id, m.id))));
  } catch {
    select.append(make('optgroup', { label: 'OpenAI models' }, FALLBACK_MODELS.map((id) => new Option(id, id))));
  }
  select.append(make('optgroup', { label: 'Encodings' }, llm.encodings.map((e) => new Option(e.name, `encoding:${e.name}`))));
  select.value = initial('model');
  if (select.selectedIndex < 0) {
    // A model the list does not offer (older, or not in this catalog): count it if its encoding is known.
    select.prepend(new Option(initial('model'), initial('model')));
    select.value = initial('model');
  }
  frame.applyAttributes();

  let run = 0;
  const compute = async () => {
    const mine = ++run;
    const model = select.value.startsWith('encoding:') ? null : select.value;
    frame.setOpenLink({ model: select.value });
    const chars = [...text.value].length;
    form.querySelector('#text-stats').textContent = `${f.count(chars)} characters`;
    try {
      const encoding = model ? llm.encodingForModel(model) : select.value.slice('encoding:'.length);
      if (!results.hidden) results.setAttribute('aria-busy', 'true');
      const enc = await llm.loadEncoding(encoding);
      if (mine !== run) return;
      const tokens = enc.count(text.value, AS_TEXT);
      frame.clearErrors();
      out.tokens.textContent = f.count(tokens);
      out.tokens_sub.textContent = `${encoding} · exact`;
      out.chars.textContent = tokens ? f.number(chars / tokens, 2) : '—';
      out.chars_sub.textContent = `${f.count(chars)} characters`;
      if (model && priced) {
        try {
          const p = llm.price({ model, input: tokens, output: 0 });
          out.cost.textContent = f.usd(p.cost_usd);
          out.cost_sub.textContent = `${model} at ${f.usd(p.lines[0]?.price_per_million ?? 0)} / 1M input`;
          source.replaceChildren(...priceSource(p));
        } catch (e) {
          out.cost.textContent = '—';
          out.cost_sub.textContent = e.message;
          source.replaceChildren();
        }
      } else {
        out.cost.textContent = '—';
        out.cost_sub.textContent = priced ? 'choose a model to price the tokens' : 'the price catalog could not load';
        source.replaceChildren();
      }
      results.setAttribute('aria-busy', 'false');
      frame.showResults();
    } catch (e) {
      if (mine === run) frame.showError(e);
    }
  };
  form.addEventListener('input', compute);
  form.addEventListener('change', compute);
  compute();
}
