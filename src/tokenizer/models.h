// Which encoding a model uses, after tiktoken's model.py
// (MODEL_TO_ENCODING and MODEL_PREFIX_TO_ENCODING), extended with current
// OpenAI models and with the other families llmcalc counts exactly (issue
// #4: Llama 3, Qwen 2.5 / 3, DeepSeek V3 / R1, Mistral Nemo, Gemma 3,
// legacy Claude 2); Claude 3 and later have no public tokenizer and are
// unknown here on purpose, as are Gemini ids for now. Dated snapshots
// ("gpt-4o-2024-08-06") and variants
// ("gpt-4.1-mini") resolve through the family prefix, fine-tuned ids
// ("ft:gpt-4o-mini-2024-07-18:org::abc") through their base model, and a
// provider prefix ("openai/", "meta-llama/") is ignored.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace llmcalc::tokenizer {

// The encoding name; an unknown model is an InputError (field "model") that
// names the closest known ids.
std::string encoding_for_model(std::string_view model);

// Known ids, closest first (edit distance; ties in table order).
std::vector<std::string> closest_models(std::string_view model, std::size_t limit);

// Every model id the table knows by exact name.
std::vector<std::string> known_models();

}  // namespace llmcalc::tokenizer
