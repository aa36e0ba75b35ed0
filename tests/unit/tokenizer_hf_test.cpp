// Hugging Face BPE (issue #4) on tiny in-test vocabularies: merging by pair
// index, ignore_merges, added tokens and the special-token policy, the
// version 3 file, and the pre-tokenizer variants.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "tokenizer/pair_bpe.h"
#include "tokenizer/pretokenizer.h"
#include "tokenizer_hf_vocab.h"
#include "util/input_error.h"

namespace llmcalc::tokenizer {
namespace {

using testing::tiny_hf_encoding;
using testing::tiny_hf_spec;
using Ids = std::vector<std::uint32_t>;

Ids encode(const Encoding& e, const std::string& text, const SpecialPolicy& p = {}) {
  Ids ids;
  e.encode(text, ids, p);
  return ids;
}

TEST(HfBpe, OnlyListedPairsMergeUnlikeTiktoken) {
  // "abc" is a token, but no merge makes it from (ab, c): HF stops at
  // [ab][c] where tiktoken's rule would join them.
  auto spec = tiny_hf_spec(Pattern::kR50k, 259);
  auto enc = tiny_hf_encoding(spec, {"ab", "bc", "abc"}, {{"a", "b"}, {"b", "c"}});
  EXPECT_EQ(encode(*enc, "abc"), (Ids{256, 'c'}));
  // With ignore_merges a piece that is a token is that token.
  auto whole = tiny_hf_spec(Pattern::kR50k, 259, Normalizer::kNone, true);
  auto enc2 = tiny_hf_encoding(whole, {"ab", "bc", "abc"}, {{"a", "b"}, {"b", "c"}});
  EXPECT_EQ(encode(*enc2, "abc"), (Ids{258}));
  EXPECT_EQ(encode(*enc2, "abcab"), (Ids{256, 'c', 256}));  // one piece, not a token
}

TEST(HfBpe, LowerMergeIndexFirstThenLeftmost) {
  // (b, c) is listed before (a, b): "abc" becomes [a][bc] although "ab" has
  // the lower token id.
  auto spec = tiny_hf_spec(Pattern::kR50k, 258);
  auto enc = tiny_hf_encoding(spec, {"ab", "bc"}, {{"b", "c"}, {"a", "b"}});
  EXPECT_EQ(encode(*enc, "abc"), (Ids{'a', 257}));
  auto spec2 = tiny_hf_spec(Pattern::kR50k, 257);
  auto enc2 = tiny_hf_encoding(spec2, {"aa"}, {{"a", "a"}});
  EXPECT_EQ(encode(*enc2, "aaa"), (Ids{256, 'a'}));
}

// HF's merge loop, as plainly as possible: the reference for pair_merge.
Ids reference_merge(const std::vector<std::pair<std::string, std::string>>& merges, const Vocab& v,
                    const std::string& piece) {
  std::vector<std::string> parts;
  for (char c : piece) parts.emplace_back(1, c);
  for (;;) {
    std::size_t best = merges.size(), at = 0;
    for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
      for (std::size_t m = 0; m < best; ++m) {
        if (merges[m].first == parts[i] && merges[m].second == parts[i + 1]) {
          best = m;
          at = i;
          break;
        }
      }
    }
    if (best == merges.size()) break;
    parts[at] += parts[at + 1];
    parts.erase(parts.begin() + static_cast<std::ptrdiff_t>(at) + 1);
  }
  Ids out;
  for (const auto& p : parts)
    out.push_back(v.rank(reinterpret_cast<const std::uint8_t*>(p.data()), p.size()));
  return out;
}

TEST(HfBpe, PairMergeMatchesTheReferenceOnRandomPieces) {
  std::vector<std::string> tokens = {"ab", "ba",  "aa",   "bb",   "abab", "aab", "bba",
                                     "ca", "cab", "abca", "aaaa", "cc",   "ccc", "bab"};
  std::vector<std::pair<std::string, std::string>> merges = {
      {"a", "b"}, {"b", "a"},  {"c", "c"},  {"a", "a"},   {"b", "b"},   {"ab", "ab"}, {"a", "ab"},
      {"c", "a"}, {"bb", "a"}, {"ca", "b"}, {"ab", "ca"}, {"aa", "aa"}, {"cc", "c"},  {"b", "ab"}};
  auto spec = tiny_hf_spec(Pattern::kR50k, 270);
  auto enc = tiny_hf_encoding(spec, tokens, merges);
  std::mt19937 rng(11);
  BpeWorkspace ws;
  const Vocab& vocab = *enc->vocab();
  for (int round = 0; round < 300; ++round) {
    std::size_t len = 1 + rng() % 300;
    std::string piece;
    for (std::size_t i = 0; i < len; ++i) piece += "abc"[rng() % (round % 2 ? 2 : 3)];
    std::size_t k = pair_merge(vocab, vocab.hf()->merges,
                               reinterpret_cast<const std::uint8_t*>(piece.data()), len, ws);
    Ids got(ws.ranks.begin(), ws.ranks.begin() + static_cast<std::ptrdiff_t>(k));
    ASSERT_EQ(got, reference_merge(merges, vocab, piece)) << piece;
    ASSERT_EQ(ws.starts[k], len);
  }
}

TEST(HfBpe, CharacterLevelWithByteFallbackAndMetaspace) {
  // Gemma-style: parts are characters, ' ' reads as U+2581, a character
  // without a token becomes its <0xXX> byte tokens.
  std::vector<std::string> tokens;
  static const char kHex[] = "0123456789ABCDEF";
  for (int b = 0; b < 256; ++b)
    tokens.push_back(std::string("<0x") + kHex[b >> 4] + kHex[b & 15] + ">");
  const std::string bar = "\xE2\x96\x81";                           // ▁
  tokens.insert(tokens.end(), {bar, bar + "a", "ab", bar + "ab"});  // 512 .. 515
  auto spec = tiny_hf_spec(Pattern::kMetaspace, 516);
  spec.byte_fallback = true;
  auto enc = tiny_hf_encoding(spec, tokens, {{bar, "a"}, {bar + "a", "b"}, {"a", "b"}});
  EXPECT_EQ(encode(*enc, " ab"), (Ids{515}));
  EXPECT_EQ(encode(*enc, "ab ab"), (Ids{514, 515}));
  // é (C3 A9) has no token: two byte tokens; decoding joins the bytes and
  // turns U+2581 back into a space.
  Ids ids = encode(*enc, "\xC3\xA9 ab");
  EXPECT_EQ(ids, (Ids{256 + 0xC3, 256 + 0xA9, 515}));
  EXPECT_EQ(enc->decode_bytes(ids.data(), ids.size()), "\xC3\xA9 ab");
  auto spans = enc->spans("\xC3\xA9 ab");
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(spans[2].byte_start, 2u);
  EXPECT_EQ(spans[2].byte_end, 5u);
}

// The merges as the file stores them: result ids in three byte planes and
// where each merge cuts its result.
MergeTable table_of(const Vocab& vocab, const std::vector<std::pair<Rank, std::uint8_t>>& merges) {
  std::string split, planes[3];
  for (const auto& [result, cut] : merges) {
    split += static_cast<char>(cut);
    for (int i = 0; i < 3; ++i) planes[i] += static_cast<char>((result >> (8 * i)) & 0xFF);
  }
  std::string all = split + planes[0] + planes[1] + planes[2];
  const auto* p = reinterpret_cast<const std::uint8_t*>(all.data());
  return MergeTable(vocab, p, p + merges.size(), merges.size());
}

TEST(HfMergeTable, FindsAMergeByItsResultAndWhereItCuts) {
  auto spec = tiny_hf_spec(Pattern::kR50k, 259);  // 256 "ab", 257 "abc", 258 "bc"
  auto enc = tiny_hf_encoding(spec, {"ab", "abc", "bc"}, {});
  const Vocab& v = *enc->vocab();
  // abc from (ab, c) as merge 0 and from (a, bc) as merge 2; (ab, c) again
  // as merge 3: the first index of a pair is the one that counts, as in HF.
  MergeTable t = table_of(v, {{257, 2}, {256, 1}, {257, 1}, {257, 2}, {258, 1}});
  EXPECT_EQ(t.size(), 5u);
  EXPECT_EQ(t.index(257, 2), 0u);
  EXPECT_EQ(t.index(257, 1), 2u);
  EXPECT_EQ(t.index(256, 1), 1u);
  EXPECT_EQ(t.index(258, 1), 4u);
  EXPECT_EQ(t.index(258, 2), kNoRank);  // no such cut
  EXPECT_EQ(t.index('a', 1), kNoRank);  // a token no merge makes
  EXPECT_EQ(t.index(kNoRank, 1), kNoRank);
  EXPECT_EQ(t.index(259, 1), kNoRank);  // past the last rank
  // The results come in any order; lookups do not depend on it.
  MergeTable u = table_of(v, {{258, 1}, {257, 1}, {256, 1}});
  EXPECT_EQ(u.index(256, 1), 2u);
  EXPECT_EQ(u.index(258, 1), 0u);
}

TEST(HfMergeTable, AMergeThatDoesNotFitItsResultIsAnInputError) {
  auto spec = tiny_hf_spec(Pattern::kR50k, 258);  // 256 "ab", 257 without a token
  auto enc = tiny_hf_encoding(spec, {"ab"}, {}, {{"<s>", true}});
  const Vocab& v = *enc->vocab();
  EXPECT_THROW(table_of(v, {{256, 0}}), InputError);    // cuts before the first byte
  EXPECT_THROW(table_of(v, {{256, 2}}), InputError);    // cuts after the last
  EXPECT_THROW(table_of(v, {{257, 1}}), InputError);    // a rank without bytes
  EXPECT_THROW(table_of(v, {{70000, 1}}), InputError);  // out of range
  EXPECT_EQ(table_of(v, {}).index(256, 1), kNoRank);
}

TEST(HfAddedTokens, SpecialOnesFollowThePolicyOthersAlwaysMatch) {
  auto spec = tiny_hf_spec(Pattern::kCl100k, 260);
  // ids: 256 "ab"; added 257 "<s>" (special), 258 "<s>x" (special), 259 "<tool>" (not)
  auto enc = tiny_hf_encoding(spec, {"ab"}, {{"a", "b"}},
                              {{"<s>", true}, {"<s>x", true}, {"<tool>", false}});
  EXPECT_THROW(enc->count("hi <s>"), InputError);
  EXPECT_EQ(encode(*enc, "<tool>ab"), (Ids{259, 256}));
  SpecialPolicy all;
  all.allow_all = true;
  EXPECT_EQ(encode(*enc, "ab<s>xab<s>", all), (Ids{256, 258, 256, 257}));  // longest at a position
  SpecialPolicy some;
  some.allowed = {"<s>"};
  EXPECT_EQ(encode(*enc, "<s>ab", some), (Ids{257, 256}));
  SpecialPolicy text;
  text.others_as_text = true;
  EXPECT_EQ(encode(*enc, "<s><tool>", text), (Ids{'<', 's', '>', 259}));
  EXPECT_EQ(enc->decode_bytes(Ids{257, 256, 259}.data(), 3), "<s>ab<tool>");
  EXPECT_THROW(enc->decode_bytes(Ids{299}.data(), 1), InputError);
}

TEST(HfVocab, LongTokensAndIdsBeyondTheTokens) {
  auto spec = tiny_hf_spec(Pattern::kR50k, 258, Normalizer::kNone, true);
  std::string spaces(300, ' ');
  auto enc = tiny_hf_encoding(spec, {"  "}, {}, {}, {spaces});
  EXPECT_EQ(enc->vocab()->bytes(257), spaces);
  EXPECT_EQ(encode(*enc, spaces), (Ids{257}));
}

TEST(HfVocab, AFileForAnotherPipelineIsRefused) {
  auto made_for = tiny_hf_spec(Pattern::kCl100k, 257);
  std::string file = testing::tiny_hf_file(made_for, {"ab"}, {{"a", "b"}});
  auto other = tiny_hf_spec(Pattern::kQwen2, 257);
  try {
    Encoding enc(other, reinterpret_cast<const std::uint8_t*>(file.data()), file.size());
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.field(), "vocabulary");
    EXPECT_NE(std::string(e.what()).find("pre=cl100k"), std::string::npos) << e.what();
  }
  // An OpenAI-style file (no merges, no added tokens) is refused as well.
  std::string v2 = testing::tiny_vocab_file_v2("tiny", {"ab"});
  EXPECT_THROW(Encoding(other, reinterpret_cast<const std::uint8_t*>(v2.data()), v2.size()),
               InputError);
}

