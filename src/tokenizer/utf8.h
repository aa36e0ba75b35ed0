// Reading one character of UTF-8. Input from files may be invalid UTF-8; the
// rule (documented in docs/tokenizer.md) is that every byte that does not
// start a well-formed sequence (RFC 3629: no overlongs, no surrogates,
// nothing above U+10FFFF) is one character of its own, of class kOther – like
// punctuation. Counting therefore never fails, and valid text – all that
// tiktoken accepts – is unaffected.
#pragma once

#include <cstddef>
#include <cstdint>

#include "tokenizer/unicode_tables.h"
#include "util/always_inline.h"

namespace llmcalc::tokenizer {

struct Char {
  std::uint32_t cp;   // kInvalidByte for a byte that is not valid UTF-8
  std::uint32_t len;  // bytes
  CharClass cls;
};

constexpr std::uint32_t kInvalidByte = 0xFFFFFFFFu;

LLMCALC_ALWAYS_INLINE Char decode_char(const std::uint8_t* s, std::size_t n, std::size_t i) {
  std::uint8_t b0 = s[i];
  if (b0 < 0x80) return {b0, 1, char_class(b0)};
  std::size_t left = n - i;
  std::uint32_t cp = 0;
  std::uint32_t len = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    if (left >= 2 && (s[i + 1] & 0xC0) == 0x80) {
      cp = (b0 & 0x1Fu) << 6 | (s[i + 1] & 0x3Fu);
      len = 2;
    }
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (left >= 3 && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
      cp = (b0 & 0x0Fu) << 12 | (s[i + 1] & 0x3Fu) << 6 | (s[i + 2] & 0x3Fu);
      if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) len = 3;
    }
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (left >= 4 && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80 &&
        (s[i + 3] & 0xC0) == 0x80) {
      cp = (b0 & 0x07u) << 18 | (s[i + 1] & 0x3Fu) << 12 | (s[i + 2] & 0x3Fu) << 6 |
           (s[i + 3] & 0x3Fu);
      if (cp >= 0x10000 && cp <= 0x10FFFF) len = 4;
    }
  }
  if (len == 0) return {kInvalidByte, 1, CharClass::kOther};
  return {cp, len, char_class(cp)};
}

}  // namespace llmcalc::tokenizer
