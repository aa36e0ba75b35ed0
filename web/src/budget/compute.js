// The budget of the chosen models for the sections as entered, shared by
// the budget and context-window pages. Typed numbers go to the core as
// typed (it validates them and names the field); pasted sections are
// counted with each model's tokenizer in the worker first. The core says
// which encoding a model's text is counted with (exact for OpenAI, an
// o200k_base estimate otherwise); a window of one's own uses o200k_base.
const OWN_WINDOW_ENCODING = 'o200k_base';

/**
 * @returns {Promise<{result: any, counts: Record<string, Record<string, number>>} | null>}
 *   null when a newer request superseded this one; throws LlmcalcError on bad input
 */
export async function computeBudget(llm, counter, { numbers, texts }, entries) {
  const sections = { ...numbers };
  for (const id of Object.keys(texts)) sections[id] = 0;
  const first = llm.budget({ sections, models: entries });
  if (!Object.values(texts).some(Boolean)) return { result: first, counts: {} };
  const encodingOf = (m) => m.counting?.encoding ?? OWN_WINDOW_ENCODING;
  const encodings = [...new Set(first.models.map(encodingOf))];
  const counts = await counter.count(texts, encodings);
  if (!counts) return null;
  const models = entries.map((entry, i) => {
    const own = counts[encodingOf(first.models[i])];
    return typeof entry === 'string' ? { model: entry, sections: own } : { ...entry, sections: own };
  });
  return { result: llm.budget({ sections, models }), counts };
}

/** "1,234 tokens with o200k_base · 1,301 with cl100k_base" for a pasted section. */
export function describeCounts(llm, counts, section) {
  return Object.entries(counts)
    .map(([encoding, bySection], i) => `${llm.format.count(bySection[section] ?? 0)}${i === 0 ? ' tokens' : ''} with ${encoding}`)
    .join(' · ');
}
