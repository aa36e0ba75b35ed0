// The page hands its worker the tokenizer's compiled wasm and the default
// vocabulary. Both start downloading as the page's script runs, not after
// the worker's script has arrived, and the wasm is downloaded and compiled
// once for both threads. A handover that fails tells the worker, which then
// fetches the file itself.
const TAG = 'llmcalc-handover';

/** Whether a message to the worker is a handover (not a request). */
export const isHandover = (data) => data?.[TAG] !== undefined;

/** Page side: posts each asset to `worker` once it is ready (bytes are transferred). */
export function handOver(worker, { wasmModule, vocabularies = {} }) {
  const send = (key, promise, transfer) =>
    Promise.resolve(promise).then(
      (value) => worker.postMessage({ [TAG]: key, value }, transfer(value)),
      () => worker.postMessage({ [TAG]: key, failed: true }),
    );
  send('wasm', wasmModule, () => []);
  for (const [name, bytes] of Object.entries(vocabularies)) send(`vocab:${name}`, bytes, (b) => [b.buffer]);
}

/** Worker side: promises of what the page hands over. */
export function receiveHandover() {
  const entries = new Map();
  const entry = (key) => {
    if (!entries.has(key)) {
      const e = {};
      e.promise = new Promise((resolve, reject) => Object.assign(e, { resolve, reject }));
      e.promise.catch(() => {}); // the loader falls back; nothing to report
      entries.set(key, e);
    }
    return entries.get(key);
  };
  self.addEventListener('message', ({ data }) => {
    if (!isHandover(data)) return;
    const e = entry(data[TAG]);
    if (data.failed) e.reject(new Error(`${data[TAG]} was not handed over`));
    else e.resolve(data.value);
  });
  return { wasmModule: entry('wasm').promise, vocabulary: (name) => entry(`vocab:${name}`).promise };
}
