// Test helper: a tiny version 3 vocabulary (Hugging Face style: merges and
// added tokens after the token streams), built in the test as
// data/vocab/build_hf_vocab.mjs writes a real one. Ranks 0..255 are the
// single bytes; `tokens` follow from 256; merges are (left, right) token
// texts in priority order; added tokens take the ids after the tokens.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "tokenizer/encoding.h"
#include "tokenizer_tiny_vocab.h"

namespace llmcalc::tokenizer::testing {

struct TinyAdded {
  std::string text;
  bool special;
};

inline EncodingSpec tiny_hf_spec(Pattern pattern, std::uint32_t n_vocab,
                                 Normalizer normalizer = Normalizer::kNone,
                                 bool ignore_merges = false) {
  EncodingSpec spec{"tiny", "tiny", pattern, n_vocab};
  spec.from_file = true;
  spec.normalizer = normalizer;
  spec.ignore_merges = ignore_merges;
  return spec;
}

inline std::string tiny_hf_file(const EncodingSpec& spec, const std::vector<std::string>& tokens,
                                const std::vector<std::pair<std::string, std::string>>& merges,
                                const std::vector<TinyAdded>& added = {},
                                const std::vector<std::string>& long_tokens = {}) {
  std::vector<std::string> all = tokens;
  std::string file = tiny_vocab_file_v2(spec.ranks, tokens);
  auto u32 = [](std::uint32_t v) {
    std::string out;
    for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
    return out;
  };
  auto id_of = [&](const std::string& t) -> std::uint32_t {
    if (t.size() == 1) return static_cast<std::uint8_t>(t[0]);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (tokens[i] == t) return static_cast<std::uint32_t>(256 + i);
    }
    return 0xFFFFFF;
  };
  // The count of ranks in the header covers the long tokens and added ids.
  std::uint32_t count =
      static_cast<std::uint32_t>(256 + tokens.size() + long_tokens.size() + added.size());
  std::size_t count_at = 8 + 1 + spec.ranks.size();
  std::string c = u32(count);
  file.replace(count_at, 4, c);
  file[7] = 3;
  file += u32(static_cast<std::uint32_t>(long_tokens.size()));
  for (std::size_t i = 0; i < long_tokens.size(); ++i) {
    auto id = static_cast<std::uint32_t>(256 + tokens.size() + i);
    file +=
        std::string{static_cast<char>(id & 0xFF), static_cast<char>((id >> 8) & 0xFF),
                    static_cast<char>(id >> 16), static_cast<char>(long_tokens[i].size() & 0xFF),
                    static_cast<char>(long_tokens[i].size() >> 8)};
    file += long_tokens[i];
  }
  std::string desc = expected_descriptor(spec);
  desc.insert(desc.find(" ignore_merges"), merges.empty() ? " merges=ranks" : " merges=pairs");
  file += static_cast<char>(desc.size());
  file += desc;
  file += u32(static_cast<std::uint32_t>(merges.size()));
  std::string split, planes[3];
  for (const auto& [l, r] : merges) {
    split += static_cast<char>(l.size());
    std::uint32_t result = id_of(l + r);
    for (int i = 0; i < 3; ++i) planes[i] += static_cast<char>((result >> (8 * i)) & 0xFF);
  }
  file += split + planes[0] + planes[1] + planes[2];
  file += u32(static_cast<std::uint32_t>(added.size()));
  for (std::size_t i = 0; i < added.size(); ++i) {
    auto id = static_cast<std::uint32_t>(256 + tokens.size() + long_tokens.size() + i);
    file += static_cast<char>(added[i].special ? 1 : 0);
    file += std::string{static_cast<char>(id & 0xFF), static_cast<char>((id >> 8) & 0xFF),
                        static_cast<char>(id >> 16)};
    file += static_cast<char>(added[i].text.size());
    file += added[i].text;
  }
  return file;
}

inline std::unique_ptr<Encoding> tiny_hf_encoding(
    const EncodingSpec& spec, const std::vector<std::string>& tokens,
    const std::vector<std::pair<std::string, std::string>>& merges,
    const std::vector<TinyAdded>& added = {}, const std::vector<std::string>& long_tokens = {}) {
  std::string file = tiny_hf_file(spec, tokens, merges, added, long_tokens);
  return std::make_unique<Encoding>(spec, reinterpret_cast<const std::uint8_t*>(file.data()),
                                    file.size());
}

}  // namespace llmcalc::tokenizer::testing
