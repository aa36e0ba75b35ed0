// The special-token policy as js/tokenizer.js passes it: flags (1 = allow
// all, 2 = other special text is ordinary text) and the allowed names,
// newline-separated.
#pragma once

#include <cstddef>
#include <string>

#include "tokenizer/encoding.h"

namespace llmcalc::wasm {

constexpr int kAllowAll = 1;
constexpr int kOthersAsText = 2;

inline tokenizer::SpecialPolicy policy_from(int flags, const std::string& allowed) {
  tokenizer::SpecialPolicy p;
  p.allow_all = (flags & kAllowAll) != 0;
  p.others_as_text = (flags & kOthersAsText) != 0;
  // Split by hand: std::istringstream would pull iostreams and locales
  // into the tokenizer-only module (tens of KB).
  std::size_t start = 0;
  while (start <= allowed.size()) {
    std::size_t end = allowed.find('\n', start);
    if (end == std::string::npos) end = allowed.size();
    if (end > start) p.allowed.push_back(allowed.substr(start, end - start));
    start = end + 1;
  }
  return p;
}

}  // namespace llmcalc::wasm