TEST(HfVocab, EveryTruncationAndByteFlipIsAnInputErrorOrLoads) {
  auto spec = tiny_hf_spec(Pattern::kCl100k, 259);  // 256 bytes, ab, abc, <s>
  std::string file =
      testing::tiny_hf_file(spec, {"ab", "abc"}, {{"a", "b"}, {"ab", "c"}}, {{"<s>", true}});
  auto load = [&](const std::string& bytes) {
    Encoding enc(spec, reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    return enc.count("abc abd", SpecialPolicy{true, {}, false});
  };
  EXPECT_EQ(load(file), 4u);  // "abc", then " abd" as " ", "ab", "d"
  for (std::size_t len = 0; len < file.size(); ++len) {
    EXPECT_THROW(load(file.substr(0, len)), InputError) << len;
  }
  // A flipped byte is either refused or loads a different, still safe, vocabulary.
  for (std::size_t i = 0; i < file.size(); ++i) {
    std::string bad = file;
    bad[i] = static_cast<char>(bad[i] ^ 0x5A);
    try {
      load(bad);
    } catch (const InputError&) {
    }
  }
}

std::vector<std::string> split(Pattern p, const std::string& text) {
  std::vector<std::string> out;
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t end = next_piece(p, s, text.size(), pos);
    out.push_back(text.substr(pos, end - pos));
    pos = end;
  }
  return out;
}

