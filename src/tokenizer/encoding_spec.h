// The OpenAI encodings: name, which ranks file, which pre-tokenizer pattern
// and which special tokens – as tiktoken_ext/openai_public.py defines them.
// p50k_edit shares p50k_base's ranks and o200k_harmony shares o200k_base's,
// so only four vocabulary files exist.
//
// The other families (issue #4) come from Hugging Face tokenizer.json files
// and the legacy Claude tokenizer, converted by data/vocab/build_hf_vocab.mjs
// into version 3 files that carry their merges and added tokens; the spec
// holds what the core must do (pattern, normalizer, ignore_merges) and the
// loader checks that the file was converted for exactly that.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tokenizer/pretokenizer.h"

namespace llmcalc::tokenizer {

// Unicode normalization applied before pre-tokenization: Qwen's tokenizer.json
// has an NFC normalizer (applied to the text between added tokens); the
// legacy Claude tokenizer NFKC-normalizes the whole text first
// (@anthropic-ai/tokenizer countTokens).
enum class Normalizer { kNone, kNfcSections, kNfkcWhole };

struct EncodingSpec {
  EncodingSpec(std::string name_, std::string ranks_, Pattern pattern_, std::uint32_t n_vocab_,
               std::vector<std::pair<std::string, std::uint32_t>> specials_ = {})
      : name(std::move(name_)),
        ranks(std::move(ranks_)),
        pattern(pattern_),
        n_vocab(n_vocab_),
        specials(std::move(specials_)) {}

  std::string name;
  std::string ranks;  // vocabulary file name without extension
  Pattern pattern;
  std::uint32_t n_vocab;  // tiktoken's n_vocab: highest token id + 1
  std::vector<std::pair<std::string, std::uint32_t>> specials;
  // Non-OpenAI families: specials and merges come from the file.
  bool from_file = false;
  Normalizer normalizer = Normalizer::kNone;
  bool ignore_merges = true;   // a piece that is a whole token is that token
  bool byte_fallback = false;  // character-level BPE with <0xXX> tokens (Gemma)
  std::string family;          // what people call it: "Llama 3", "Qwen 2.5 / 3", …
};

// What the converter wrote into a version 3 file for this spec, less the
// merges entry (the converter decides that): "pre=cl100k norm=none
// ignore_merges=1 bytes=level" (bytes=fallback for Gemma).
std::string expected_descriptor(const EncodingSpec& spec);

const std::vector<EncodingSpec>& encoding_specs();

// Throws InputError (field "encoding") naming the known encodings.
const EncodingSpec& encoding_spec(std::string_view name);

}  // namespace llmcalc::tokenizer
