// Fuzz target: the vocabulary file loader, every format version (1 to 4;
// version 4 is the range of merges browsers download, merge_decoder.cpp).
// Any bytes named "tiny" either load or throw InputError; nothing else may
// happen (a crash, a hang, an allocation past the run's memory limit). A
// vocabulary that loads must be usable: every rank's bytes are found again
// by lookup, and none is longer than max_token_length().
// Seeds (corpus/vocab_loader/): small files of each version, written by
// data/vocab/build_vocab.mjs's and merge_coder.mjs's encoders.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "tokenizer/vocab.h"
#include "util/input_error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using llmcalc::fuzz::check;
  using llmcalc::tokenizer::kNoRank;
  using llmcalc::tokenizer::Rank;
  try {
    const llmcalc::tokenizer::Vocab v(data, size, "tiny");
    check(v.size() <= v.rank_end(), "no more tokens than ranks");
    for (Rank r = 0; r < v.rank_end(); ++r) {
      const std::string_view t = v.bytes(r);
      if (t.empty()) continue;
      check(t.size() <= v.max_token_length(), "a token is no longer than the longest");
      const auto* p = reinterpret_cast<const std::uint8_t*>(t.data());
      check(v.rank(p, t.size()) != kNoRank, "every token is found by its bytes");
    }
  } catch (const llmcalc::InputError&) {
    // what a damaged file must give
  }
  return 0;
}
