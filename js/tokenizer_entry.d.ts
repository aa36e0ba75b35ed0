// Types of "llmcalc/tokenizer": the tokenizer part of the full API on a
// smaller module (see js/tokenizer_node.js).
import type { Llmcalc } from './index.js';

export { LlmcalcError } from './index.js';
export type { Encoding, EncodingName, SpecialTokenOptions, TokenSpans, CountChatInput, CountChatResult } from './index.js';

export type LlmcalcTokenizer = Pick<Llmcalc, 'encodings' | 'otherEncodings' | 'loadEncoding' | 'encodingForModel' | 'countChat' | 'format'>;

export interface LoadTokenizerOptions {
  /**
   * Vocabularies to download while the module compiles ('o200k_base',
   * 'cl100k_base', 'p50k_base', 'r50k_base'), so the first loadEncoding()
   * of one does not wait for its file. An unknown name throws LlmcalcError.
   */
  preload?: string[];
  /**
   * The module's wasm compiled elsewhere (compileTokenizer(), e.g. by a page
   * that posts it to its worker). If it rejects, the wasm is loaded here.
   */
  wasmModule?: WebAssembly.Module | Promise<WebAssembly.Module>;
  /**
   * Vocabulary files loaded elsewhere, by name (fetchVocabulary()); each is
   * used by the first loadEncoding() that needs it. One that rejects is
   * loaded here instead.
   */
  vocabularies?: Record<string, ArrayBuffer | Uint8Array | Promise<ArrayBuffer | Uint8Array>>;
}

/** Loads the tokenizer-only module once; later calls share the same instance. */
export function loadTokenizer(options?: LoadTokenizerOptions): Promise<LlmcalcTokenizer>;

/** Compiles the tokenizer module's wasm, to hand to loadTokenizer({ wasmModule }) here or in a worker. */
export function compileTokenizer(): Promise<WebAssembly.Module>;

/** A vocabulary file's bytes ('o200k_base', …), to hand to loadTokenizer({ vocabularies }). An unknown name throws LlmcalcError. */
export function fetchVocabulary(name: string): Promise<Uint8Array>;
