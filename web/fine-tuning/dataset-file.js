// The estimator's "JSONL file" mode: a dropped or chosen training file is
// checked and counted in dataset.worker.js (lazily started, so the numbers
// mode never pays for it), with progress and a cancel button. What the
// costs need – valid examples and tokens per epoch – is kept in the link
// (file_name, file_examples, file_tokens); the file itself is not, and the
// page says so when a link restores those counts.
import { bindDropZone } from '../src/shell/drop-zone.js';

const URL_KEYS = ['file_name', 'file_examples', 'file_tokens'];

/**
 * @param {{form: HTMLFormElement, llm: any, onChange: () => void}} options
 *   onChange runs whenever the counts or the check change.
 */
export function createDatasetFile({ form, llm, onChange }) {
  const $ = (selector) => form.querySelector(selector);
  const select = form.elements.count_model;
  const progress = $('[data-progress]');
  const bar = progress.querySelector('progress');
  const progressText = $('[data-progress-text]');
  const summary = $('[data-file-summary]');
  const f = llm.format;

  let worker = null;
  let jobId = 0;
  let file = null; // the File last given
  let counts = restoreCounts(); // { name, examples, tokens, restored }
  let result = null; // the full check (DatasetResult) of `file`

  fillModels();
  showCounts();

  function restoreCounts() {
    const params = new URLSearchParams(location.search);
    if (!URL_KEYS.every((k) => params.has(k))) return null;
    const examples = Number(params.get('file_examples'));
    const tokens = Number(params.get('file_tokens'));
    if (!Number.isSafeInteger(examples) || !Number.isSafeInteger(tokens) || examples < 0 || tokens < 0) return null;
    return { name: params.get('file_name'), examples, tokens, restored: true };
  }

  // OpenAI's tunable models: the check is OpenAI's chat format and each is
  // counted exactly with its own encoding. Other providers' quotes use the
  // same count.
  function fillModels() {
    const wanted = new URLSearchParams(location.search).get('count_model');
    const models = llm.listModels().models.filter((m) => m.fine_tuning && m.provider === 'openai');
    select.replaceChildren(
      ...models.map((m) => {
        const { encoding } = llm.findModel(m.id).counting;
        const option = new Option(m.id, m.id);
        option.dataset.encoding = encoding;
        return option;
      }),
    );
    const fallback = models.find((m) => m.id === 'gpt-4.1-mini') ?? models[0];
    // The default is what a fresh page shows, so the link leaves it out.
    for (const option of select.options) option.defaultSelected = option.value === fallback?.id;
    select.value = models.some((m) => m.id === wanted) ? wanted : fallback?.id ?? '';
    showHint();
  }

  function showHint() {
    const encoding = select.selectedOptions[0]?.dataset.encoding ?? '';
    $('[data-count-hint]').textContent = `Checked in OpenAI's chat format and counted with ${encoding}, chat overhead included. Other providers' quotes use this count.`;
  }

  function showCounts() {
    if (!counts) {
      summary.textContent = '';
      return;
    }
    const what = `${f.count(counts.examples)} valid ${counts.examples === 1 ? 'example' : 'examples'}, ${f.count(counts.tokens)} tokens per epoch`;
    summary.textContent = counts.restored
      ? `From ${counts.name}: ${what}, counted earlier. The link keeps these counts, not the file: drop it again to see its check.`
      : `${counts.name} (${f.bytes(result.bytes)}): ${what}.`;
  }

  function startWorker() {
    worker = new Worker(new URL('./dataset.worker.js', import.meta.url), { type: 'module' });
    worker.onmessage = ({ data }) => {
      if (data.id !== jobId) return; // an answer about a file since replaced
      if (data.type === 'progress') return showProgress(data);
      progress.hidden = true;
      if (data.type === 'done') {
        result = data.result;
        const tokens = result.tokens;
        counts = { name: file.name, examples: result.valid_examples, tokens: tokens ? tokens.trained_per_epoch : 0, restored: false };
        showCounts();
      } else if (data.type === 'cancelled') {
        summary.textContent = `Stopped. ${file.name} was not counted; drop it again to start over.`;
      } else {
        summary.textContent = `${file.name} could not be checked: ${data.error.message}`;
      }
      onChange();
    };
    worker.onerror = (event) => {
      progress.hidden = true;
      summary.textContent = `The file could not be checked: ${event.message || 'the worker failed to start'}.`;
      worker = null;
      onChange();
    };
  }

  function showProgress({ bytes, total, lines }) {
    bar.value = total > 0 ? bytes / total : 1;
    progressText.textContent = `${f.bytes(bytes)} of ${f.bytes(total)} · ${f.count(lines)} lines`;
  }

  function analyze() {
    if (!file) return;
    const limit = tokenLimit();
    if (limit === null) return;
    if (!worker) startWorker();
    jobId += 1;
    counts = null;
    result = null;
    showProgress({ bytes: 0, total: file.size, lines: 0 });
    progress.hidden = false;
    summary.textContent = '';
    worker.postMessage({
      type: 'analyze',
      id: jobId,
      file,
      encoding: select.selectedOptions[0]?.dataset.encoding,
      model: select.value,
      tokenLimit: limit,
    });
    onChange();
  }

  // The token limit field, read by the core's rule (an analyzer that is
  // made and dropped at once): an error shows on the field, and the last
  // check stays until it is fixed. Empty means the default.
  function tokenLimit() {
    const input = form.elements.token_limit;
    let message = '';
    try {
      llm.createDatasetAnalyzer({ tokenLimit: input.value }).cancel();
    } catch (e) {
      message = e.message;
    }
    $('[data-field="token_limit"]').toggleAttribute('data-invalid', message !== '');
    if (message) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
    $('#token_limit-error').textContent = message;
    return message ? null : input.value;
  }

  function open(chosen) {
    if (!chosen) return;
    file = chosen;
    analyze();
  }

  bindDropZone($('[data-drop-zone]'), open);
  form.elements.dataset_file.addEventListener('change', (event) => {
    open(event.target.files[0]);
    event.target.value = ''; // choosing the same file again re-checks it
  });
  $('[data-cancel]').addEventListener('click', () => worker?.postMessage({ type: 'cancel', id: jobId }));
  select.addEventListener('change', () => {
    showHint();
    analyze();
  });
  form.elements.token_limit.addEventListener('input', () => (file ? analyze() : tokenLimit()));

  return {
    /** {examples, tokens} for the costs, or null until a file is counted. */
    get counts() {
      return counts;
    },
    /** The last full check, or null (none yet, running, or restored from a link). */
    get result() {
      return result;
    },
    get running() {
      return !progress.hidden;
    },
    get fileName() {
      return file?.name ?? counts?.name ?? '';
    },
    /** Extra link parameters: the counts, never the file. */
    urlParams() {
      return counts ? { file_name: counts.name, file_examples: String(counts.examples), file_tokens: String(counts.tokens) } : {};
    },
  };
}
