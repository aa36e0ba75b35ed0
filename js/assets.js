// Data files that ship with the package, by name. Each URL is written out
// literally so that Vite sees it, emits the file as a hashed asset and
// fetches it only when a page asks for it (a page loads only the
// vocabularies it uses).
const urls = {
  // Tokenizer vocabularies (built into js/vocab/ by data/vocab/build_vocab.mjs).
  'vocab/r50k_base.bin': new URL('./vocab/r50k_base.bin', import.meta.url),
  'vocab/p50k_base.bin': new URL('./vocab/p50k_base.bin', import.meta.url),
  'vocab/cl100k_base.bin': new URL('./vocab/cl100k_base.bin', import.meta.url),
  'vocab/o200k_base.bin': new URL('./vocab/o200k_base.bin', import.meta.url),
  // Hugging Face families and the legacy Claude tokenizer (data/vocab/build_hf_vocab.mjs).
  'vocab/llama3.bin': new URL('./vocab/llama3.bin', import.meta.url),
  'vocab/qwen2_5.bin': new URL('./vocab/qwen2_5.bin', import.meta.url),
  'vocab/qwen3.bin': new URL('./vocab/qwen3.bin', import.meta.url),
  'vocab/deepseek_v3.bin': new URL('./vocab/deepseek_v3.bin', import.meta.url),
  'vocab/mistral_nemo.bin': new URL('./vocab/mistral_nemo.bin', import.meta.url),
  'vocab/gemma3.bin': new URL('./vocab/gemma3.bin', import.meta.url),
  'vocab/claude_legacy.bin': new URL('./vocab/claude_legacy.bin', import.meta.url),
  // Model and price catalog (data/catalog/catalog.json, copied here by the wasm build).
  'catalog.json': new URL('./data/catalog.json', import.meta.url),
};

/** @returns {URL | undefined} */
export function assetUrl(name) {
  return urls[name];
}

/** Fetches a data file (browsers and workers), relative to this module's URL. */
export async function fetchAsset(name) {
  const url = assetUrl(name);
  if (!url) throw new Error(`Unknown data file: ${name}`);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load ${name}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}
