// Added tokens of a Hugging Face model (tokenizer.json "added_tokens"; the
// legacy Claude file's specials): strings matched in the input before
// anything else, as HF does, leftmost first and longest at a position
// (transformers.js DictionarySplitter, HF's AddedVocabulary).
//
// Those marked special follow llmcalc's special-token policy (encoding.h):
// an error by default, their id when allowed, ordinary text on request.
// The others (Qwen's <tool_call>, Gemma's <unused0>, …) are part of the
// model's ordinary vocabulary and always encode as their id, as in HF.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace llmcalc::tokenizer {

struct AddedToken {
  std::string text;
  std::uint32_t id;
  bool special;
};

struct AddedMatch {
  std::size_t start, end;
  const AddedToken* token;  // null: no match
};

class AddedTokens {
 public:
  AddedTokens() = default;
  explicit AddedTokens(std::vector<AddedToken> tokens);
  // The index holds views of the tokens' text: a copy would point into the
  // original, so there is none (a move keeps the strings where they are).
  AddedTokens(const AddedTokens&) = delete;
  AddedTokens& operator=(const AddedTokens&) = delete;
  AddedTokens(AddedTokens&&) = default;
  AddedTokens& operator=(AddedTokens&&) = default;

  // The leftmost, then longest, added token in s[from, n).
  AddedMatch find(const std::uint8_t* s, std::size_t n, std::size_t from) const;
  const std::vector<AddedToken>& tokens() const { return tokens_; }
  const AddedToken* by_text(std::string_view text) const;
  const AddedToken* by_id(std::uint32_t id) const;
  bool empty() const { return tokens_.empty(); }

 private:
  std::vector<AddedToken> tokens_;
  std::unordered_map<std::string_view, std::size_t> by_text_;
  std::unordered_map<std::uint32_t, std::size_t> by_id_;
  // Per first byte: the distinct lengths of tokens starting with it, longest
  // first (empty: no token starts with this byte).
  std::vector<std::size_t> lengths_[256];
};

}  // namespace llmcalc::tokenizer
