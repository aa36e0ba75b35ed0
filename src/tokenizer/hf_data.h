// What a version 3 vocabulary file holds beyond tiktoken-style ranks
// (written by data/vocab/build_hf_vocab.mjs): the descriptor of the
// pipeline it was converted for, the merges of a Hugging Face BPE model
// (absent when merging by rank was proven to give the same tokens) and the
// added tokens.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "tokenizer/added_tokens.h"
#include "tokenizer/merge_table.h"

namespace llmcalc::tokenizer {

class Vocab;

struct HfData {
  std::string descriptor;  // "pre=cl100k norm=none merges=pairs ignore_merges=1 bytes=level"
  bool pair_merges = false;
  MergeTable merges;
  AddedTokens added;
};

// Parses data[pos, size) of a version 3 file whose token streams `vocab`
// holds. Throws InputError (field "vocabulary").
HfData parse_hf_data(const Vocab& vocab, const std::uint8_t* data, std::size_t pos,
                     std::size_t size);

// Throws the InputError (field "vocabulary") of a version 3 file that is not usable.
[[noreturn]] void bad_hf_file(const std::string& why);

// The value of `key` in a descriptor ("" when absent).
std::string descriptor_value(const std::string& descriptor, const std::string& key);

}  // namespace llmcalc::tokenizer
