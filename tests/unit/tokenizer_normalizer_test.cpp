// NFC / NFKC (normalizer.h) on the cases UAX #15 is about: composition,
// canonical reordering, blocking, singletons, Hangul, compatibility forms,
// and the offsets back into the input.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tokenizer/normalization_tables.h"
#include "tokenizer/normalizer.h"
#include "util/utf8_append.h"

namespace llmcalc::tokenizer {
namespace {

std::string norm(NormalForm f, const std::string& s, std::vector<std::uint32_t>* origin = nullptr) {
  std::string out;
  normalize(f, reinterpret_cast<const std::uint8_t*>(s.data()), s.size(), out, origin);
  return out;
}

bool quick(NormalForm f, const std::string& s) {
  return is_normalized(f, reinterpret_cast<const std::uint8_t*>(s.data()), s.size());
}

TEST(Normalizer, NfcComposesReordersAndBlocks) {
  EXPECT_EQ(norm(NormalForm::kNfc, "e\xCC\x81"), "\xC3\xA9");     // e + U+0301 -> é
  EXPECT_EQ(norm(NormalForm::kNfc, "\xE2\x84\xAB"), "\xC3\x85");  // U+212B ANGSTROM -> Å
  EXPECT_EQ(norm(NormalForm::kNfc, "a\xCC\x87\xCC\xA3"),
            "\xE1\xBA\xA1\xCC\x87");  // marks reordered: ạ̇
  EXPECT_EQ(norm(NormalForm::kNfc, "\xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8"), "\xEA\xB0\x81");  // 각
  EXPECT_EQ(norm(NormalForm::kNfc, "\xEF\xAC\x81"), "\xEF\xAC\x81");  // ﬁ stays under NFC
  EXPECT_EQ(norm(NormalForm::kNfc, ">\xCC\xB8"), "\xE2\x89\xAF");     // > + U+0338 -> ≯
  EXPECT_EQ(norm(NormalForm::kNfc, "plain ASCII"), "plain ASCII");
  EXPECT_EQ(norm(NormalForm::kNfc,
                 "a\xFF"
                 "b"),
            "a\xFF"
            "b");  // an invalid byte passes through
}

TEST(Normalizer, NfkcFoldsCompatibilityForms) {
  EXPECT_EQ(norm(NormalForm::kNfkc, "\xEF\xAC\x81"), "fi");  // ﬁ
  EXPECT_EQ(norm(NormalForm::kNfkc, "\xE2\x91\xA0"), "1");   // ①
  EXPECT_EQ(norm(NormalForm::kNfkc, "\xC2\xB2"), "2");       // ²
  EXPECT_EQ(norm(NormalForm::kNfkc,
                 "\xEF\xBC\x9C"
                 "EOT\xEF\xBC\x9E"),
            "<EOT>");                                                              // fullwidth
  EXPECT_EQ(norm(NormalForm::kNfkc, "\xC2\xA0"), " ");                             // no-break space
  EXPECT_EQ(norm(NormalForm::kNfkc, "\xEF\xBD\xB6\xEF\xBE\x9E"), "\xE3\x82\xAC");  // ｶﾞ -> ガ
}

TEST(Normalizer, QuickCheck) {
  EXPECT_TRUE(quick(NormalForm::kNfc, "caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC"));  // café 日本
  EXPECT_FALSE(quick(NormalForm::kNfc, "cafe\xCC\x81"));
  EXPECT_TRUE(quick(NormalForm::kNfc, "\xEF\xAC\x81"));
  EXPECT_FALSE(quick(NormalForm::kNfkc, "\xEF\xAC\x81"));
  EXPECT_FALSE(quick(NormalForm::kNfkc, "\xC2\xA0"));
  EXPECT_TRUE(quick(NormalForm::kNfkc, "Hello, world!"));
}

// The quick check answers from a bitmap in the BMP and from the ranges
// above it; both must say what the generated ranges say, for every
// character of both forms.
TEST(Normalizer, QuickCheckIsTheAttentionRangesForEveryCharacter) {
  auto in_table = [](const std::uint32_t* r, std::size_t count, std::uint32_t cp) {
    for (std::size_t k = 0; k < count; ++k) {
      if (cp >= r[2 * k] && cp <= r[2 * k + 1]) return true;
    }
    return false;
  };
  for (NormalForm f : {NormalForm::kNfc, NormalForm::kNfkc}) {
    const bool nfc = f == NormalForm::kNfc;
    const std::uint32_t* ranges = nfc ? detail::kNfcAttention : detail::kNfkcAttention;
    const std::size_t count = nfc ? detail::kNfcAttentionSize : detail::kNfkcAttentionSize;
    int differ = 0;
    for (std::uint32_t cp = 0; cp <= 0x10FFFF; ++cp) {
      if (cp >= 0xD800 && cp <= 0xDFFF) continue;
      std::string s;
      append_utf8(s, cp);
      if (quick(f, s) != in_table(ranges, count, cp)) continue;  // quick: "needs no look"
      if (++differ <= 5) ADD_FAILURE() << "U+" << std::hex << cp << (nfc ? " NFC" : " NFKC");
    }
    EXPECT_EQ(differ, 0);
  }
}

TEST(Normalizer, NormalizeIfNeededWritesOnlyWhenTheQuickCheckFails) {
  const std::vector<std::string> samples = {
      "plain ASCII",        "caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC",
      "cafe\xCC\x81",       "\xEF\xAC\x81",
      "x\xF0\x9D\x90\x80y",  // U+1D400 MATHEMATICAL BOLD CAPITAL A
      "a\xFF\xCC\x81",      ""};
  for (NormalForm f : {NormalForm::kNfc, NormalForm::kNfkc}) {
    for (const std::string& s : samples) {
      std::string out = "stale";
      std::vector<std::uint32_t> origin = {7}, expected_origin;
      const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
      bool wrote = normalize_if_needed(f, p, s.size(), out, &origin);
      EXPECT_EQ(wrote, !quick(f, s)) << s;
      if (!wrote) continue;
      EXPECT_EQ(out, norm(f, s, &expected_origin)) << s;
      EXPECT_EQ(origin, expected_origin) << s;
    }
  }
  EXPECT_EQ(norm(NormalForm::kNfkc, "x\xF0\x9D\x90\x80y"), "xAy");
}

TEST(Normalizer, OriginMapsOutputBytesToInputCharacters) {
  std::vector<std::uint32_t> origin;
  // "x" ﬁ "e" U+0301 "y": 1 + 3 + 1 + 2 + 1 input bytes.
  std::string in =
      "x\xEF\xAC\x81"
      "e\xCC\x81y";
  std::string out = norm(NormalForm::kNfkc, in, &origin);
  ASSERT_EQ(out, "xfi\xC3\xA9y");
  EXPECT_EQ(origin, (std::vector<std::uint32_t>{0, 1, 1, 4, 4, 7, 8}));
}

TEST(Normalizer, OnlyWhatNeedsALookChangesAndOriginsStayCharacterStarts) {
  // 日 e U+0301 本: 3 + 1 + 2 + 3 input bytes; only "e" + U+0301 is normalized.
  std::vector<std::uint32_t> origin;
  std::string out = norm(NormalForm::kNfc,
                         "\xE6\x97\xA5"
                         "e\xCC\x81\xE6\x9C\xAC",
                         &origin);
  EXPECT_EQ(out, "\xE6\x97\xA5\xC3\xA9\xE6\x9C\xAC");
  EXPECT_EQ(origin, (std::vector<std::uint32_t>{0, 0, 0, 3, 3, 6, 6, 6, 9}));
  // Text starting with a mark, marks at the end, an invalid byte between.
  EXPECT_EQ(norm(NormalForm::kNfc,
                 "\xCC\x81"
                 "a\xCC\x81"),
            "\xCC\x81\xC3\xA1");
  EXPECT_EQ(norm(NormalForm::kNfc, "a\xFF\xCC\x81"), "a\xFF\xCC\x81");
}

TEST(Normalizer, TheNormalFormOfAJoinIsTheJoinOfTheNormalForms) {
  // Each sample starts with a character that needs no look, so the text
  // splits before it: normalizing the whole equals normalizing the parts.
  const std::vector<std::string> samples = {"e\xCC\x81",
                                            "x\xEF\xAC\x81",
                                            "\xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8",
                                            "a\xCC\x87\xCC\xA3",
                                            "\xE2\x84\xAB",
                                            "plain",
                                            "\xE6\x97\xA5\xE6\x9C\xAC",
                                            "\xEA\xB0\x80\xE1\x86\xA8",
                                            "\xFF",
                                            " \xC2\xA0\xE2\x91\xA0"};
  for (NormalForm f : {NormalForm::kNfc, NormalForm::kNfkc}) {
    std::string text, expected;
    for (int round = 0; round < 50; ++round) {
      const std::string& piece = samples[(round * 7) % samples.size()];
      text += "s" + piece;
      expected += "s" + norm(f, piece);
    }
    std::vector<std::uint32_t> origin;
    EXPECT_EQ(norm(f, text, &origin), expected);
    ASSERT_EQ(origin.size(), expected.size() + 1);
    EXPECT_EQ(origin.back(), text.size());
    for (std::size_t k = 1; k < origin.size(); ++k) EXPECT_LE(origin[k - 1], origin[k]);
  }
}

}  // namespace
}  // namespace llmcalc::tokenizer
