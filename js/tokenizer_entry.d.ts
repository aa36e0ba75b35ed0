// Types of "llmcalc/tokenizer": the tokenizer part of the full API on a
// smaller module (see js/tokenizer_node.js).
import type { Llmcalc } from './index.js';

export { LlmcalcError } from './index.js';
export type { Encoding, EncodingName, SpecialTokenOptions, TokenSpans, CountChatInput, CountChatResult } from './index.js';

export type LlmcalcTokenizer = Pick<Llmcalc, 'encodings' | 'otherEncodings' | 'loadEncoding' | 'encodingForModel' | 'countChat' | 'format'>;

/** Loads the tokenizer-only module once; later calls share the same instance. */
export function loadTokenizer(): Promise<LlmcalcTokenizer>;
