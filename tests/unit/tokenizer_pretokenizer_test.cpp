// The hand-written pre-tokenizers against what tiktoken's regexes give on
// the tricky cases (the expected splits were checked with tiktoken).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tokenizer/pretokenizer.h"
#include "tokenizer/unicode_tables.h"

namespace llmcalc::tokenizer {
namespace {

using Pieces = std::vector<std::string>;

Pieces split(Pattern p, const std::string& text) {
  Pieces out;
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t end = next_piece(p, s, text.size(), pos);
    EXPECT_GT(end, pos);
    EXPECT_LE(end, text.size());
    out.push_back(text.substr(pos, end - pos));
    pos = end;
  }
  return out;
}

TEST(UnicodeTables, ClassesFollowTheCharacterDatabase) {
  EXPECT_EQ(char_class('A'), CharClass::kUpper);
  EXPECT_EQ(char_class('z'), CharClass::kLower);
  EXPECT_EQ(char_class(0x01C5), CharClass::kUpper);         // ǅ, Lt
  EXPECT_EQ(char_class(0x02B0), CharClass::kLetterOther);   // ʰ, Lm
  EXPECT_EQ(char_class(0x4E2D), CharClass::kLetterOther);   // 中, Lo
  EXPECT_EQ(char_class(0x20000), CharClass::kLetterOther);  // CJK Ext. B (a UCD range)
  EXPECT_EQ(char_class(0x0301), CharClass::kMark);
  EXPECT_EQ(char_class(0x0663), CharClass::kNumber);  // ٣
  EXPECT_EQ(char_class(0x2167), CharClass::kNumber);  // Ⅷ, Nl
  EXPECT_EQ(char_class(0x00A0), CharClass::kSpace);
  EXPECT_EQ(char_class(0x0085), CharClass::kSpace);
  EXPECT_EQ(char_class(0x3000), CharClass::kSpace);
  EXPECT_EQ(char_class(0x200B), CharClass::kOther);         // zero width space is not White_Space
  EXPECT_EQ(char_class(0x180E), CharClass::kOther);         // nor, since Unicode 6.3, this
  EXPECT_EQ(char_class(0x1F600), CharClass::kPunctSymbol);  // So
  EXPECT_EQ(char_class('.'), CharClass::kPunctSymbol);
  EXPECT_TRUE(is_other(char_class(0x1F600)));
  EXPECT_EQ(char_class(0x0378), CharClass::kOther);  // unassigned
  EXPECT_EQ(char_class(0x10FFFF), CharClass::kOther);
}

TEST(R50kPattern, WordsNumbersPunctuationAndSpaces) {
  EXPECT_EQ(split(Pattern::kR50k, "Hello world"), (Pieces{"Hello", " world"}));
  EXPECT_EQ(split(Pattern::kR50k, "I'm here"), (Pieces{"I", "'m", " here"}));
  // Case-sensitive contractions: 'M is punctuation then a letter.
  EXPECT_EQ(split(Pattern::kR50k, "I'M"), (Pieces{"I", "'", "M"}));
  EXPECT_EQ(split(Pattern::kR50k, "abc12345!!"), (Pieces{"abc", "12345", "!!"}));
  EXPECT_EQ(split(Pattern::kR50k, "a   b"), (Pieces{"a", "  ", " b"}));
  EXPECT_EQ(split(Pattern::kR50k, "a \n b"), (Pieces{"a", " \n", " b"}));
  EXPECT_EQ(split(Pattern::kR50k, "a  "), (Pieces{"a", "  "}));
}

TEST(Cl100kPattern, ContractionsIgnoreCaseIncludingLongS) {
  EXPECT_EQ(split(Pattern::kCl100k, "I'M you'RE"), (Pieces{"I", "'M", " you", "'RE"}));
  // (?i) folds U+017F LATIN SMALL LETTER LONG S to 's'.
  EXPECT_EQ(split(Pattern::kCl100k, "x'\u017F"), (Pieces{"x", "'\u017F"}));
  EXPECT_EQ(split(Pattern::kCl100k, "'x"), (Pieces{"'x"}));  // not a contraction: prefix + letters
}

TEST(Cl100kPattern, DigitsGroupInThrees) {
  EXPECT_EQ(split(Pattern::kCl100k, "1234567"), (Pieces{"123", "456", "7"}));
  EXPECT_EQ(split(Pattern::kCl100k, " 42"), (Pieces{" ", "42"}));
}

TEST(Cl100kPattern, WhitespaceLookaheadAndNewlines) {
  EXPECT_EQ(split(Pattern::kCl100k, "x\n\n  y"), (Pieces{"x", "\n\n", " ", " y"}));
  EXPECT_EQ(split(Pattern::kCl100k, "x  \n  "), (Pieces{"x", "  \n", "  "}));
  EXPECT_EQ(split(Pattern::kCl100k, "x\t\ty"), (Pieces{"x", "\t", "\ty"}));
  EXPECT_EQ(split(Pattern::kCl100k, "a!!\n\nb"), (Pieces{"a", "!!\n\n", "b"}));
  EXPECT_EQ(split(Pattern::kCl100k, "\u3000\u3000x"), (Pieces{"\u3000", "\u3000x"}));
}

TEST(Cl100kPattern, MarksAndEmoji) {
  // A combining mark is not \p{L}: it is the optional prefix of the next word.
  EXPECT_EQ(split(Pattern::kCl100k, "e\u0301x"), (Pieces{"e", "\u0301x"}));
  EXPECT_EQ(split(Pattern::kCl100k, "ok 🎉🎉!"), (Pieces{"ok", " 🎉🎉!"}));
}

TEST(O200kPattern, CaseAwareWords) {
  EXPECT_EQ(split(Pattern::kO200k, "HelloWorld"), (Pieces{"Hello", "World"}));
  EXPECT_EQ(split(Pattern::kO200k, "helloWORLD"), (Pieces{"hello", "WORLD"}));
  // Upper run followed by lower letters is one word.
  EXPECT_EQ(split(Pattern::kO200k, "HTTPServer"), (Pieces{"HTTPServer"}));
  EXPECT_EQ(split(Pattern::kO200k, " HELLO world"), (Pieces{" HELLO", " world"}));
  EXPECT_EQ(split(Pattern::kO200k, "\u01C5emal"), (Pieces{"\u01C5emal"}));  // titlecase ǅ
  // Contractions attach to the word, case-insensitively.
  EXPECT_EQ(split(Pattern::kO200k, "DON'T don't"), (Pieces{"DON'T", " don't"}));
  EXPECT_EQ(split(Pattern::kO200k, "don'tcha"), (Pieces{"don't", "cha"}));
  // Marks are in both case sets: é decomposed stays one word.
  EXPECT_EQ(split(Pattern::kO200k, "e\u0301x"), (Pieces{"e\u0301x"}));
  // Backtracking: upper-set run ending in Lm gives that letter to the lower set.
  EXPECT_EQ(split(Pattern::kO200k, "A\u02B0B"), (Pieces{"A\u02B0", "B"}));
}

TEST(O200kPattern, PunctuationKeepsSlashesAndNewlines) {
  EXPECT_EQ(split(Pattern::kO200k, "a//\n/b"), (Pieces{"a", "//\n/", "b"}));
  EXPECT_EQ(split(Pattern::kO200k, "1234567"), (Pieces{"123", "456", "7"}));
  EXPECT_EQ(split(Pattern::kO200k, "x \n\n y"), (Pieces{"x", " \n\n", " y"}));
}

TEST(AllPatterns, InvalidUtf8BytesAreSingleOtherCharacters) {
  std::string bad = "a\xFF\xC3(b\xED\xA0\x80";  // stray, truncated, surrogate
  for (Pattern p : {Pattern::kR50k, Pattern::kCl100k, Pattern::kO200k}) {
    Pieces pieces = split(p, bad);
    std::string joined;
    for (const auto& s : pieces) joined += s;
    EXPECT_EQ(joined, bad);
  }
  EXPECT_EQ(split(Pattern::kR50k,
                  "a\xFF"
                  "b"),
            (Pieces{"a", "\xFF", "b"}));
  EXPECT_EQ(split(Pattern::kCl100k,
                  "a\xFF"
                  "b"),
            (Pieces{"a",
                    "\xFF"
                    "b"}));
  EXPECT_EQ(split(Pattern::kO200k, "\xC3"), (Pieces{"\xC3"}));
}

}  // namespace
}  // namespace llmcalc::tokenizer
