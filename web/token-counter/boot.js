// What the first count waits for, started before the rest of the page's
// modules run: ES modules evaluate in import order, so the page imports
// this first and its worker, the wasm compile and the o200k_base download
// begin as soon as the module graph has arrived, not after the page's UI
// code has been evaluated.
import { compileTokenizer, fetchVocabulary } from 'llmcalc/tokenizer';
import { handOver } from './asset-handover.js';

export const wasmModule = compileTokenizer();
export const worker = new Worker(new URL('./tokenize.worker.js', import.meta.url), { type: 'module' });
handOver(worker, { wasmModule, vocabularies: { o200k_base: fetchVocabulary('o200k_base') } });
