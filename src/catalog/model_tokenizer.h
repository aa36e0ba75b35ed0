// Which tokenizer llmcalc counts a catalog model's text with, and whether
// that count is exact. The catalog names each model's tokenizer family
// (o200k_base, cl100k_base, gemma3, llama3, claude-estimate, …). The OpenAI
// encodings are exact by family; the other families llmcalc runs (Llama 3,
// Qwen 2.5 / 3, DeepSeek V3, Mistral Nemo, Gemma 3, legacy Claude 2) are
// exact only for model ids tokenizer/models.h maps to them. Everything else, Claude 3 and later
// always, is counted with o200k_base and labelled an estimate.
#pragma once

#include <string>

#include "catalog/catalog.h"

namespace llmcalc {

struct TokenCounting {
  std::string encoding;  // an encoding name llmcalc can load
  bool exact = false;
  std::string note;  // why it is an estimate; empty when exact
};

TokenCounting token_counting(const Model& model);

}  // namespace llmcalc
