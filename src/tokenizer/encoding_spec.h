// The OpenAI encodings: name, which ranks file, which pre-tokenizer pattern
// and which special tokens – as tiktoken_ext/openai_public.py defines them.
// p50k_edit shares p50k_base's ranks and o200k_harmony shares o200k_base's,
// so only four vocabulary files exist.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tokenizer/pretokenizer.h"

namespace llmcalc::tokenizer {

struct EncodingSpec {
  std::string name;
  std::string ranks;  // vocabulary file name without extension
  Pattern pattern;
  std::uint32_t n_vocab;  // tiktoken's n_vocab: highest token id + 1
  std::vector<std::pair<std::string, std::uint32_t>> specials;
};

const std::vector<EncodingSpec>& encoding_specs();

// Throws InputError (field "encoding") naming the known encodings.
const EncodingSpec& encoding_spec(std::string_view name);

}  // namespace llmcalc::tokenizer
