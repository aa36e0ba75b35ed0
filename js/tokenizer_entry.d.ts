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
}

/** Loads the tokenizer-only module once; later calls share the same instance. */
export function loadTokenizer(options?: LoadTokenizerOptions): Promise<LlmcalcTokenizer>;