using Pieces = std::vector<std::string>;

TEST(HfPretokenizer, QwenTakesDigitsOneByOne) {
  EXPECT_EQ(split(Pattern::kQwen2, "abc 12345 don't"),
            (Pieces{"abc", " ", "1", "2", "3", "4", "5", " don", "'t"}));
  EXPECT_EQ(split(Pattern::kCl100k, "abc 12345"), (Pieces{"abc", " ", "123", "45"}));
}

TEST(HfPretokenizer, TekkenHasNoContractionsAndSingleDigits) {
  EXPECT_EQ(split(Pattern::kTekken, "I'M don't 2024"),
            (Pieces{"I", "'M", " don", "'t", " ", "2", "0", "2", "4"}));
  EXPECT_EQ(split(Pattern::kO200k, "I'M don't"), (Pieces{"I'M", " don't"}));
}

TEST(HfPretokenizer, DeepSeekSplitsDigitsCjkThenWords) {
  // Digits in threes and CJK runs are pieces of their own before the word
  // regex runs; ASCII punctuation takes the ASCII letters after it.
  EXPECT_EQ(split(Pattern::kDeepSeekV3, "abc12345def"), (Pieces{"abc", "123", "45", "def"}));
  EXPECT_EQ(split(Pattern::kDeepSeekV3, "x日本語かなabc"),
            (Pieces{"x", "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x81\x8B\xE3\x81\xAA", "abc"}));
  EXPECT_EQ(split(Pattern::kDeepSeekV3, "it's www.x.com"),
            (Pieces{"it", "'s", " www", ".x", ".com"}));
  EXPECT_EQ(split(Pattern::kDeepSeekV3, "a  b\n\nc"), (Pieces{"a", " ", " b", "\n\n", "c"}));
  EXPECT_EQ(split(Pattern::kDeepSeekV3, "(\xC3\xA9t\xC3\xA9) !?"),
            (Pieces{"(", "\xC3\xA9t\xC3\xA9", ")", " !?"}));
  // A format character before no letter matches nothing: it is a piece of
  // its own, the text between matches; before a letter it is the prefix.
  EXPECT_EQ(split(Pattern::kDeepSeekV3, "\xE2\x80\x8B\xE2\x80\x8B!"),
            (Pieces{"\xE2\x80\x8B\xE2\x80\x8B", "!"}));
  EXPECT_EQ(split(Pattern::kDeepSeekV3,
                  "\xE2\x80\x8B"
                  "ab"),
            (Pieces{"\xE2\x80\x8B"
                    "ab"}));
  // The end of a gap is the end of the text for \s+(?!\S).
  EXPECT_EQ(split(Pattern::kDeepSeekV3, "a  1"), (Pieces{"a", "  ", "1"}));
  // The katakana middle dot (Po) is in split 2's ranges: not punctuation here.
  EXPECT_EQ(split(Pattern::kDeepSeekV3, "!!\xE3\x83\xBB!"), (Pieces{"!!", "\xE3\x83\xBB", "!"}));
}

}  // namespace
}  // namespace llmcalc::tokenizer
