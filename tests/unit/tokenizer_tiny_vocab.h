// Test helper: a tiny vocabulary built in the test, like tiktoken's
// setup_ranks() (b"ab", b"cd"), so unit tests need no 4 MB file. Ranks
// 0..255 are the single bytes (byte-level BPE needs all of them); the given
// tokens follow from rank 256 in order.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "tokenizer/encoding.h"

namespace llmcalc::tokenizer::testing {

inline std::string tiny_vocab_file(const std::string& name,
                                   const std::vector<std::string>& tokens) {
  std::string out = "LLMCVOC1";
  out += static_cast<char>(name.size());
  out += name;
  std::uint32_t count = 256 + static_cast<std::uint32_t>(tokens.size());
  for (int i = 0; i < 4; ++i) out += static_cast<char>((count >> (8 * i)) & 0xFF);
  for (int b = 0; b < 256; ++b) {
    out += '\x01';
    out += static_cast<char>(b);
  }
  for (const auto& t : tokens) {
    out += static_cast<char>(t.size());
    out += t;
  }
  return out;
}

inline EncodingSpec tiny_spec(Pattern pattern,
                              std::vector<std::pair<std::string, std::uint32_t>> specials = {}) {
  return EncodingSpec{"tiny", "tiny", pattern, 1000, std::move(specials)};
}

inline std::unique_ptr<Encoding> tiny_encoding(const EncodingSpec& spec,
                                               const std::vector<std::string>& tokens) {
  std::string file = tiny_vocab_file(spec.ranks, tokens);
  return std::make_unique<Encoding>(spec, reinterpret_cast<const std::uint8_t*>(file.data()),
                                    file.size());
}

}  // namespace llmcalc::tokenizer::testing
