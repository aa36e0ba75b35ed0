// Checks a dropped training file off the main thread, so typing never
// stutters: the file is read in 1 MiB slices and fed to the core's
// streaming analyzer (src/dataset/, the code behind `llmcalc dataset`),
// which keeps memory bounded by one line – a 100 MB file works. Progress
// goes out after every slice; between slices the loop awaits, so a cancel
// message (or a newer file) is seen and stops it.
//
// In:  {type: 'analyze', id, file, encoding, model, tokenLimit}
//      {type: 'cancel', id}
// Out: {id, type: 'progress', bytes, total, lines}
//      {id, type: 'done', result} | {id, type: 'cancelled'} | {id, type: 'error', error}
import { loadLlmcalc } from 'llmcalc';

const SLICE = 1 << 20;
const core = loadLlmcalc();
let current = null; // { id, cancelled }

self.onmessage = async ({ data }) => {
  if (data.type === 'cancel') {
    if (current?.id === data.id) current.cancelled = true;
    return;
  }
  if (current) current.cancelled = true; // a newer file replaces it
  const job = (current = { id: data.id, cancelled: false });
  try {
    const result = await analyze(job, data);
    self.postMessage(result ? { id: job.id, type: 'done', result } : { id: job.id, type: 'cancelled' });
  } catch (e) {
    self.postMessage({ id: job.id, type: 'error', error: { message: e.message ?? String(e), field: e.field ?? '' } });
  } finally {
    if (current === job) current = null;
  }
};

async function analyze(job, { file, encoding, model, tokenLimit }) {
  const llm = await core;
  const enc = await llm.loadEncoding(encoding);
  const analyzer = llm.createDatasetAnalyzer({ encoding: enc, model, tokenLimit });
  try {
    let start = 0;
    do {
      if (job.cancelled) break;
      const end = Math.min(file.size, start + SLICE);
      analyzer.feed(new Uint8Array(await file.slice(start, end).arrayBuffer()));
      self.postMessage({ id: job.id, type: 'progress', bytes: end, total: file.size, lines: analyzer.linesRead });
      start = end;
    } while (start < file.size);
    if (job.cancelled) {
      analyzer.cancel();
      return null;
    }
    return analyzer.finish();
  } catch (e) {
    analyzer.cancel();
    throw e;
  }
}
