// Which tokenizer llmcalc counts a catalog model's text with, and whether
// that count is exact. The catalog names each model's tokenizer family
// (o200k_base, cl100k_base, gemma3, llama3, claude-estimate, …). The OpenAI
// encodings are exact by family; the other families llmcalc runs (Llama 3,
// Qwen 2.5 / 3, DeepSeek V3, Mistral Nemo, Gemma 3, legacy Claude 2) are
// exact only for model ids tokenizer/models.h maps to them. Everything else, Claude 3 and later
// always, is counted with o200k_base and labelled an estimate.
#pragma once

#include <string>
#include <vector>

#include "catalog/catalog.h"

namespace llmcalc {

struct TokenCounting {
  std::string encoding;  // an OpenAI encoding name llmcalc can load
  bool exact = false;
  std::string note;  // why it is an estimate; empty when exact
};

TokenCounting token_counting(const Model& model);

// Encodings the host cannot load (the site leaves out vocabularies whose
// terms it cannot meet yet: web/unserved-vocabularies.js). Their models
// are counted with o200k_base, an estimate whose note says why. Empty by
// default; the last call wins.
void set_unavailable_encodings(std::vector<std::string> names);

}  // namespace llmcalc
