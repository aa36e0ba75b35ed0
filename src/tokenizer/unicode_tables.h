// Character classes for the OpenAI pre-tokenizer regexes, looked up from a
// table generated from the Unicode Character Database (Unicode 15.0) by
// data/unicode/generate_tables.py. The classes are disjoint and are exactly
// the distinctions the regexes make:
//   \p{L}  = kUpper | kLower | kLetterOther   (o200k splits letters by case:
//            [\p{Lu}\p{Lt}] = kUpper, \p{Ll} = kLower, [\p{Lm}\p{Lo}] = kLetterOther)
//   \p{N}  = kNumber,  \p{M} = kMark,  \s = kSpace (the White_Space property,
//            which is what Rust's regex `\s` means)
//   [\p{P}\p{S}] = kPunctSymbol (only DeepSeek V3's pattern asks)
// Unassigned code points and everything else are kOther.
#pragma once

#include <cstdint>

namespace llmcalc::tokenizer {

enum class CharClass : std::uint8_t {
  kOther = 0,
  kSpace = 1,
  kNumber = 2,
  kMark = 3,
  kUpper = 4,
  kLower = 5,
  kLetterOther = 6,
  kPunctSymbol = 7,
};

namespace detail {
extern const std::uint16_t kBlockIndex[0x1100];
extern const std::uint8_t kBlocks[];
}  // namespace detail

inline CharClass char_class(std::uint32_t cp) {
  if (cp >= 0x110000) return CharClass::kOther;
  return static_cast<CharClass>(detail::kBlocks[detail::kBlockIndex[cp >> 8] * 256u + (cp & 0xFF)]);
}

inline bool is_letter(CharClass c) {
  return c >= CharClass::kUpper && c <= CharClass::kLetterOther;
}
inline bool is_number(CharClass c) { return c == CharClass::kNumber; }
inline bool is_space(CharClass c) { return c == CharClass::kSpace; }
// [^\s\p{L}\p{N}]: punctuation, symbols, marks, controls, invalid bytes.
inline bool is_other(CharClass c) {
  return c == CharClass::kOther || c == CharClass::kMark || c == CharClass::kPunctSymbol;
}

}  // namespace llmcalc::tokenizer
