// The models the token counter offers, shared by the page and the widget:
// a provider's current chat, reasoning and embedding models whose tokenizer
// runs here, each with its encoding (OpenAI's; Google's Gemini models that
// Google's SDK counts with Gemma 3).

/** Offered when the price catalog cannot load. */
export const FALLBACK_MODELS = ['gpt-5', 'gpt-4.1', 'gpt-4o', 'gpt-4o-mini', 'o3', 'o4-mini', 'gpt-4', 'gpt-3.5-turbo', 'text-embedding-3-small'];

/** [{id, encoding}] of one provider's models, sorted by id. */
export function countableModels(llm, catalog, provider = 'openai') {
  const seen = new Set();
  const list = [];
  for (const m of catalog.models
    .filter((m) => m.provider === provider && !m.deprecated && ['chat', 'reasoning', 'embedding'].includes(m.kind) && !m.id.startsWith('ft:'))
    .sort((a, b) => a.id.localeCompare(b.id))) {
    let encoding;
    try {
      encoding = llm.encodingForModel(m.id);
    } catch {
      continue; // no local tokenizer for this model
    }
    if (seen.has(m.id)) continue;
    seen.add(m.id);
    list.push({ id: m.id, encoding });
  }
  return list;
}
