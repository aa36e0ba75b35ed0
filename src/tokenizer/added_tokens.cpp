#include "tokenizer/added_tokens.h"

#include <algorithm>
#include <functional>

namespace llmcalc::tokenizer {

AddedTokens::AddedTokens(std::vector<AddedToken> tokens) : tokens_(std::move(tokens)) {
  for (std::size_t i = 0; i < tokens_.size(); ++i) {
    const std::string& t = tokens_[i].text;
    if (t.empty()) continue;
    by_text_.emplace(t, i);     // the first of two equal texts wins
    by_id_[tokens_[i].id] = i;  // a later entry wins, as in a decoder dict
    auto& lens = lengths_[static_cast<std::uint8_t>(t[0])];
    if (std::find(lens.begin(), lens.end(), t.size()) == lens.end()) lens.push_back(t.size());
  }
  for (auto& lens : lengths_) std::sort(lens.begin(), lens.end(), std::greater<>());
}

AddedMatch AddedTokens::find(const std::uint8_t* s, std::size_t n, std::size_t from) const {
  for (std::size_t i = from; i < n; ++i) {
    const auto& lens = lengths_[s[i]];
    for (std::size_t len : lens) {
      if (len > n - i) continue;
      auto it = by_text_.find(std::string_view(reinterpret_cast<const char*>(s + i), len));
      if (it != by_text_.end()) return {i, i + len, &tokens_[it->second]};
    }
  }
  return {n, n, nullptr};
}

const AddedToken* AddedTokens::by_text(std::string_view text) const {
  auto it = by_text_.find(text);
  return it == by_text_.end() ? nullptr : &tokens_[it->second];
}

const AddedToken* AddedTokens::by_id(std::uint32_t id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &tokens_[it->second];
}

}  // namespace llmcalc::tokenizer
