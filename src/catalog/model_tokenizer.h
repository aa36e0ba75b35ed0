// Which tokenizer llmcalc counts a catalog model's text with, and whether
// that count is exact. The catalog names each model's tokenizer family
// (o200k_base, cl100k_base, gemma3, llama3, claude-estimate, …). Only the
// OpenAI encodings run in llmcalc so far; every other family is counted
// with o200k_base and labelled an estimate, never shown as exact.
#pragma once

#include <string>

#include "catalog/catalog.h"

namespace llmcalc {

struct TokenCounting {
  std::string encoding;  // an OpenAI encoding name llmcalc can load
  bool exact = false;
  std::string note;  // why it is an estimate; empty when exact
};

TokenCounting token_counting(const Model& model);

}  // namespace llmcalc
