// Test helper: a tiny vocabulary built in the test, like tiktoken's
// setup_ranks() (b"ab", b"cd"), so unit tests need no 4 MB file. Ranks
// 0..255 are the single bytes (byte-level BPE needs all of them); the given
// tokens follow from rank 256 in order.
#pragma once

#include <algorithm>
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

// The same vocabulary in format version 2 (sorted, front-coded streams), as
// data/vocab/build_vocab.mjs writes it.
inline std::string tiny_vocab_file_v2(const std::string& name,
                                      const std::vector<std::string>& tokens) {
  std::vector<std::string> by_rank;
  for (int b = 0; b < 256; ++b) by_rank.push_back(std::string(1, static_cast<char>(b)));
  by_rank.insert(by_rank.end(), tokens.begin(), tokens.end());
  std::vector<std::uint32_t> order(by_rank.size());
  for (std::uint32_t r = 0; r < order.size(); ++r) order[r] = r;
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return by_rank[a] < by_rank[b];  // std::string compares as unsigned char
  });
  std::string prefix, suffix, planes[3], tail;
  std::string previous;
  for (std::uint32_t r : order) {
    const std::string& t = by_rank[r];
    std::size_t k = 0;
    while (k < t.size() && k < previous.size() && t[k] == previous[k]) ++k;
    prefix += static_cast<char>(k);
    suffix += static_cast<char>(t.size() - k);
    for (int i = 0; i < 3; ++i) planes[i] += static_cast<char>((r >> (8 * i)) & 0xFF);
    tail += t.substr(k);
    previous = t;
  }
  auto u32 = [](std::uint32_t v) {
    std::string out;
    for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
    return out;
  };
  std::string out = "LLMCVOC";
  out += '\x02';
  out += static_cast<char>(name.size());
  out += name;
  auto n = static_cast<std::uint32_t>(by_rank.size());
  out += u32(n) + u32(n) + u32(static_cast<std::uint32_t>(tail.size()));
  return out + prefix + suffix + planes[0] + planes[1] + planes[2] + tail;
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
